// The server on a real port over each real database engine: health, the port model,
// ingest of good and bad batches, the live channel, and data surviving a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const fix = (id: string, secondsAgo: number, overrides: Record<string, unknown> = {}) => ({
  equipmentId: id,
  kind: 'truck',
  time: new Date(Date.now() - secondsAgo * 1000).toISOString(),
  lon: 122.04,
  lat: 30.617,
  headingDeg: 90,
  speedMps: 5,
  state: 'travelling_loaded',
  ...overrides,
});

async function storedFixes(db: Database, id?: string): Promise<number> {
  const { rows } = await db.pool.query<{ n: string }>(
    id
      ? 'SELECT count(*) AS n FROM equipment_position WHERE equipment_id = $1'
      : 'SELECT count(*) AS n FROM equipment_position',
    id ? [id] : [],
  );
  return Number(rows[0]!.n);
}

describe.each(enginesUnderTest())('server on $name', ({ make }) => {
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

  it(`reports its engine in /api/health`, async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    const health = await response.json();
    expect(health).toMatchObject({
      status: 'ok',
      db: { engine: engine.name === 'embedded' ? 'pglite' : 'postgres', reachable: true },
      protocolVersion: PROTOCOL_VERSION,
    });
    expect(typeof health.db.timescaledb).toBe('boolean');
  });

  it('serves the port model as GeoJSON', async () => {
    const response = await fetch(`${server.url}/api/v1/port`);
    expect(response.headers.get('content-type')).toContain('application/geo+json');
    const model = await response.json();
    expect(model.type).toBe('FeatureCollection');
    expect(
      model.features.some((f: { properties: { kind: string } }) => f.properties.kind === 'berth'),
    ).toBe(true);
  });

  it('stores a valid batch and replies only after it is committed', async () => {
    const response = await server.post('/api/v1/telemetry', [
      fix('IT-A', 3),
      fix('IT-A', 2),
      fix('IT-B', 2),
    ]);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 3, rejected: [] });
    expect(await storedFixes(db, 'IT-A')).toBe(2);
    expect(await storedFixes(db, 'IT-B')).toBe(1);
  });

  it('keeps the valid items of a mixed batch and names each bad one', async () => {
    const batch = [
      fix('IT-C', 1),
      fix('IT-C', 1, { lon: 999 }),
      { equipmentId: 'IT-C' },
      fix('IT-D', 1, { kind: 'spaceship' }),
      'not an item',
      fix('IT-D', 1),
    ];
    const response = await server.post('/api/v1/telemetry', batch);
    expect(response.status).toBe(200);
    const reply = await response.json();
    expect(reply.accepted).toBe(2);
    expect(reply.rejected.map((r: { index: number }) => r.index)).toEqual([1, 2, 3, 4]);
    expect(reply.rejected[0].reason).toMatch(/lon must be <= 180/);
    expect(reply.rejected[1].reason).toMatch(/missing .*kind/);
    expect(reply.rejected[2].reason).toMatch(/kind must be one of/);
    expect(await storedFixes(db, 'IT-C')).toBe(1);
    expect(await storedFixes(db, 'IT-D')).toBe(1);
  });

  it('does not store a resent item twice', async () => {
    const batch = [fix('IT-E', 5), fix('IT-E', 4)];
    await server.post('/api/v1/telemetry', batch);
    const again = await server.post('/api/v1/telemetry', batch);
    expect((await again.json()).accepted).toBe(2);
    expect(await storedFixes(db, 'IT-E')).toBe(2);
  });

  it('accepts NDJSON and rejects its unparsable lines by index', async () => {
    const body = `${JSON.stringify(fix('IT-F', 1))}\n{not json\n\n${JSON.stringify(fix('IT-F', 2))}\n`;
    const response = await server.post('/api/v1/telemetry', body, {
      contentType: 'application/x-ndjson',
    });
    expect(await response.json()).toEqual({
      accepted: 2,
      rejected: [{ index: 1, reason: 'line 2 is not valid JSON' }],
    });
  });

  it.each([
    ['malformed JSON', '[{"equipmentId":', {}, 400, /not valid JSON/],
    ['an object instead of a batch', { equipmentId: 'X' }, {}, 400, /JSON array/],
    ['a string body', '"hello"', {}, 400, /JSON array/],
    ['no key', [fix('IT-G', 1)], { key: null }, 401, /Authorization: Bearer/],
    ['a wrong key', [fix('IT-G', 1)], { key: 'wrong' }, 401, /Authorization: Bearer/],
    ['too many items', Array.from({ length: 10_001 }, () => ({})), {}, 413, /at most 10000/],
    [
      'an unknown content type',
      '<xml/>',
      { contentType: 'text/xml' },
      415,
      /Unsupported Media Type/i,
    ],
  ] as const)('answers %s with a clear %i', async (_name, body, init, status, reason) => {
    const before = await storedFixes(db);
    const response = await server.post('/api/v1/telemetry', body, init);
    expect(response.status).toBe(status);
    const reply = await response.json();
    expect(`${reply.error} ${reply.message}`).toMatch(reason);
    expect(await storedFixes(db)).toBe(before);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  it('answers a body over the byte limit with 413', async () => {
    const huge = `[${'"x",'.repeat(2_500_000)}"x"]`;
    const response = await server.post('/api/v1/telemetry', huge);
    expect(response.status).toBe(413);
  });

  it('pushes a snapshot on connect, then batches of what moved, then resyncs on request', async () => {
    const client = connectLiveClient(server.url);
    try {
      await client.until(() => client.snapshots.length === 1);
      expect(client.hellos[0]?.protocolVersion).toBe(PROTOCOL_VERSION);
      expect(client.snapshots[0]!.positions.ids).toContain('IT-A');

      await server.post('/api/v1/telemetry', [fix('IT-LIVE', 0, { lon: 122.05 })]);
      await client.until(() => client.batches.some((b) => b.positions.ids.includes('IT-LIVE')));
      const batch = client.batches.find((b) => b.positions.ids.includes('IT-LIVE'))!;
      const i = batch.positions.ids.indexOf('IT-LIVE');
      expect(batch.positions.lon[i]).toBe(122.05);
      expect(batch.positions.state[i]).toBe('travelling_loaded');
      expect(batch.seq).toBeGreaterThan(client.snapshots[0]!.seq);

      const snapshot = await client.resync();
      expect(snapshot.positions.ids).toContain('IT-LIVE');
      expect(snapshot.seq).toBeGreaterThanOrEqual(batch.seq);
    } finally {
      client.close();
    }
  });

  it('keeps the stored picture across a restart', async () => {
    await server.close();
    await db.close();
    db = await engine.open();
    server = await startTestServer(db, { liveFlushIntervalMs: 50 });
    expect(await storedFixes(db, 'IT-LIVE')).toBe(1);
    const client = connectLiveClient(server.url);
    try {
      await client.until(() => client.snapshots.length === 1);
      const { ids, lon } = client.snapshots[0]!.positions;
      expect(lon[ids.indexOf('IT-LIVE')]).toBe(122.05);
    } finally {
      client.close();
    }
  });
});
