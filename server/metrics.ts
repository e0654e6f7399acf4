// Prometheus metrics (GET /metrics). One registry per app, so tests can run several.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'quayside_' });
  return {
    registry,
    itemsAccepted: new Counter({
      name: 'quayside_ingest_items_accepted_total',
      help: 'Ingest items accepted (committed), by endpoint',
      labelNames: ['endpoint'] as const,
      registers: [registry],
    }),
    itemsRejected: new Counter({
      name: 'quayside_ingest_items_rejected_total',
      help: 'Ingest items rejected, by endpoint and reason (malformed, schema, time, identifier)',
      labelNames: ['endpoint', 'reason'] as const,
      registers: [registry],
    }),
    requestsRefused: new Counter({
      name: 'quayside_ingest_requests_refused_total',
      help: 'Ingest requests refused whole, by endpoint and status (400, 401, 413, 429, 503)',
      labelNames: ['endpoint', 'status'] as const,
      registers: [registry],
    }),
    queueDepth: new Gauge({
      name: 'quayside_ingest_queue_items',
      help: 'Items waiting in the batched writer',
      registers: [registry],
    }),
    writeLatency: new Histogram({
      name: 'quayside_ingest_write_seconds',
      help: 'Duration of one batched write transaction',
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    writeRows: new Histogram({
      name: 'quayside_ingest_write_items',
      help: 'Items per batched write transaction',
      buckets: [1, 10, 100, 1_000, 5_000, 10_000, 20_000],
      registers: [registry],
    }),
    databaseErrors: new Counter({
      name: 'quayside_database_errors_total',
      help: 'Database operations that failed, by operation',
      labelNames: ['operation'] as const,
      registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
