// The Fastify application, built from its parts so tests can make one with inject() or
// on a real port. It owns the live hub, the batched writer and the Socket.IO server; the
// database is passed in and closed by whoever opened it.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Server as SocketServer } from 'socket.io';
import type { Database } from '../db/database.ts';
import { LIVE_NAMESPACE } from '../protocol/live.ts';
import type { PortModel } from '../protocol/port-model.ts';
import { BatchWriter, type BatchWriterOptions } from './ingest/batch-writer.ts';
import { startMqttIngest } from './ingest/mqtt-ingest.ts';
import { LiveHub } from './live/live-hub.ts';
import { fromEquipment, fromVessel } from './live/live-positions.ts';
import { terminalBounds } from './live/live-filter.ts';
import { attachLiveSocket } from './live/live-socket.ts';
import { createMetrics, type Metrics } from './metrics.ts';
import { apiDocs } from './routes/api-docs.ts';
import { clientAppRoutes } from './routes/client-app.ts';
import { healthRoutes } from './routes/health.ts';
import { ingestRoutes } from './routes/ingest.ts';
import { metricsRoutes } from './routes/metrics.ts';
import { alertRoutes } from './routes/alerts.ts';
import { AlertEngine } from './alerts/alert-engine.ts';
import { DEFAULT_ALERT_RULES, type AlertRule } from './alerts/alert-rules.ts';
import { AlertStore } from './alerts/alert-store.ts';
import { FeedMonitor } from './alerts/feed-monitor.ts';
import { feedSignals, kpiSignals, stateSignals } from './alerts/alert-signals.ts';
import { writeCheckpoint } from './kpi/checkpoints.ts';
import { LiveKpis } from './kpi/live-kpis.ts';
import type { KpiChoices } from './kpi/kpi-choices.ts';
import { portFacts } from './kpi/port-facts.ts';
import { kpiRoutes } from './routes/kpis.ts';
import type { AlertRuleId } from '../protocol/alerts.ts';
import { replayRoutes } from './routes/replay.ts';
import { exportRoutes } from './routes/export.ts';
import { ReplayCache } from './replay/replay-cache.ts';
import { portModelRoutes } from './routes/port-model.ts';
import { clientConfigRoutes } from './routes/client-config.ts';
import { vesselRoutes } from './routes/vessels.ts';
import { historyRoutes } from './routes/history.ts';
import { searchRoutes } from './routes/search.ts';
import { aisRoutes } from './routes/ais.ts';
import { edifactRoutes } from './routes/edifact.ts';
import { AisFeed } from './feeds/ais-feed.ts';
import { aisPortCalls } from './feeds/ais-port-calls.ts';
import { startAisListeners } from './feeds/ais-listeners.ts';
import type { Listener } from './feeds/nmea-listeners.ts';
import { latestEquipmentPositions, latestVesselPositions } from './storage/latest.ts';
import { loadCallRoster } from './live/call-roster.ts';
import {
  buildOperationsPicture,
  FLOW_WINDOW_MS,
  LONGEST_LEG_MS,
} from './live/operations-picture.ts';

export interface AppOptions {
  db: Database;
  portModel: PortModel;
  ingestKey: string;
  version: string;
  clientDir: string;
  /** A pino logger; without one the app logs nothing (tests). */
  logger?: FastifyBaseLogger;
  liveFlushIntervalMs?: number;
  writer?: Omit<BatchWriterOptions, 'metrics'>;
  /** The alert rules in force (defaults, or loaded from QUAYSIDE_ALERT_RULES). */
  alertRules?: Record<AlertRuleId, AlertRule>;
  /** How KPIs that terminals define differently are computed (QUAYSIDE_KPI_DEFINITIONS). */
  kpiChoices?: KpiChoices;
  alertIntervalMs?: number;
  /** AIS listeners (AIS_UDP_PORT, AIS_TCP_PORT); a port of 0 lets the OS choose (tests). */
  ais?: { host: string; udpPort?: number; tcpPort?: number };
  /** MQTT broker to ingest from (MQTT_URL); unset: no MQTT. */
  mqtt?: { url: string; clientId?: string; retryAfterMs?: number };
  /** An online MapLibre style for the client's base map (BASEMAP_STYLE_URL); unset: offline only. */
  basemapStyleUrl?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    hub: LiveHub;
    io: SocketServer;
    writer: BatchWriter;
    metrics: Metrics;
    /** The AIS UDP/TCP listeners running, with the ports they got. */
    aisListeners: (Listener & { protocol: 'udp' | 'tcp' })[];
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

  const metrics = createMetrics();
  const facts = portFacts(options.portModel, options.kpiChoices);
  const liveKpis = await LiveKpis.fromHistory(options.db.pool, facts, Date.now());
  const roster = await loadCallRoster(options.db.pool, Date.now());
  const replayCache = new ReplayCache(options.db.pool);
  const writer = new BatchWriter(options.db.pool, {
    ...options.writer,
    metrics,
    onEventsCommitted: (events) => {
      liveKpis.add(events);
      roster.add(events);
      replayCache.committed(events);
    },
  });
  const hub = new LiveHub({
    flushIntervalMs: options.liveFlushIntervalMs ?? 200,
    terminals: terminalBounds(options.portModel),
  });
  hub.seed([
    ...(await latestEquipmentPositions(options.db.pool)).map(fromEquipment),
    ...(await latestVesselPositions(options.db.pool)).map(fromVessel),
  ]);
  hub.start();
  const io = attachLiveSocket(app.server, hub);
  app.decorate('hub', hub);
  app.decorate('io', io);
  app.decorate('writer', writer);
  app.decorate('metrics', metrics);

  const feeds = new FeedMonitor();
  const alertStore = new AlertStore(options.db.pool);
  const alerts = new AlertEngine(alertStore, options.alertRules ?? DEFAULT_ALERT_RULES, (alert) =>
    hub.publishAlert(alert),
  );
  await alerts.restore();
  hub.seedAlerts(await alertStore.open());
  const aisFeed = new AisFeed({
    writer,
    derive: aisPortCalls(options.portModel, (reason) =>
      app.log.warn(`AIS port-call event not valid: ${reason}`),
    ),
    onCommitted: (live, source) => {
      hub.publishPositions(live);
      feeds.record(source, Date.now());
    },
  });
  const aisListeners = await startAisListeners(options.ais, aisFeed, app.log);
  app.decorate('aisListeners', aisListeners);
  // Once a second: the live KPIs move on and go out, the alert rules look at them and at
  // the feeds, and an hourly checkpoint of the port's state is kept for history queries.
  const pulse = async () => {
    const now = Date.now();
    liveKpis.tick(now);
    const kpis = liveKpis.current();
    const state = liveKpis.latestState;
    roster.prune(now);
    const picture =
      state &&
      buildOperationsPicture({
        state,
        roster,
        facts,
        recentEvents: liveKpis.eventsSince(now - FLOW_WINDOW_MS - LONGEST_LEG_MS),
        nowMs: now,
      });
    hub.publishKpis(kpis, picture);
    await alerts.evaluate(
      [...feedSignals(feeds, now), ...kpiSignals(kpis), ...(state ? stateSignals(state, now) : [])],
      now,
    );
    const checkpoint = liveKpis.takeCheckpoint();
    if (checkpoint) await writeCheckpoint(options.db.pool, checkpoint.atMs, checkpoint.state);
  };
  let pulsing = false;
  const alertTimer = setInterval(() => {
    if (pulsing) return; // a slow database delays the next pulse rather than piling them up
    pulsing = true;
    pulse()
      .catch((error: unknown) => app.log.warn({ err: error }, 'live KPI and alert pulse failed'))
      .finally(() => (pulsing = false));
  }, options.alertIntervalMs ?? 1_000);
  const mqttIngest =
    options.mqtt &&
    startMqttIngest({
      ...options.mqtt,
      writer,
      metrics,
      log: app.log,
      onCommitted: (live, source) => {
        hub.publishPositions(live);
        feeds.record(source, Date.now());
      },
    });

  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode >= 400)
      request.log.info(
        { method: request.method, url: request.url, statusCode: reply.statusCode },
        'request refused',
      );
  });
  app.addHook('preClose', async () => {
    clearInterval(alertTimer);
    await mqttIngest?.stop();
    await Promise.all(aisListeners.map((l) => l.close()));
    hub.stop();
    // Drop live clients first, or the HTTP server waits on their sockets. (io.close()
    // would also close the HTTP server, which is Fastify's job.)
    io.of(LIVE_NAMESPACE).disconnectSockets(true);
    io.engine.close();
  });
  // Requests in flight have had their answer by now; what they queued is written.
  app.addHook('onClose', async () => writer.drain());

  await apiDocs(app, options.version);
  await app.register(healthRoutes(options.db, options.version));
  await app.register(portModelRoutes(options.portModel));
  await app.register(clientConfigRoutes({ basemapStyleUrl: options.basemapStyleUrl }));
  await app.register(async (scope) =>
    ingestRoutes(scope, { writer, hub, feeds, metrics, ingestKey: options.ingestKey }),
  );
  await app.register(async (scope) => metricsRoutes(scope, metrics));
  await app.register(async (scope) => vesselRoutes(scope, options.db.pool));
  await app.register(async (scope) =>
    historyRoutes(scope, { pool: options.db.pool, portModel: options.portModel }),
  );
  await app.register(async (scope) =>
    searchRoutes(scope, { pool: options.db.pool, portModel: options.portModel }),
  );
  await app.register(async (scope) => kpiRoutes(scope, { pool: options.db.pool, facts }));
  await app.register(async (scope) => exportRoutes(scope, { pool: options.db.pool, facts }));
  await app.register(async (scope) =>
    replayRoutes(scope, { db: options.db.pool, cache: replayCache, facts, alerts: alertStore }),
  );
  await app.register(async (scope) =>
    aisRoutes(scope, { feed: aisFeed, ingestKey: options.ingestKey }),
  );
  await app.register(async (scope) =>
    edifactRoutes(scope, { writer, portModel: options.portModel, ingestKey: options.ingestKey }),
  );
  await app.register(async (scope) =>
    alertRoutes(scope, {
      store: alertStore,
      onChange: (alert) => {
        alerts.forget(alert);
        hub.publishAlert(alert);
      },
    }),
  );
  await clientAppRoutes(app, options.clientDir);
  return app;
}
