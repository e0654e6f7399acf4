// POST /api/v1/telemetry (equipment and vessel positions) and POST /api/v1/events
// (logistics events). Committed positions go to the live hub.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { EVENT_SCHEMAS, EVENT_TYPES } from '../../protocol/events.ts';
import type { LivePosition } from '../../protocol/live.ts';
import { TelemetryItem } from '../../protocol/telemetry.ts';
import { VesselPositionItem } from '../../protocol/vessel.ts';
import type { FeedMonitor } from '../alerts/feed-monitor.ts';
import type { BatchWriter } from '../ingest/batch-writer.ts';
import type { LiveHub } from '../live/live-hub.ts';
import type { Metrics } from '../metrics.ts';
import { acceptNdjson, registerIngestRoute } from './ingest-route.ts';

export interface IngestDeps {
  writer: BatchWriter;
  hub: LiveHub;
  feeds: FeedMonitor;
  metrics: Metrics;
  ingestKey: string;
}

export async function ingestRoutes(app: FastifyInstance, deps: IngestDeps): Promise<void> {
  acceptNdjson(app);
  const shared = {
    writer: deps.writer,
    metrics: deps.metrics,
    ingestKey: deps.ingestKey,
    onCommitted: (live: LivePosition[], source: string) => {
      deps.hub.publishPositions(live);
      deps.feeds.record(source, Date.now());
    },
  };

  registerIngestRoute(app, {
    ...shared,
    path: '/api/v1/telemetry',
    endpoint: 'telemetry',
    summary: 'Equipment and vessel positions (an item with `mmsi` is a vessel)',
    itemSchema: Type.Union([TelemetryItem, VesselPositionItem]),
  });
  registerIngestRoute(app, {
    ...shared,
    path: '/api/v1/events',
    endpoint: 'events',
    summary: `Logistics events, by type: ${EVENT_TYPES.join(', ')}`,
    itemSchema: Type.Union(Object.values(EVENT_SCHEMAS)),
  });
}
