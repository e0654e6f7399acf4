// Replay over a real server and database: a past morning goes in through the public
// ingest routes, and the snapshot of any instant, the frames and the fixes of a window
// come back as they stood then: positions at their last recent fix, the berth working
// with the moves done by then, alerts as they were, KPIs equal to GET /api/v1/kpis for
// the same window. An event arriving late changes what replay shows; bad queries are 400s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { KpiValue } from '../../protocol/kpi.ts';
import type { PositionColumns } from '../../protocol/live.ts';
import type {
  ReplayFrames,
  ReplayPositions,
  ReplayRange,
  ReplaySnapshot,
} from '../../protocol/replay.ts';
import { AlertStore } from '../../server/alerts/alert-store.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
/** A morning a day and a half ago, on whole hours. */
const T0 = Math.floor(Date.now() / H) * H - 36 * H;
const iso = (ms: number) => new Date(ms).toISOString();

const CALL = 'CALL-R';
const portCall = (timestamp: string, timeMs: number) => ({
  type: 'port_call',
  eventId: `${CALL}-${timestamp}`,
  time: iso(timeMs),
  callId: CALL,
  timestamp,
  vesselImo: imoNumber(907472),
  vesselName: 'REPLAY ONE',
  berthId: 'T1-B2',
  plannedMoves: 40,
});
const discharge = (n: number, timeMs: number) => ({
  type: 'container',
  eventId: `disc-${n}`,
  time: iso(timeMs),
  eventTypeCode: 'DISC',
  containerNumber: containerNumber(100 + n),
  callId: CALL,
  facilityId: 'T1-B2',
  equipmentId: 'T1-QC01',
});
/** Ten discharges a minute apart from T0 + 2 h. */
const MOVE_TIMES = Array.from({ length: 10 }, (_, i) => T0 + 2 * H + i * MIN);
const EVENTS = [
  portCall('ETA-Berth', T0 + 1 * H),
  portCall('ATA-Berth', T0 + 1 * H),
  portCall('ATS-Cargo Ops', T0 + 1.5 * H),
  portCall('ETD-Berth', T0 + 5 * H),
  ...MOVE_TIMES.map((t, i) => discharge(i, t)),
  portCall('ATC-Cargo Ops', T0 + 5.5 * H),
  portCall('ATD-Berth', T0 + 6 * H),
];
/** An AGV driving east, a fix a second for five minutes from T0 + 2 h. */
const agvLon = (second: number) => 122.03 + second * 1e-5;
const AGV_FIXES = Array.from({ length: 300 }, (_, s) => ({
  equipmentId: 'T1-AGV01',
  kind: 'agv',
  time: iso(T0 + 2 * H + s * S),
  lon: agvLon(s),
  lat: 30.62,
  headingDeg: 90,
  speedMps: 1.1,
  state: 'travelling_loaded',
}));
/** A truck seen once, an hour before: gone by T0 + 2 h. */
const TRUCK_FIX = { ...AGV_FIXES[0]!, equipmentId: 'T1-TRK9', kind: 'truck', time: iso(T0 + H) };

const idsOf = (columns: PositionColumns) => columns.ids;
const lonOf = (columns: PositionColumns, id: string) => columns.lon[columns.ids.indexOf(id)];

describe.each(enginesUnderTest())('replay routes on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  const get = async <T>(path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const snapshot = async (atMs: number, query = '') =>
    (await get<ReplaySnapshot>(`/api/v1/snapshot?at=${iso(atMs)}${query}`)).body;
  const kpis = async (fromMs: number, toMs: number) =>
    (await get<{ kpis: KpiValue[] }>(`/api/v1/kpis?from=${iso(fromMs)}&to=${iso(toMs)}`)).body.kpis;

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
    const events = await (await server.post('/api/v1/events', EVENTS)).json();
    expect(events).toEqual({ accepted: EVENTS.length, rejected: [] });
    const fixes = await (await server.post('/api/v1/telemetry', [TRUCK_FIX, ...AGV_FIXES])).json();
    expect(fixes).toEqual({ accepted: AGV_FIXES.length + 1, rejected: [] });
    // An alert on the berth: raised, acknowledged a minute later, resolved at T0 + 3 h.
    const alerts = new AlertStore(db.pool);
    const { alert } = await alerts.raise({
      ruleId: 'berth_occupancy_high',
      scope: 'berth:T1-B2',
      severity: 'warning',
      value: 0.97,
      threshold: 0.9,
      unit: 'ratio',
      atMs: T0 + 2 * H,
    });
    await alerts.acknowledge(alert.id, 'duty manager', 'seen', T0 + 2 * H + MIN);
    await alerts.resolve(alert.id, 'condition cleared', undefined, T0 + 3 * H);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('puts each entity at its last fix at or before the instant, and leaves out the long gone', async () => {
    const at = T0 + 2 * H + 150.5 * S;
    const s = await snapshot(at);
    expect(s.atMs).toBe(at);
    expect(lonOf(s.positions, 'T1-AGV01')).toBeCloseTo(agvLon(150), 9);
    expect(idsOf(s.positions)).not.toContain('T1-TRK9');
    // An hour earlier the truck was there and the AGV not yet.
    const earlier = await snapshot(T0 + H + 5 * S);
    expect(idsOf(earlier.positions)).toEqual(['T1-TRK9']);
  });

  it('shows the berth working with the moves done by then, and free after departure', async () => {
    const s = await snapshot(T0 + 2 * H + 4.5 * MIN);
    const berth = s.picture.berths.find((b) => b.berthId === 'T1-B2');
    expect(berth).toMatchObject({
      status: 'working',
      callId: CALL,
      vesselName: 'REPLAY ONE',
      movesDone: 5,
      plannedMoves: 40,
      etdMs: T0 + 5 * H,
    });
    expect(s.picture.atMs).toBe(T0 + 2 * H + 4.5 * MIN);
    // Past its ETD and still alongside: delayed. After ATD: free.
    const late = await snapshot(T0 + 5.2 * H);
    expect(late.picture.berths.find((b) => b.berthId === 'T1-B2')?.status).toBe('delayed');
    const after = await snapshot(T0 + 7 * H);
    expect(after.picture.berths.find((b) => b.berthId === 'T1-B2')).toEqual({
      berthId: 'T1-B2',
      status: 'free',
    });
  });

  it('gives KPIs equal to GET /api/v1/kpis over the same window, trailing or from kpiFrom', async () => {
    const at = T0 + 2 * H + 7.5 * MIN;
    const trailing = await snapshot(at);
    expect(trailing.kpiFromMs).toBe(at - 24 * H);
    expect(trailing.kpis).toEqual(await kpis(at - 24 * H, at));
    const fromDayStart = await snapshot(at, `&kpiFrom=${iso(T0)}`);
    expect(fromDayStart.kpiFromMs).toBe(T0);
    expect(fromDayStart.kpis).toEqual(await kpis(T0, at));
    expect(fromDayStart.kpis.length).toBeGreaterThan(0);
  });

  it('shows the alerts open at the instant as they stood then', async () => {
    const alertsAt = async (atMs: number) => (await snapshot(atMs)).alerts;
    expect(await alertsAt(T0 + 2 * H - S)).toEqual([]);
    const raised = await alertsAt(T0 + 2 * H + 30 * S);
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ scope: 'berth:T1-B2', state: 'raised' });
    expect(raised[0]).not.toHaveProperty('acknowledgedAt');
    expect(raised[0]).not.toHaveProperty('resolvedAt');
    const acknowledged = await alertsAt(T0 + 2 * H + 2 * MIN);
    expect(acknowledged[0]).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'duty manager',
    });
    expect(await alertsAt(T0 + 3 * H)).toEqual([]);
  });

  it('lists a window’s alerts newest first, as many as asked for', async () => {
    const alerts = new AlertStore(db.pool);
    for (const [i, atMs] of [T0 + 4 * H, T0 + 5 * H].entries())
      await alerts.raise({
        ruleId: 'inspection_queue_long',
        scope: `lane:T1-inspection-scan-${i + 1}`,
        severity: 'warning',
        value: 9,
        threshold: 6,
        unit: 'count',
        atMs,
      });
    const list = async (query: string) =>
      await get<{ alerts: { raisedAt: string }[]; message?: string }>(
        `/api/v1/alerts?from=${iso(T0)}&to=${iso(T0 + 6 * H)}${query}`,
      );
    expect((await list('')).body.alerts).toHaveLength(3);
    expect((await list('&limit=1')).body.alerts.map((a) => a.raisedAt)).toEqual([iso(T0 + 5 * H)]);
    for (const bad of ['0', '10001', 'all', '1.5']) {
      const refused = await list(`&limit=${bad}`);
      expect(refused.status).toBe(400);
      expect(refused.body.message).toMatch(/^limit: /);
    }
  });

  it('gives frames at each step with the KPIs of each instant', async () => {
    const from = T0 + 2 * H;
    const { status, body } = await get<ReplayFrames>(
      `/api/v1/replay/frames?from=${iso(from)}&to=${iso(from + 5 * MIN)}&step=60000&kpiFrom=${iso(T0)}&flowFrom=${iso(T0)}`,
    );
    expect(status).toBe(200);
    expect(body.frames.map((f) => f.atMs)).toEqual([0, 1, 2, 3, 4].map((i) => from + i * MIN));
    // The move at each minute falls on the frame's instant: the frame holds the moves before it.
    expect(
      body.frames.map((f) => f.picture.berths.find((b) => b.berthId === 'T1-B2')?.movesDone),
    ).toEqual([0, 1, 2, 3, 4]);
    for (const frame of body.frames) expect(frame.kpis).toEqual(await kpis(T0, frame.atMs));
    expect(body.frames.every((f) => f.picture.flowWindowMs === f.atMs - T0)).toBe(true);
  });

  it('gives every fix of a window at the raw step, and the last of each step when coarser', async () => {
    const from = T0 + 2 * H;
    const raw = await get<ReplayPositions>(
      `/api/v1/replay/positions?from=${from}&to=${from + 10 * S}&step=1000`,
    );
    expect(raw.status).toBe(200);
    expect(raw.body.positions.ids).toEqual(Array(10).fill('T1-AGV01'));
    expect(raw.body.positions.timeMs).toEqual(Array.from({ length: 10 }, (_, s) => from + s * S));
    const sampled = await get<ReplayPositions>(
      `/api/v1/replay/positions?from=${from}&to=${from + 5 * MIN}&step=60000`,
    );
    expect(sampled.body.positions.timeMs).toEqual([1, 2, 3, 4, 5].map((m) => from + m * MIN - S));
    expect(sampled.body.positions.lon[0]).toBeCloseTo(agvLon(59), 9);
    expect(sampled.body.positions.state[0]).toBe('travelling_loaded');
  });

  it('tells the span of stored data', async () => {
    const { body } = await get<ReplayRange>('/api/v1/replay/range');
    expect(body.firstMs).toBe(T0 + H);
    expect(body.lastMs).toBe(T0 + 2 * H + 299 * S);
  });

  it('takes in an event that arrives late: the states kept for replay do not hide it', async () => {
    const at = T0 + 2 * H + 30 * MIN;
    const before = await snapshot(at, `&kpiFrom=${iso(T0)}`);
    const berthBefore = before.picture.berths.find((b) => b.berthId === 'T1-B2');
    expect(berthBefore?.movesDone).toBe(10);
    const late = discharge(99, T0 + 2 * H + 20 * MIN);
    expect(await (await server.post('/api/v1/events', [late])).json()).toEqual({
      accepted: 1,
      rejected: [],
    });
    const after = await snapshot(at, `&kpiFrom=${iso(T0)}`);
    expect(after.picture.berths.find((b) => b.berthId === 'T1-B2')?.movesDone).toBe(11);
    expect(after.kpis).toEqual(await kpis(T0, at));
    // Later than a kept state's hour: the state itself must be folded again.
    const later = T0 + 4 * H + 10 * MIN;
    const movesAt = async (atMs: number) =>
      (await snapshot(atMs)).picture.berths.find((b) => b.berthId === 'T1-B2')?.movesDone;
    expect(await movesAt(later)).toBe(11);
    await server.post('/api/v1/events', [discharge(98, T0 + 2 * H + 30 * MIN)]);
    expect(await movesAt(later)).toBe(12);
  });

  it('hears of late events stored by another server instance on the same database', async () => {
    const other = await startTestServer(db);
    try {
      const at = T0 + 4 * H + 20 * MIN;
      const movesAt = async () =>
        (await snapshot(at)).picture.berths.find((b) => b.berthId === 'T1-B2')?.movesDone;
      const before = await movesAt(); // the states up to this hour are now kept here
      const reply = await other.post('/api/v1/events', [discharge(97, T0 + 2 * H + 40 * MIN)]);
      expect(await reply.json()).toEqual({ accepted: 1, rejected: [] });
      expect(await movesAt()).toBe(before! + 1);
    } finally {
      await other.close();
    }
  });

  it('refuses bad queries with the reason, naming the field', async () => {
    const refusal = async (path: string) => {
      const { status, body } = await get<{ message: string }>(path);
      expect(status).toBe(400);
      return body.message;
    };
    expect(await refusal('/api/v1/snapshot?at=yesterday')).toMatch(/^at: /);
    expect(await refusal(`/api/v1/snapshot?at=${iso(Date.now() + 3 * H)}`)).toMatch(/future/);
    expect(await refusal(`/api/v1/snapshot?at=${T0}&kpiFrom=noon`)).toMatch(/^kpiFrom: /);
    // Windows that would have the server fold months: refused, not tried.
    expect(await refusal(`/api/v1/snapshot?at=${T0}&kpiFrom=${T0 - 32 * 24 * H}`)).toBe(
      'kpiFrom: at most 31 days before the instant',
    );
    expect(await refusal(`/api/v1/snapshot?at=${T0}&flowFrom=${T0 - 3 * 24 * H}`)).toBe(
      'flowFrom: at most 2 days before the instant',
    );
    expect(
      await refusal(`/api/v1/replay/frames?from=${T0 - 20 * 24 * H}&to=${T0}&step=86400000`),
    ).toBe('the window from..to is at most 7 days');
    const window = `from=${T0}&to=${T0 + H}`;
    expect(await refusal(`/api/v1/replay/frames?${window}&step=500`)).toMatch(/at least 1000/);
    expect(await refusal(`/api/v1/replay/frames?${window}&step=1000`)).toMatch(/at most 120/);
    expect(await refusal(`/api/v1/replay/frames?${window}&step=ten`)).toMatch(/^step: /);
    expect(await refusal(`/api/v1/replay/frames?from=${T0 + H}&to=${T0}&step=60000`)).toMatch(
      /before/,
    );
    expect(await refusal(`/api/v1/replay/positions?${window}&step=2000`)).toMatch(/one of/);
    expect(await refusal(`/api/v1/replay/positions?from=${T0}&to=${T0 + 2 * H}&step=1000`)).toMatch(
      /at most 3600 steps/,
    );
    expect(await refusal(`/api/v1/replay/positions?to=${T0}&step=1000`)).toMatch(/from/);
  });
});
