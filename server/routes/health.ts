import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HealthReply } from '../../protocol/health.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { Database } from '../../db/database.ts';

const PROBE_TIMEOUT_MS = 2_000;

async function probe(db: Database): Promise<string | undefined> {
  const failure = db.failure();
  if (failure) return failure;
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.pool.query('SELECT 1'),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('database did not answer within 2 s')),
          PROBE_TIMEOUT_MS,
        );
      }),
    ]);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    clearTimeout(timer);
  }
}

export const healthRoutes =
  (db: Database, version: string): FastifyPluginAsyncTypebox =>
  async (app) => {
    const startedAt = Date.now();
    app.get(
      '/api/health',
      { schema: { response: { 200: HealthReply, 503: HealthReply } } },
      async (_request, reply) => {
        const error = await probe(db);
        const body: HealthReply = {
          status: error ? 'unavailable' : 'ok',
          db: {
            engine: db.engine,
            timescaledb: db.timescaledb,
            reachable: !error,
            ...(error ? { error } : {}),
          },
          version,
          protocolVersion: PROTOCOL_VERSION,
          uptimeS: Math.round((Date.now() - startedAt) / 1000),
        };
        return reply.code(error ? 503 : 200).send(body);
      },
    );
  };
