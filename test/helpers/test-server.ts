// A real Quayside server on a real port (port 0: the OS picks one), in this process,
// over a real database. For tests that need the process itself (signals), see
// server-process.ts.
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import type { Database } from '../../db/database.ts';

export const TEST_KEY = 'test-ingest-key-0123456789';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  post(
    path: string,
    body: unknown,
    init?: { contentType?: string; key?: string | null },
  ): Promise<Response>;
  close(): Promise<void>;
}

export async function startTestServer(
  db: Database,
  options: Pick<
    AppOptions,
    'liveFlushIntervalMs' | 'writer' | 'mqtt' | 'alertRules' | 'alertIntervalMs' | 'ais'
  > = {},
): Promise<TestServer> {
  const app = await buildApp({
    db,
    portModel: buildDemoPort(),
    ingestKey: TEST_KEY,
    version: 'test',
    clientDir: '/nonexistent',
    ...options,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    app,
    url,
    post: (path, body, init = {}) =>
      fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': init.contentType ?? 'application/json',
          ...(init.key === null ? {} : { authorization: `Bearer ${init.key ?? TEST_KEY}` }),
        },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      }),
    close: () => app.close(),
  };
}
