// POST /api/v1/ais: NMEA 0183 AIS sentences as text, one a line, optionally with NMEA 4.0
// tag blocks. The reply counts what was decoded; positions and registry data are stored.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import type { AisFeed } from '../feeds/ais-feed.ts';
import { MAX_BATCH_BYTES } from '../ingest/batch-envelope.ts';
import { sourceName } from '../alerts/feed-monitor.ts';
import { refuseFailedWrite, refuseNonText } from './refusals.ts';
import { requireIngestKey } from './require-ingest-key.ts';

export const AisReply = Type.Object({
  sentences: Type.Integer({ description: 'AIS sentences seen (good or bad)' }),
  messages: Type.Integer({ description: 'messages decoded (multi-part messages count once)' }),
  rejected: Type.Integer({
    description: 'sentences with a bad checksum or malformed, and fixes with impossible times',
  }),
});

export async function aisRoutes(
  app: FastifyInstance,
  deps: { feed: AisFeed; ingestKey: string },
): Promise<void> {
  app.post(
    '/api/v1/ais',
    {
      bodyLimit: MAX_BATCH_BYTES,
      onRequest: requireIngestKey(deps.ingestKey),
      schema: {
        summary: 'AIS NMEA 0183 sentences (text/plain, one a line, tag blocks welcome)',
        response: { 200: AisReply },
        security: [{ ingestKey: [] }],
      },
    },
    async (request, typedReply) => {
      const reply = typedReply as FastifyReply; // answers other than the 200 schema below
      if (typeof request.body !== 'string') return refuseNonText(reply, 'sentences');
      const source = `http:${sourceName(request.headers['x-quayside-source'], 'ais')}`;
      try {
        return await deps.feed.ingest(request.body, Date.now(), source);
      } catch (error) {
        return refuseFailedWrite(request, reply, error, 'AIS batch').sent;
      }
    },
  );
}
