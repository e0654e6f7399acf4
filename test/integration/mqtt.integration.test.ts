// MQTT ingest against a real broker (MQTT_URL; CI points it at the machine's Mosquitto):
// items are validated as over HTTP, rejections are described on the dead-letter topic,
// and a message that could not be stored is delivered again and stored exactly once.
import { randomBytes } from 'node:crypto';
import mqtt, { type MqttClient } from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { equipmentFix, oneEventOfEachType } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const MQTT_URL = process.env.MQTT_URL;
if (!MQTT_URL) console.warn('MQTT_URL is not set: the MQTT ingest suite does not run');

async function until(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.runIf(MQTT_URL)('MQTT ingest', () => {
  const run = randomBytes(4).toString('hex');
  const source = `test-${run}`;
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let publisher: MqttClient;
  const rejections: unknown[] = [];

  const stored = async (id: string) =>
    Number(
      (
        await db.pool.query(
          'SELECT count(*) AS n FROM equipment_position WHERE equipment_id = $1',
          [id],
        )
      ).rows[0].n,
    );
  const publish = (family: string, payload: unknown) =>
    publisher.publishAsync(`quayside/v1/${family}/${source}`, JSON.stringify(payload), { qos: 1 });

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, {
      mqtt: { url: MQTT_URL!, clientId: `quayside-test-${run}`, retryAfterMs: 300 },
    });
    publisher = await mqtt.connectAsync(MQTT_URL!, { clientId: `publisher-${run}` });
    publisher.on('message', (_topic, payload) => rejections.push(JSON.parse(payload.toString())));
    await publisher.subscribeAsync(`quayside/v1/rejected/${source}`, { qos: 1 });
    // The server subscribes once connected; resend a probe until it lands (it is idempotent).
    await until(async () => {
      await publish('telemetry', equipmentFix(`PROBE-${run}`, 1, { time: 1_780_000_000_000 }));
      return (await stored(`PROBE-${run}`)) === 1;
    });
  });
  afterAll(async () => {
    await publisher?.endAsync();
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('stores the valid items of a message and describes the rejected ones on the dead-letter topic', async () => {
    await publish('telemetry', [
      equipmentFix(`M-${run}`, 3),
      equipmentFix(`M-${run}`, 2),
      equipmentFix(`M-${run}`, 1, { lat: 95 }),
    ]);
    await until(async () => (await stored(`M-${run}`)) === 2);
    await until(async () => rejections.length > 0);
    expect(rejections[0]).toEqual({
      topic: `quayside/v1/telemetry/${source}`,
      rejected: [{ index: 2, reason: 'lat must be <= 90' }],
    });
  });

  it('takes events on the events topic', async () => {
    await publish('events', oneEventOfEachType(`MQ${run}`));
    await until(async () => {
      const { rows } = await db.pool.query(
        `SELECT count(*) AS n FROM ingested_event WHERE event_id LIKE $1`,
        [`MQ${run}-%`],
      );
      return Number(rows[0].n) === 6;
    });
  });

  it('leaves a message unacknowledged while the database fails, then stores it once', async () => {
    await db.pool.query('ALTER TABLE equipment_position RENAME TO equipment_position_away');
    try {
      await publish('telemetry', [equipmentFix(`OUT-${run}`, 1)]);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    } finally {
      await db.pool.query('ALTER TABLE equipment_position_away RENAME TO equipment_position');
    }
    await until(async () => (await stored(`OUT-${run}`)) === 1);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(await stored(`OUT-${run}`)).toBe(1);
    // It really failed first (and was not merely late): the refusal was counted.
    const metrics = await server.app.metrics.registry.getSingleMetricAsString(
      'quayside_ingest_requests_refused_total',
    );
    expect(metrics).toMatch(/endpoint="telemetry",status="503"} [1-9]/);
  });
});
