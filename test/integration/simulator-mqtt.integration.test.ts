// The simulator's MQTT publisher into a real server through a real broker (MQTT_URL).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import { IngestClient } from '../../simulators/ingest-client.ts';
import { MqttFeed } from '../../simulators/mqtt-feed.ts';
import { MqttPublisher } from '../../simulators/mqtt-publisher.ts';
import { runLive } from '../../simulators/run-modes.ts';
import { Simulation } from '../../simulators/simulation.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { equipmentFix, oneEventOfEachType } from '../helpers/fixtures.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

const MQTT_URL = process.env.MQTT_URL;

describe.runIf(MQTT_URL)('the simulator publishing over MQTT', () => {
  const run = randomBytes(4).toString('hex');
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let publisher: MqttPublisher;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, {
      mqtt: { url: MQTT_URL!, clientId: `quayside-sim-test-${run}` },
    });
    publisher = await MqttPublisher.connect(MQTT_URL!, `sim-${run}`);
  });
  afterAll(async () => {
    await publisher?.close();
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('gets its telemetry and events stored, in messages of at most 1,000 items', async () => {
    const fixes = Array.from({ length: 2_500 }, (_, i) =>
      equipmentFix(`SIM-${run}-${i % 50}`, 1 + i / 1000),
    );
    const count = async () =>
      Number(
        (
          await db.pool.query(
            `SELECT count(*) AS n FROM equipment_position WHERE equipment_id LIKE $1`,
            [`SIM-${run}-%`],
          )
        ).rows[0].n,
      );
    // The server subscribes once connected; publishing is idempotent, so repeat until it lands.
    for (let attempt = 0; attempt < 50 && (await count()) < 2_500; attempt += 1) {
      await publisher.publish('telemetry', fixes);
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await count()).toBe(2_500);
    await publisher.publish('events', oneEventOfEachType(`SIMQ${run}`));
    for (let i = 0; i < 50; i += 1) {
      const { rows } = await db.pool.query(
        `SELECT count(*) AS n FROM ingested_event WHERE event_id LIKE $1`,
        [`SIMQ${run}-%`],
      );
      if (Number(rows[0].n) === 6) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('events did not arrive');
  });

  it('carries a live simulation: events and positions by MQTT, ships’ AIS statics by HTTP', async () => {
    const model = (await (await fetch(`${server.url}/api/v1/port`)).json()) as PortModel;
    const simulation = new Simulation(model, {
      startMs: Date.now() - 60_000,
      config: { warmUpHours: 6, seed: 7 },
    });
    const logged: string[] = [];
    const http = new IngestClient({
      target: server.url,
      key: TEST_KEY,
      log: (m) => logged.push(m),
      dropStalePositions: true,
      onFatal: (m) => logged.push(m),
    });
    const feed = new MqttFeed(publisher, http, (m) => logged.push(m));
    const run = runLive(simulation, feed, 20);
    await new Promise((r) => setTimeout(r, 4_000));
    run.stop();
    await feed.idle();
    await http.flushed();
    const tag = `${simulation.config.seed}`;
    const stored = async (sql: string) => Number((await db.pool.query(sql)).rows[0].n);
    for (let i = 0; i < 50; i += 1) {
      const events = await stored(
        `SELECT count(*) AS n FROM ingested_event WHERE event_id LIKE 'S${tag}-%'`,
      );
      const cranes = await stored(
        `SELECT count(DISTINCT equipment_id) AS n FROM equipment_position WHERE equipment_id LIKE 'T1-QC%'`,
      );
      const named = await stored(
        'SELECT count(*) AS n FROM vessel WHERE name IS NOT NULL AND to_bow_m IS NOT NULL',
      );
      if (events > 200 && cranes > 10 && named > 0) return expect(logged).toEqual([]);
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the simulation did not arrive; the client said ${logged.join('; ')}`);
  });
});
