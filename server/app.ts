// The Fastify application, built from its parts so tests can make one with inject() or
// on a real port. It owns the live hub and the Socket.IO server; the database is passed
// in and closed by whoever opened it.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Server as SocketServer } from 'socket.io';
import type { Database } from '../db/database.ts';
import { LIVE_NAMESPACE } from '../protocol/live.ts';
import type { PortModel } from '../protocol/port-model.ts';
import { PositionStore } from './ingest/position-store.ts';
import { LiveHub } from './live/live-hub.ts';
import { attachLiveSocket } from './live/live-socket.ts';
import { clientAppRoutes } from './routes/client-app.ts';
import { healthRoutes } from './routes/health.ts';
import { portModelRoutes } from './routes/port-model.ts';
import { telemetryRoutes } from './routes/telemetry.ts';

export interface AppOptions {
  db: Database;
  portModel: PortModel;
  ingestKey: string;
  version: string;
  clientDir: string;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  liveFlushIntervalMs?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: LiveHub;
    io: SocketServer;
  }
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    // Keep-alive connections would hold a graceful shutdown open.
    // (Fastify's request log lines carry no headers, so the ingest key never reaches a log.)
    forceCloseConnections: 'idle',
    // Feeds post every second: log only what went wrong (see the onResponse hook).
    logController: new LogController({ disableRequestLogging: true }),
  }).withTypeProvider<TypeBoxTypeProvider>();

  const store = new PositionStore(options.db.pool);
  const hub = new LiveHub({ flushIntervalMs: options.liveFlushIntervalMs ?? 200 });
  hub.seed(await store.latest());
  hub.start();
  const io = attachLiveSocket(app.server, hub);
  app.decorate('hub', hub);
  app.decorate('io', io);

  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400)
      request.log.info(
        { method: request.method, url: request.url, statusCode: reply.statusCode },
        'request refused',
      );
  });
  app.addHook('preClose', async () => {
    hub.stop();
    // Drop live clients first, or the HTTP server waits on their sockets. (io.close()
    // would also close the HTTP server, which is Fastify's job.)
    io.of(LIVE_NAMESPACE).disconnectSockets(true);
    io.engine.close();
  });

  await app.register(healthRoutes(options.db, options.version));
  await app.register(portModelRoutes(options.portModel));
  await app.register(telemetryRoutes({ store, hub, ingestKey: options.ingestKey }));
  await clientAppRoutes(app, options.clientDir);
  return app;
}
