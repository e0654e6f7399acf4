// How ingest routes say no: one body shape ({statusCode, error, message}) and one answer
// for a write that failed: 429 when the writer is full, 503 when the database is not
// there, each with Retry-After and the promise that nothing of the request was stored.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { QueueFullError } from '../ingest/batch-writer.ts';

const ERRORS: Record<number, string> = {
  400: 'Bad Request',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  503: 'Service Unavailable',
};

export const OVERLOAD_RETRY_AFTER_S = 1;
export const OUTAGE_RETRY_AFTER_S = 5;

export function refuse(reply: FastifyReply, status: number, message: string, retryAfterS?: number) {
  if (retryAfterS !== undefined) reply.header('retry-after', String(retryAfterS));
  return reply.code(status).send({ statusCode: status, error: ERRORS[status] ?? 'Error', message });
}

/** The answer to a write that failed; returns the status it chose (for metrics). */
export function refuseFailedWrite(
  request: FastifyRequest,
  reply: FastifyReply,
  error: unknown,
  what: string,
): { status: 429 | 503; sent: FastifyReply } {
  if (error instanceof QueueFullError)
    return {
      status: 429,
      sent: refuse(
        reply,
        429,
        `${error.message}; nothing from this ${what} was stored, send it again`,
        OVERLOAD_RETRY_AFTER_S,
      ),
    };
  request.log.error({ err: error }, `${what} not stored`);
  return {
    status: 503,
    sent: refuse(
      reply,
      503,
      `database unavailable; nothing from this ${what} was stored, send it again`,
      OUTAGE_RETRY_AFTER_S,
    ),
  };
}

/** Routes that take text (AIS, EDIFACT) refuse anything else with this. */
export const refuseNonText = (reply: FastifyReply, what: string) =>
  refuse(reply, 415, `send the ${what} as text/plain`);
