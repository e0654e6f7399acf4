// The shape every batch ingest route shares: the key, the envelope (JSON array or
// NDJSON), per-item validation with per-item reasons, one write that resolves after
// commit, and the overload and outage answers (429 / 503 with Retry-After). The reply
// names every rejected item; the accepted ones are stored whatever their neighbours.
import type { FastifyInstance } from 'fastify';
import type { TSchema } from 'typebox';
import { fromJsonBody, fromNdjson, MAX_BATCH_BYTES } from '../ingest/batch-envelope.ts';
import type { BatchWriter } from '../ingest/batch-writer.ts';
import { refuse, refuseFailedWrite } from './refusals.ts';
import { countOutcome, validateItems, type Endpoint } from '../ingest/validate-items.ts';
import type { LivePosition } from '../../protocol/live.ts';
import type { Metrics } from '../metrics.ts';
import { IngestReply } from '../../protocol/telemetry.ts';
import { sourceName } from '../alerts/feed-monitor.ts';
import { requireIngestKey } from './require-ingest-key.ts';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];
const isNdjson = (contentType: string | undefined) =>
  NDJSON_TYPES.includes((contentType ?? '').split(';')[0]!.trim().toLowerCase());

export interface IngestRouteOptions {
  path: string;
  endpoint: Endpoint;
  summary: string;
  /** The item schema, for the API description (items are validated one by one). */
  itemSchema: TSchema;
  writer: BatchWriter;
  metrics: Metrics;
  ingestKey: string;
  /** Runs once the items are committed: pushes their positions live, notes the feed. */
  onCommitted(live: LivePosition[], source: string): void;
}

export function registerIngestRoute(app: FastifyInstance, options: IngestRouteOptions): void {
  const { endpoint, metrics } = options;
  app.post(options.path, {
    bodyLimit: MAX_BATCH_BYTES,
    onRequest: requireIngestKey(options.ingestKey),
    schema: {
      summary: options.summary,
      description: `A JSON array (or NDJSON, one item a line) of at most 10,000 items and 8 MiB. Each item is validated on its own; the reply names every rejected item with its reason and is sent once the accepted items are committed.`,
      body: { type: 'array', items: options.itemSchema },
      response: { 200: IngestReply },
      security: [{ ingestKey: [] }],
    },
    // The body schema documents the items; validation is per item, in the handler.
    validatorCompiler: () => (value) => ({ value }),
    handler: async (request, reply) => {
      const envelope = isNdjson(request.headers['content-type'])
        ? fromNdjson(request.body as string)
        : fromJsonBody(request.body);
      if (!envelope.ok) {
        metrics.requestsRefused.inc({ endpoint, status: envelope.status });
        return refuse(reply, envelope.status, envelope.reason);
      }

      const checked = validateItems(
        endpoint,
        envelope.items,
        Date.now(),
        envelope.lineErrors.map((e) => ({ ...e, code: 'malformed' })),
      );
      try {
        await options.writer.write(checked.batch);
      } catch (error) {
        const { status, sent } = refuseFailedWrite(request, reply, error, `${endpoint} batch`);
        metrics.requestsRefused.inc({ endpoint, status });
        return sent;
      }
      countOutcome(metrics, endpoint, checked);
      options.onCommitted(
        checked.live,
        `http:${sourceName(request.headers['x-quayside-source'], endpoint)}`,
      );
      const body: IngestReply = {
        accepted: checked.accepted,
        rejected: checked.rejected.map(({ index, reason }) => ({ index, reason })),
      };
      return body;
    },
  });
}

/** NDJSON bodies reach the handler as text; the envelope splits them. */
export function acceptNdjson(app: FastifyInstance): void {
  app.addContentTypeParser(
    NDJSON_TYPES,
    { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES },
    (_request, body, done) => done(null, body),
  );
}
