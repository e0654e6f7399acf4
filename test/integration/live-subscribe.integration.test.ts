// Subscriptions over the wire: a real socket.io-client asks for layers, a terminal and
// KPI scopes; what is malformed is left out and the reply says what holds; what the
// client is then sent matches what it asked for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { LiveSnapshot, LiveSubscription } from '../../protocol/live.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { equipmentFix } from '../helpers/fixtures.ts';
import { connectLiveClient, type RecordingLiveClient } from '../helpers/live-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const terminal = buildDemoPort().features.find((f) => f.properties.kind === 'terminal')!;

describe('live subscriptions over Socket.IO', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let live: RecordingLiveClient;

  const subscribe = (subscription: unknown) =>
    new Promise<LiveSnapshot>((resolve) =>
      live.socket.emit('subscribe', subscription as LiveSubscription, resolve),
    );

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { liveFlushIntervalMs: 50 });
    live = connectLiveClient(server.url);
    await live.until(() => live.snapshots.length === 1);
  });
  afterAll(async () => {
    live?.close();
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('keeps what is well formed and says so in the reply', async () => {
    const snapshot = await subscribe({
      kinds: ['truck', 'submarine', 7],
      terminalId: 'no-such-terminal',
      kpiScopes: ['port', 42, 'x'.repeat(500)],
      extra: true,
    });
    expect(snapshot.subscription).toEqual({ kinds: ['truck'], kpiScopes: ['port'] });
    expect((await subscribe('nonsense')).subscription).toEqual({});
    expect((await subscribe(null)).subscription).toEqual({});
  });

  it('sends a terminal subscriber what moves inside the terminal and not what is outside', async () => {
    const snapshot = await subscribe({ terminalId: terminal.properties.id, kinds: ['agv'] });
    expect(snapshot.subscription).toEqual({ terminalId: terminal.properties.id, kinds: ['agv'] });
    const [lon, lat] = buildDemoPort().properties.center;
    const seen = live.batches.length;
    const response = await server.post('/api/v1/telemetry', [
      equipmentFix('AGV-IN', 0, { kind: 'agv', lon, lat }),
      equipmentFix('AGV-FAR', 0, { kind: 'agv', lon: lon + 1, lat }),
      equipmentFix('TRUCK-IN', 0, { kind: 'truck', lon, lat }),
    ]);
    expect(response.status).toBe(200);
    await live.until(() =>
      live.batches.slice(seen).some((b) => b.positions.ids.includes('AGV-IN')),
    );
    const sent = live.batches.slice(seen).flatMap((b) => b.positions.ids);
    expect(sent).not.toContain('AGV-FAR');
    expect(sent).not.toContain('TRUCK-IN');
  });
});
