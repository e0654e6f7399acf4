// The history routes over a real server and database: events go in through the public
// ingest route, and the berth schedule, a crane's timeline and moves, and a lane's queue
// come back as a user's screen needs them. Bad windows and unknown lanes are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type {
  BerthSchedule,
  EquipmentHistory,
  LaneHistory,
  ScheduledCall,
} from '../../protocol/history.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const MIN = 60_000;
const H = 60 * MIN;
const NOW = Date.now();
/** Whole hours, so moves fall in known hour buckets. */
const HOUR = Math.floor(NOW / H) * H;
const iso = (ms: number) => new Date(ms).toISOString();
const MMSI = '477553000';
const IMO = imoNumber(907472);

let serial = 0;
const portCall = (callId: string, timestamp: string, timeMs: number, extra = {}) => ({
  type: 'port_call',
  eventId: `${callId}-${timestamp}-${timeMs}`,
  time: iso(timeMs),
  callId,
  timestamp,
  vesselImo: IMO,
  ...extra,
});
const move = (code: string, timeMs: number, extra: Record<string, unknown> = {}) => ({
  type: 'container',
  eventId: `move-${(serial += 1)}`,
  time: iso(timeMs),
  eventTypeCode: code,
  containerNumber: containerNumber(serial),
  callId: 'CALL-A',
  facilityId: 'T1-B2',
  equipmentId: 'T1-QC01',
  ...extra,
});
const craneState = (state: string, timeMs: number, reason?: string) => ({
  type: 'equipment_state',
  eventId: `qc01-${state}-${timeMs}`,
  time: iso(timeMs),
  equipmentId: 'T1-QC01',
  kind: 'sts',
  state,
  ...(reason && { reason }),
});
const gate = (visit: string, phase: string, timeMs: number) => ({
  type: 'gate',
  eventId: `${visit}-${phase}`,
  time: iso(timeMs),
  gateId: 'T1-gate',
  laneId: 'T1-gate-in-01',
  direction: 'in',
  phase,
  visitId: visit,
  truckId: `沪A1234${visit.at(-1)}`,
});
const inspection = (box: number, phase: string, timeMs: number) => ({
  type: 'inspection',
  eventId: `insp-${box}-${phase}`,
  time: iso(timeMs),
  laneId: 'T1-inspection-scan-1',
  containerNumber: containerNumber(9000 + box),
  method: 'scan',
  phase,
});

const named = { vesselName: 'QUAY TEST', mmsi: MMSI, berthId: 'T1-B2', plannedMoves: 10 };
// Sent in this order; the second ETA revises the first (earlier, but reported later).
const BATCHES = [
  [portCall('CALL-A', 'ETA-Berth', NOW - 9.5 * H, named)],
  [
    portCall('CALL-A', 'ETA-Berth', NOW - 10 * H, named),
    portCall('CALL-A', 'ATA-Berth', NOW - 9 * H, named),
    portCall('CALL-A', 'ATS-Cargo Ops', NOW - 8.5 * H, named),
    portCall('CALL-A', 'ETD-Berth', NOW - 1 * H, named),
    ...[1, 2, 3].map((i) => move('DISC', HOUR - 6 * H + i * MIN)),
    ...[1, 2].map((i) => move('LOAD', HOUR - 3 * H + i * MIN)),
    // A plan and a yard move of another machine are not the call's moves done.
    move('DISC', HOUR - 2 * H, { eventClassifierCode: 'PLN' }),
    move('PICK', HOUR - 2 * H, { callId: undefined, equipmentId: 'T1-YC01' }),
    portCall('CALL-A', 'ATC-Cargo Ops', NOW - 1.5 * H, named),
    portCall('CALL-A', 'ATD-Berth', NOW - 0.5 * H, named),
    // Only estimated, no berth yet.
    portCall('CALL-B', 'ETA-Berth', NOW + 6 * H, { vesselName: 'FUTURE ONE', plannedMoves: 500 }),
    portCall('CALL-B', 'ETD-Berth', NOW + 20 * H),
    // Long gone, and long alongside.
    portCall('CALL-OLD', 'ATA-Berth', NOW - 80 * H, { berthId: 'T1-B1' }),
    portCall('CALL-OLD', 'ATD-Berth', NOW - 70 * H, { berthId: 'T1-B1' }),
    portCall('CALL-LONG', 'ATA-Berth', NOW - 72 * H, { berthId: 'T1-B3' }),
    // The crane: idle before the 8 h window, then working, waiting, working.
    craneState('idle', NOW - 10 * H),
    craneState('working', NOW - 7 * H),
    craneState('waiting', NOW - 5 * H, 'waiting for AGV'),
    craneState('working', NOW - 4 * H),
    // A gate lane's queue: V1 through; V2 and V3 queue, V2 through; V4 turned away.
    gate('V1', 'arrived', NOW - 60 * MIN),
    gate('V1', 'started', NOW - 50 * MIN),
    gate('V1', 'completed', NOW - 45 * MIN),
    gate('V2', 'arrived', NOW - 40 * MIN),
    gate('V3', 'arrived', NOW - 36 * MIN),
    gate('V2', 'started', NOW - 21 * MIN),
    gate('V2', 'completed', NOW - 16 * MIN),
    gate('V4', 'arrived', NOW - 11 * MIN),
    gate('V4', 'rejected', NOW - 9 * MIN),
    inspection(1, 'queued', NOW - 30 * MIN),
    inspection(2, 'queued', NOW - 25 * MIN),
    inspection(1, 'started', NOW - 20 * MIN),
  ],
];

describe.each(enginesUnderTest())('history routes on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  const get = async <T>(path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, body: (await response.json()) as T };
  };
  const schedule = async (query = '') =>
    (await get<BerthSchedule>(`/api/v1/berth-schedule${query}`)).body;
  const callOf = (s: BerthSchedule, id: string): ScheduledCall | undefined =>
    s.calls.find((c) => c.callId === id);

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
    for (const batch of BATCHES) {
      const reply = await (await server.post('/api/v1/events', batch)).json();
      expect(reply).toEqual({ accepted: batch.length, rejected: [] });
    }
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('shows a call’s every step: revised ETA, ATB, ATS, moves, ATC, ATD', async () => {
    const s = await schedule();
    expect(s.toMs - s.fromMs).toBe(48 * H);
    expect(Math.abs(s.fromMs - (NOW - 24 * H))).toBeLessThan(MIN);
    expect(callOf(s, 'CALL-A')).toEqual({
      callId: 'CALL-A',
      vesselName: 'QUAY TEST',
      vesselImo: IMO,
      mmsi: MMSI,
      berthId: 'T1-B2',
      etaMs: NOW - 10 * H,
      etdMs: NOW - 1 * H,
      atbMs: NOW - 9 * H,
      opsStartMs: NOW - 8.5 * H,
      opsEndMs: NOW - 1.5 * H,
      atdMs: NOW - 0.5 * H,
      plannedMoves: 10,
      movesDone: 5,
    });
  });

  it('gives the schedule as known at a past instant: no actuals or moves after it', async () => {
    const asAt = NOW - 5 * H;
    const s = await schedule(`?from=${asAt - 24 * H}&to=${asAt + 24 * H}&at=${iso(asAt)}`);
    expect(callOf(s, 'CALL-A')).toEqual({
      callId: 'CALL-A',
      vesselName: 'QUAY TEST',
      vesselImo: IMO,
      mmsi: MMSI,
      berthId: 'T1-B2',
      etaMs: NOW - 10 * H,
      etdMs: NOW - 1 * H,
      atbMs: NOW - 9 * H,
      opsStartMs: NOW - 8.5 * H,
      plannedMoves: 10,
      movesDone: 3,
    });
    const refused = await get<{ message: string }>(`/api/v1/berth-schedule?at=soon`);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toMatch(/^at: /);
  });

  it('lists a call only estimated, and one alongside across the window, not one long gone', async () => {
    const s = await schedule();
    expect(callOf(s, 'CALL-B')).toEqual({
      callId: 'CALL-B',
      vesselName: 'FUTURE ONE',
      vesselImo: IMO,
      etaMs: NOW + 6 * H,
      etdMs: NOW + 20 * H,
      plannedMoves: 500,
      movesDone: 0,
    });
    expect(callOf(s, 'CALL-LONG')?.atbMs).toBe(NOW - 72 * H);
    expect(callOf(s, 'CALL-OLD')).toBeUndefined();
    // Narrower windows: epoch ms and ISO alike.
    const later = await schedule(`?from=${NOW + 5 * H}&to=${iso(NOW + 7 * H)}`);
    expect(later.calls.map((c) => c.callId).sort()).toEqual(['CALL-B', 'CALL-LONG']);
    const past = await schedule(`?from=${iso(NOW - 80 * H)}&to=${iso(NOW - 75 * H)}`);
    expect(past.calls.map((c) => c.callId)).toEqual(['CALL-OLD']);
  });

  it('gives a crane’s state timeline from the span in force at the window’s start', async () => {
    const { status, body } = await get<EquipmentHistory>('/api/v1/equipment/T1-QC01/history');
    expect(status).toBe(200);
    expect(body.toMs - body.fromMs).toBe(8 * H);
    expect(body.states).toEqual([
      { state: 'idle', fromMs: NOW - 10 * H, toMs: NOW - 7 * H },
      { state: 'working', fromMs: NOW - 7 * H, toMs: NOW - 5 * H },
      { state: 'waiting', fromMs: NOW - 5 * H, toMs: NOW - 4 * H, reason: 'waiting for AGV' },
      { state: 'working', fromMs: NOW - 4 * H },
    ]);
    // A window in the past: its last span ends where the next change came.
    const past = await get<EquipmentHistory>(
      `/api/v1/equipment/T1-QC01/history?from=${iso(NOW - 6 * H)}&to=${iso(NOW - 4.5 * H)}`,
    );
    expect(past.body.states).toEqual([
      { state: 'working', fromMs: NOW - 7 * H, toMs: NOW - 5 * H },
      { state: 'waiting', fromMs: NOW - 5 * H, toMs: NOW - 4 * H, reason: 'waiting for AGV' },
    ]);
  });

  it('counts a crane’s moves per hour and lists the latest first', async () => {
    const { body } = await get<EquipmentHistory>('/api/v1/equipment/T1-QC01/history');
    expect(body.moves).toBe(5);
    const perHour = new Map(body.movesPerHour.map((h) => [h.hourMs, h.moves]));
    expect(perHour.get(HOUR - 6 * H)).toBe(3);
    expect(perHour.get(HOUR - 3 * H)).toBe(2);
    expect(body.movesPerHour.reduce((sum, h) => sum + h.moves, 0)).toBe(5);
    expect(body.movesPerHour.length).toBeGreaterThanOrEqual(8);
    expect(body.recentMoves.map((m) => m.code)).toEqual(['LOAD', 'LOAD', 'DISC', 'DISC', 'DISC']);
    expect(body.recentMoves[0]).toMatchObject({
      type: 'container',
      placeId: 'T1-B2',
      by: 'CALL-A',
      note: expect.stringMatching(/^QSDU\d{7}$/),
    });
    // A machine nobody heard of has an empty past, not an error.
    const unknown = await get<EquipmentHistory>('/api/v1/equipment/T9-NOBODY/history');
    expect(unknown.status).toBe(200);
    expect(unknown.body).toMatchObject({ states: [], moves: 0, recentMoves: [] });
  });

  it('follows a gate lane’s queue as it grows and shrinks', async () => {
    const { status, body } = await get<LaneHistory>('/api/v1/lanes/T1-gate-in-01/history');
    expect(status).toBe(200);
    expect(body.toMs - body.fromMs).toBe(4 * H);
    expect(body.queueNow).toBe(1); // V3
    expect(body.completed).toBe(2);
    const lengths = body.queue.map((q) => q.length);
    expect(lengths.length).toBeGreaterThanOrEqual(47);
    for (const sample of body.queue) expect(sample.timeMs % (5 * MIN)).toBe(0);
    // Empty before the first truck; two waiting at the peak; one left at the end.
    expect(body.queue.filter((q) => q.timeMs < NOW - 60 * MIN).every((q) => q.length === 0)).toBe(
      true,
    );
    const peak = lengths.indexOf(2);
    expect(peak).toBeGreaterThan(0);
    expect(lengths.slice(peak).at(-1)).toBe(1);
    expect(Math.max(...lengths)).toBe(2);
    expect(body.recent).toHaveLength(9);
    expect(body.recent[0]).toMatchObject({
      type: 'gate',
      code: 'rejected',
      placeId: 'T1-gate-in-01',
      by: '沪A12344',
    });
  });

  it('follows an inspection lane’s queue', async () => {
    const { body } = await get<LaneHistory>('/api/v1/lanes/T1-inspection-scan-1/history');
    expect(body.queueNow).toBe(1);
    expect(body.completed).toBe(0);
    expect(body.recent.map((e) => e.code)).toEqual(['started', 'queued', 'queued']);
  });

  it('refuses bad times, reversed and too long windows with a clear 400', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/berth-schedule?from=yesterday', /^from: time "yesterday" is not an ISO 8601/],
      ['/api/v1/berth-schedule?to=2026-02-30T00:00:00Z', /^to: .* is not a real date/],
      ['/api/v1/berth-schedule?from=1700000', /^from: time is before 2000-01-01/],
      [`/api/v1/berth-schedule?from=${iso(NOW)}&to=${iso(NOW - H)}`, /^from must be before to$/],
      [`/api/v1/berth-schedule?from=${NOW - 8 * 24 * H}&to=${NOW}`, /at most 7 days/],
      ['/api/v1/equipment/T1-QC01/history?from=soon', /^from: /],
      [`/api/v1/equipment/T1-QC01/history?from=${NOW}&to=${NOW}`, /^from must be before to$/],
      ['/api/v1/lanes/T1-gate-in-01/history?to=2026-13-01T00:00:00Z', /^to: /],
      [`/api/v1/lanes/T1-gate-in-01/history?from=${NOW - 10 * 24 * H}&to=${NOW}`, /at most 7 days/],
      ['/api/v1/equipment/bad%20id!/history', /params\/id must match pattern/],
    ];
    for (const [path, message] of cases) {
      const { status, body } = await get<{ error: string; message: string }>(path);
      expect({ path, status, error: body.error }).toEqual({
        path,
        status: 400,
        error: 'Bad Request',
      });
      expect(body.message).toMatch(message);
    }
  });

  it('says 404 for a lane the port model does not have', async () => {
    for (const id of ['T1-gate-in-99', 'T1-B1']) {
      const { status, body } = await get<{ message: string }>(`/api/v1/lanes/${id}/history`);
      expect(status).toBe(404);
      expect(body.message).toBe(`no gate or inspection lane "${id}" in the port model`);
    }
  });

  it('describes the three routes in the OpenAPI document', async () => {
    const { body } = await get<{ paths: Record<string, unknown> }>('/api/docs/json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/berth-schedule',
        '/api/v1/equipment/{id}/history',
        '/api/v1/lanes/{id}/history',
      ]),
    );
  });
});
