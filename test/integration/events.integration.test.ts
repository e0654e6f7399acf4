// POST /api/v1/events and vessel telemetry over each real engine: every event type is
// stored in its table, bad events are named with their reasons, resends are not stored
// twice, and the API description and metrics tell an integrator what happened.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber, isoAgo, oneEventOfEachType } from '../helpers/fixtures.ts';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const TABLES = [
  'container_event',
  'port_call_event',
  'gate_event',
  'inspection_event',
  'customs_event',
  'equipment_state_event',
];

async function count(
  db: Database,
  table: string,
  where = 'true',
  params: unknown[] = [],
): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM ${table} WHERE ${where}`,
    params,
  );
  return Number(rows[0]!.n);
}

describe.each(enginesUnderTest())('events and vessels on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db, { liveFlushIntervalMs: 50 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('stores one event of every type in its own table', async () => {
    const response = await server.post('/api/v1/events', oneEventOfEachType('A'));
    expect(await response.json()).toEqual({ accepted: 6, rejected: [] });
    for (const table of TABLES) expect(await count(db, table, `event_id LIKE 'A-%'`)).toBe(1);
    const { rows } = await db.pool.query('SELECT kind, last_seen FROM equipment WHERE id = $1', [
      'QC01',
    ]);
    expect(rows[0]?.kind).toBe('sts');
  });

  it('does not store a resent event twice, nor an id repeated within a batch', async () => {
    const events = oneEventOfEachType('B');
    await server.post('/api/v1/events', events);
    const again = await server.post('/api/v1/events', [...events, events[0]]);
    expect((await again.json()).accepted).toBe(7);
    for (const table of TABLES) expect(await count(db, table, `event_id LIKE 'B-%'`)).toBe(1);
  });

  it('names each bad event and stores the good ones beside it', async () => {
    const [good] = oneEventOfEachType('C');
    const badCheckDigit = `${containerNumber(42).slice(0, 10)}${(Number(containerNumber(42)[10]) + 1) % 10}`;
    const batch = [
      good,
      { ...good, eventId: 'C-bad-1', containerNumber: badCheckDigit },
      { ...good, eventId: 'C-bad-2', type: 'teleport' },
      { ...good, eventId: 'C-bad-3', eventTypeCode: 'FLY' },
      {
        type: 'port_call',
        eventId: 'C-bad-4',
        time: isoAgo(1),
        callId: 'X',
        timestamp: 'ATA-Berth',
        vesselImo: '9074728',
      },
      {
        type: 'port_call',
        eventId: 'C-bad-5',
        time: new Date(Date.now() + 86_400_000).toISOString(),
        callId: 'X',
        timestamp: 'ATA-Berth',
        vesselImo: imoNumber(907472),
      },
      {
        type: 'port_call',
        eventId: 'C-eta',
        time: new Date(Date.now() + 86_400_000).toISOString(),
        callId: 'X',
        timestamp: 'ETA-Berth',
        vesselImo: imoNumber(907472),
      },
    ];
    const reply = await (await server.post('/api/v1/events', batch)).json();
    expect(reply.accepted).toBe(2);
    expect(reply.rejected).toEqual([
      { index: 1, reason: expect.stringMatching(/check digit .* ISO 6346 gives/) },
      { index: 2, reason: expect.stringMatching(/type must be one of container, port_call/) },
      { index: 3, reason: expect.stringMatching(/eventTypeCode must be one of LOAD, DISC/) },
      { index: 4, reason: 'IMO number "9074728" has check digit 8, expected 9' },
      { index: 5, reason: 'time is more than 5 minutes in the future' },
    ]);
    expect(await count(db, 'ingested_event', `event_id LIKE 'C-%'`)).toBe(2);
  });

  it('stores vessel positions, keeps the vessel registry and pushes vessels live', async () => {
    const client = connectLiveClient(server.url);
    try {
      await client.until(() => client.snapshots.length === 1);
      const reply = await (
        await server.post('/api/v1/telemetry', [
          {
            mmsi: '413000001',
            time: isoAgo(2),
            lon: 122.05,
            lat: 30.58,
            sogKnots: 10,
            cogDeg: 355.5,
          },
          {
            mmsi: '413000001',
            time: isoAgo(1),
            lon: 122.05,
            lat: 30.581,
            sogKnots: 10,
            cogDeg: 355.5,
            headingDeg: 356,
            navStatus: 0,
          },
          { mmsi: '41300000', time: isoAgo(1), lon: 122.05, lat: 30.58 },
        ])
      ).json();
      expect(reply.accepted).toBe(2);
      expect(reply.rejected[0].reason).toMatch(/mmsi must match/);
      expect(await count(db, 'vessel_position', 'mmsi = $1', ['413000001'])).toBe(2);
      expect(await count(db, 'vessel', 'mmsi = $1', ['413000001'])).toBe(1);
      await client.until(() => client.batches.some((b) => b.positions.ids.includes('413000001')));
      const batch = client.batches.find((b) => b.positions.ids.includes('413000001'))!;
      const i = batch.positions.ids.indexOf('413000001');
      expect(batch.positions.kinds[i]).toBe('vessel');
      expect(batch.positions.headingDeg[i]).toBe(356);
      expect(batch.positions.speedMps[i]).toBeCloseTo(5.144, 3);
    } finally {
      client.close();
    }
  });

  it('lists vessels from events and positions with their last position', async () => {
    const { vessels } = await (await fetch(`${server.url}/api/v1/vessels`)).json();
    expect(vessels).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ mmsi: '477553000', imo: imoNumber(907472), name: 'QUAY TEST' }),
        expect.objectContaining({
          mmsi: '413000001',
          lastPosition: expect.objectContaining({
            lat: 30.581,
            headingDeg: 356,
            navStatus: 0,
            sogKnots: 10,
          }),
        }),
      ]),
    );
  });

  it('answers 429 with Retry-After when the write queue is full, and loses nothing it accepted', async () => {
    const small = await startTestServer(db, { writer: { maxQueuedItems: 3 } });
    // A connection of its own, outside the server's pool (the embedded engine's has one).
    const blocker = new pg.Client(db.pool.options);
    await blocker.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('LOCK TABLE container_event IN ACCESS EXCLUSIVE MODE');
      const first = small.post('/api/v1/events', oneEventOfEachType('Q1').slice(0, 1));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const second = await small.post('/api/v1/events', oneEventOfEachType('Q2').slice(0, 3));
      expect(second.status).toBe(429);
      expect(second.headers.get('retry-after')).toBe('1');
      expect((await second.json()).message).toMatch(/queue is full/);
      await blocker.query('COMMIT');
      expect((await (await first).json()).accepted).toBe(1);
      expect(await count(db, 'ingested_event', `event_id LIKE 'Q1-%'`)).toBe(1);
      expect(await count(db, 'ingested_event', `event_id LIKE 'Q2-%'`)).toBe(0);
    } finally {
      await blocker.end();
      await small.close();
    }
  });

  it('counts accepted and rejected items by reason in /metrics', async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text();
    expect(text).toMatch(/quayside_ingest_items_accepted_total\{endpoint="events"\} \d+/);
    expect(text).toMatch(
      /quayside_ingest_items_rejected_total\{endpoint="events",reason="identifier"\} 2/,
    );
    expect(text).toMatch(
      /quayside_ingest_items_rejected_total\{endpoint="events",reason="time"\} 1/,
    );
    expect(text).toMatch(/quayside_ingest_write_seconds_count \d+/);
    expect(text).toMatch(/quayside_ingest_queue_items 0/);
  });

  it('describes the ingest routes in OpenAPI at /api/docs', async () => {
    const doc = await (await fetch(`${server.url}/api/docs/json`)).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/telemetry', '/api/v1/events', '/api/health']),
    );
    const body = doc.paths['/api/v1/events'].post.requestBody.content['application/json'].schema;
    expect(body.type).toBe('array');
    expect((await fetch(`${server.url}/api/docs`)).status).toBe(200);
  });
});
