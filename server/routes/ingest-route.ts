// The shape every batch ingest route shares: the key, the envelope (JSON array or
// NDJSON), per-item validation with per-item reasons, one write that resolves after
// commit, and the overload and outage answers (429 / 503 with Retry-After). The reply
// names every rejected item; the accepted ones are stored whatever their neighbours.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TSchema } from 'typebox';
import { fromJsonBody, fromNdjson, MAX_BATCH_BYTES } from '../ingest/batch-envelope.ts';
import { QueueFullError, type BatchWriter, type WriteBatch } from '../ingest/batch-writer.ts';
import type { RejectionCode, Validation } from '../ingest/validation.ts';
import type { Metrics } from '../metrics.ts';
import { IngestReply } from '../../protocol/telemetry.ts';
import { requireIngestKey } from './require-ingest-key.ts';

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl'];
const isNdjson = (contentType: string | undefined) =>
  NDJSON_TYPES.includes((contentType ?? '').split(';')[0]!.trim().toLowerCase());

const OVERLOAD_RETRY_AFTER_S = 1;
const OUTAGE_RETRY_AFTER_S = 5;

export interface IngestRouteOptions<T> {
  path: string;
  /** Label for metrics and logs: telemetry, events. */
  endpoint: string;
  summary: string;
  /** The item schema, for the API description (items are validated one by one). */
  itemSchema: TSchema;
  validate(item: unknown, nowMs: number): Validation<T>;
  toBatch(values: T[]): WriteBatch;
  /** Runs once the values are committed (e.g. push them live). */
  onCommitted?(values: T[]): void;
  writer: BatchWriter;
  metrics: Metrics;
  ingestKey: string;
}

function refuse(reply: FastifyReply, status: number, message: string, retryAfterS?: number) {
  const errors: Record<number, string> = {
    400: 'Bad Request',
    413: 'Payload Too Large',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(status).send({ statusCode: status, error: errors[status], message });
}

export function registerIngestRoute<T>(app: FastifyInstance, options: IngestRouteOptions<T>): void {
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

      const nowMs = Date.now();
      const accepted: T[] = [];
      const rejected: { index: number; reason: string; code: RejectionCode }[] =
        envelope.lineErrors.map((e) => ({ ...e, code: 'malformed' }));
      const unparsable = new Set(rejected.map((r) => r.index));
      envelope.items.forEach((item, index) => {
        if (unparsable.has(index)) return;
        const result = options.validate(item, nowMs);
        if (result.ok) accepted.push(result.value);
        else rejected.push({ index, reason: result.reason, code: result.code });
      });
      rejected.sort((a, b) => a.index - b.index);

      try {
        await options.writer.write(options.toBatch(accepted));
      } catch (error) {
        if (error instanceof QueueFullError) {
          metrics.requestsRefused.inc({ endpoint, status: 429 });
          return refuse(
            reply,
            429,
            `${error.message}; nothing from this batch was stored, send it again`,
            OVERLOAD_RETRY_AFTER_S,
          );
        }
        request.log.error({ err: error }, `${endpoint} batch not stored`);
        metrics.requestsRefused.inc({ endpoint, status: 503 });
        return refuse(
          reply,
          503,
          'database unavailable; nothing from this batch was stored, send it again',
          OUTAGE_RETRY_AFTER_S,
        );
      }
      for (const r of rejected) metrics.itemsRejected.inc({ endpoint, reason: r.code });
      metrics.itemsAccepted.inc({ endpoint }, accepted.length);
      options.onCommitted?.(accepted);
      const body: IngestReply = {
        accepted: accepted.length,
        rejected: rejected.map(({ index, reason }) => ({ index, reason })),
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
