import type { FastifyReply, FastifyRequest } from 'fastify';
import { bearerMatches } from '../ingest-key.ts';

/** onRequest hook: 401 unless `Authorization: Bearer KEY` carries the ingest key. */
export const requireIngestKey =
  (key: string) => async (request: FastifyRequest, reply: FastifyReply) => {
    if (bearerMatches(request.headers.authorization, key)) return;
    await reply.code(401).header('www-authenticate', 'Bearer').send({
      statusCode: 401,
      error: 'Unauthorized',
      message: 'ingest needs the header Authorization: Bearer <ingest key>',
    });
  };
