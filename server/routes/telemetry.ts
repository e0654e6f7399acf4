// POST /api/v1/telemetry: equipment positions in batches. The reply comes only after the
// accepted items are committed; then they go to the live hub.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { EquipmentPosition, IngestReply } from '../../protocol/telemetry.ts';
import { fromJsonBody, fromNdjson, MAX_BATCH_BYTES } from '../ingest/batch-envelope.ts';
import { validateTelemetry } from '../ingest/validate-telemetry.ts';
import type { PositionStore } from '../ingest/position-store.ts';
import type { LiveHub } from '../live/live-hub.ts';
import { requireIngestKey } from './require-ingest-key.ts';

const DATABASE_RETRY_AFTER_S = 5;
const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];
const isNdjson = (contentType: string | undefined) =>
  NDJSON_TYPES.includes((contentType ?? '').split(';')[0]!.trim().toLowerCase());

export const telemetryRoutes =
  (deps: { store: PositionStore; hub: LiveHub; ingestKey: string }): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.addContentTypeParser(
      NDJSON_TYPES,
      { parseAs: 'string', bodyLimit: MAX_BATCH_BYTES },
      (_request, body, done) => done(null, body),
    );

    app.post(
      '/api/v1/telemetry',
      { bodyLimit: MAX_BATCH_BYTES, onRequest: requireIngestKey(deps.ingestKey) },
      async (request, reply) => {
        const envelope = isNdjson(request.headers['content-type'])
          ? fromNdjson(request.body as string)
          : fromJsonBody(request.body);
        if (!envelope.ok)
          return reply.code(envelope.status).send({
            statusCode: envelope.status,
            error: envelope.status === 413 ? 'Payload Too Large' : 'Bad Request',
            message: envelope.reason,
          });

        const nowMs = Date.now();
        const accepted: EquipmentPosition[] = [];
        const rejected = [...envelope.lineErrors];
        const unparsable = new Set(rejected.map((r) => r.index));
        envelope.items.forEach((item, index) => {
          if (unparsable.has(index)) return;
          const result = validateTelemetry(item, nowMs);
          if (result.ok) accepted.push(result.position);
          else rejected.push({ index, reason: result.reason });
        });
        rejected.sort((a, b) => a.index - b.index);

        try {
          await deps.store.insert(accepted);
        } catch (error) {
          request.log.error({ err: error }, 'telemetry batch not stored');
          return reply.code(503).header('retry-after', String(DATABASE_RETRY_AFTER_S)).send({
            statusCode: 503,
            error: 'Service Unavailable',
            message: 'database unavailable; nothing from this batch was stored, send it again',
          });
        }
        deps.hub.publishPositions(accepted);
        const body: IngestReply = { accepted: accepted.length, rejected };
        return body;
      },
    );
  };
