// The live channel as a wall display lives on it: the port simulator feeds a real server
// through the public ingest API (at 10x, so a few minutes of port pass in seconds) while
// real socket.io-clients watch, one of them too slow to read and one that drops off and
// comes back. Every client must end on the server's picture, the slow one must not make
// the server hold more than a batch or two for it, and the one that comes back must start
// over from a snapshot. KPIs arrive about once a second throughout. (At the simulator's
// volume, about 150 kB/s a client, the kernel's socket buffers absorb a 13 s stall, so the
// server seldom needs to drop here; live-push.integration.test.ts drives the drop path
// with a load that overflows them.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import { IngestClient } from '../../simulators/ingest-client.ts';
import { runLive } from '../../simulators/run-modes.ts';
import { Simulation } from '../../simulators/simulation.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import {
  connectLiveClient,
  heldForClient,
  readerOf,
  trackPicture,
  untilAllHold,
  type RecordingLiveClient,
} from '../helpers/live-client.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

const SPEED = 10;
const RUN_MS = 20_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live channel fed by the simulator', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { liveFlushIntervalMs: 200 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('keeps steady, slow and reconnecting clients on the server’s picture', async () => {
    const clients = Array.from({ length: 4 }, () => connectLiveClient(server.url));
    const [steady, slow, rejoining] = clients as [
      RecordingLiveClient,
      RecordingLiveClient,
      RecordingLiveClient,
    ];
    const pictures = clients.map(trackPicture);
    const kpiMessages: number[] = [];
    steady.socket.on('kpis', (message) => kpiMessages.push(message.serverTimeMs));
    await Promise.all(clients.map((c) => c.until(() => c.snapshots.length > 0)));

    // The simulator as a real source: the port model from the API, the rest by ingest.
    const model = (await (await fetch(`${server.url}/api/v1/port`)).json()) as PortModel;
    const simulation = new Simulation(model, {
      startMs: Date.now() - 10 * 60_000,
      config: { warmUpHours: 6 },
    });
    const problems: string[] = [];
    const feed = new IngestClient({
      target: server.url,
      key: TEST_KEY,
      log: (message) => message.startsWith('BUG') && problems.push(message),
      dropStalePositions: true,
      onFatal: (message) => problems.push(message),
    });
    const run = runLive(simulation, feed, SPEED);

    const slowReader = readerOf(slow);
    let mostPackets = 0;
    let mostUnsentMb = 0;
    let missedWhileStalled = 0;
    const started = Date.now();
    for (let elapsed = 0; elapsed < RUN_MS; elapsed = Date.now() - started) {
      if (elapsed > 2_000 && elapsed < 15_000) slowReader.pause();
      else {
        // Before it reads again: the stalled client's picture lags the steady one's.
        if (elapsed >= 15_000 && missedWhileStalled === 0) {
          const steadyPicture = pictures[0]!.picture;
          for (const [id, ms] of pictures[1]!.picture)
            if (ms < (steadyPicture.get(id) ?? 0)) missedWhileStalled += 1;
        }
        slowReader.resume();
      }
      if (elapsed > 5_000 && elapsed < 10_000 && rejoining.socket.connected)
        rejoining.socket.disconnect();
      if (elapsed >= 10_000 && !rejoining.socket.connected) rejoining.socket.connect();
      if (slow.socket.connected) {
        const held = heldForClient(server.app.io, slow);
        mostPackets = Math.max(mostPackets, held.packets);
        mostUnsentMb = Math.max(mostUnsentMb, held.unsentBytes / 2 ** 20);
      }
      await sleep(200);
    }
    slowReader.resume();
    run.stop();
    await feed.flushed();
    await sleep(500); // the hub's last flush
    expect(problems).toEqual([]);

    await steady.resync(); // a round trip: everything sent before it has arrived
    const expected = server.app.hub.snapshot();
    // The whole simulated port: quay, yard and terminal equipment (about 200 machines, day
    // and night), trucks (from some 50 at night to over 200 by day), ships.
    const machines = expected.positions.kinds.filter((k) => k !== 'truck' && k !== 'vessel');
    expect(machines.length).toBeGreaterThan(150);
    expect(new Set(expected.positions.kinds)).toEqual(
      new Set(['sts', 'yard_crane', 'agv', 'truck', 'scanner', 'vessel']),
    );
    await untilAllHold(clients, pictures, expected);
    console.log(
      `simulator-fed live channel: ${expected.positions.ids.length} entities, slow client at most ${mostPackets} ` +
        `packets and ${mostUnsentMb.toFixed(2)} MB held, ${missedWhileStalled} entities stale ` +
        `when it read again, ${pictures[1]!.resyncs()} resyncs, ` +
        `${kpiMessages.length} KPI messages in ${RUN_MS / 1000} s`,
    );
    expect(missedWhileStalled).toBeGreaterThan(100);
    expect(mostPackets).toBeLessThan(10);
    expect(mostUnsentMb).toBeLessThan(8);
    expect(rejoining.snapshots.length).toBeGreaterThan(1);
    expect(kpiMessages.length).toBeGreaterThanOrEqual(RUN_MS / 1000 - 5);
    for (const c of clients) c.close();
  }, 120_000);
});
