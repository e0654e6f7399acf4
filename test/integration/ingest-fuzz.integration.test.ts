// Thousands of random batches at POST /api/v1/telemetry, valid items mixed with items
// broken in one known way each, and raw bodies that are not batches at all. Every reply
// must be a clear 200/400 naming exactly the broken items, the server must stay up, and
// the database must end up holding exactly the items it acknowledged.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { EQUIPMENT_KINDS, EQUIPMENT_STATES } from '../../protocol/equipment.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const NOW = Date.now();
const DAY = 86_400_000;

const validItem = fc.record(
  {
    equipmentId: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,20}$/).map((id) => `FZ-${id}`),
    kind: fc.constantFrom(...EQUIPMENT_KINDS),
    time: fc
      .integer({ min: NOW - 30 * DAY, max: NOW })
      .chain((ms) => fc.constantFrom<number | string>(ms, new Date(ms).toISOString())),
    lon: fc.double({ min: -180, max: 180, noNaN: true }),
    lat: fc.double({ min: -90, max: 90, noNaN: true }),
    headingDeg: fc.double({ min: 0, max: 359.99, noNaN: true }),
    speedMps: fc.double({ min: 0, max: 100, noNaN: true }),
    state: fc.constantFrom(...EQUIPMENT_STATES),
  },
  { requiredKeys: ['equipmentId', 'kind', 'time', 'lon', 'lat'] },
);

type Item = Record<string, unknown>;
/** Each breaks a valid item in exactly one way the server must reject. */
const breakages: fc.Arbitrary<(item: Item) => unknown>[] = [
  fc.double({ min: 180.001, max: 1e6, noNaN: true }).map((lon) => (i: Item) => ({ ...i, lon })),
  fc.double({ min: -1e6, max: -90.001, noNaN: true }).map((lat) => (i: Item) => ({ ...i, lat })),
  fc.constantFrom(360, -1, 720).map((headingDeg) => (i: Item) => ({ ...i, headingDeg })),
  fc
    .string()
    .filter((k) => !(EQUIPMENT_KINDS as readonly string[]).includes(k))
    .map((kind) => (i: Item) => ({ ...i, kind })),
  fc.constantFrom('equipmentId', 'kind', 'time', 'lon', 'lat').map((key) => (i: Item) => {
    const copy = { ...i };
    delete copy[key];
    return copy;
  }),
  fc.constant((i: Item) => ({ ...i, unexpected: true })),
  fc
    .integer({ min: NOW + 10 * 60_000, max: NOW + 100 * DAY })
    .map((time) => (i: Item) => ({ ...i, time })),
  fc
    .constantFrom(0, 946_684_799_999, '2026-13-01T00:00:00Z', 'yesterday', '2026-02-30T00:00:00Z')
    .map((time) => (i: Item) => ({ ...i, time })),
  fc
    .constantFrom('', ' space', 'x'.repeat(65), '-lead')
    .map((equipmentId) => (_i: Item) => ({ ..._i, equipmentId })),
  fc.constantFrom(null, 42, 'item', [], true).map((value) => () => value),
  fc.constantFrom('lon', 'lat').map((key) => (i: Item) => ({ ...i, [key]: String(i[key]) })),
];

const batchEntry = fc.oneof(
  { weight: 3, arbitrary: validItem.map((item) => ({ item: item as unknown, valid: true })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(validItem, fc.oneof(...breakages))
      .map(([item, breakIt]) => ({ item: breakIt(item), valid: false })),
  },
);

const request = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .array(batchEntry, { minLength: 0, maxLength: 12 })
      .map((entries) => ({ kind: 'batch' as const, entries })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ maxLength: 200 }).map((body) => ({ kind: 'raw' as const, body })),
  },
  {
    weight: 1,
    arbitrary: fc
      .jsonValue({ maxDepth: 3 })
      .map((value) => ({ kind: 'raw' as const, body: JSON.stringify(value) ?? 'null' })),
  },
);

const key = (id: unknown, time: unknown) =>
  `${id}@${typeof time === 'number' ? time : Date.parse(String(time))}`;

describe('ingest under random and malformed batches', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  const acknowledged = new Set<string>();

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('answers every batch clearly and stores exactly what it acknowledged', async () => {
    await fc.assert(
      fc.asyncProperty(request, async (req) => {
        if (req.kind === 'raw') {
          const response = await server.post('/api/v1/telemetry', req.body);
          expect([200, 400]).toContain(response.status);
          const reply = await response.json();
          if (response.status === 200) expect(reply.accepted).toBe(0);
          else expect(reply.message.length).toBeGreaterThan(10);
          return;
        }
        const response = await server.post(
          '/api/v1/telemetry',
          req.entries.map((e) => e.item),
        );
        expect(response.status).toBe(200);
        const reply = (await response.json()) as {
          accepted: number;
          rejected: { index: number; reason: string }[];
        };
        const broken = req.entries.flatMap((e, i) => (e.valid ? [] : [i]));
        expect(reply.rejected.map((r) => r.index)).toEqual(broken);
        for (const r of reply.rejected) expect(r.reason.length).toBeGreaterThan(5);
        expect(reply.accepted).toBe(req.entries.length - broken.length);
        for (const e of req.entries)
          if (e.valid) {
            const item = e.item as Item;
            acknowledged.add(key(item.equipmentId, item.time));
          }
      }),
      { numRuns: 2_000 },
    );

    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const { rows } = await db.pool.query<{ id: string; ms: string }>(
      `SELECT equipment_id AS id, (extract(epoch FROM time) * 1000)::bigint::text AS ms
       FROM equipment_position WHERE equipment_id LIKE 'FZ-%'`,
    );
    const stored = new Set(rows.map((r) => `${r.id}@${r.ms}`));
    expect(stored.size).toBe(rows.length);
    expect([...stored].sort()).toEqual([...acknowledged].sort());
  }, 300_000);
});
