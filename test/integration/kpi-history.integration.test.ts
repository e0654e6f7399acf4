// One computation for live and history, over each real engine (TimescaleDB included): a synthetic day and a
// half of a small port goes through the real ingest path (POST /api/v1/events); the KPIs
// LiveKpis gives when fed the committed events as their time passes equal those computed
// from the database for the same window, before and after checkpoints, and the events
// read back are the ones ingest stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import { validateEvent } from '../../server/ingest/validate-event.ts';
import { readCheckpoint, writeCheckpoint, type Checkpoint } from '../../server/kpi/checkpoints.ts';
import { computeKpis } from '../../server/kpi/compute-kpis.ts';
import { loadKpiInputs } from '../../server/kpi/history.ts';
import { DAY_WINDOW_MS, LiveKpis } from '../../server/kpi/live-kpis.ts';
import { compareEvents, emptyPortState, isActualEvent } from '../../server/kpi/port-state.ts';
import { readStoredEvents } from '../../server/kpi/stored-events.ts';
import { SYNTHETIC_FACTS, syntheticDays } from '../../server/kpi/test-support/synthetic-day.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';
import { timescaleEngine } from '../helpers/timescale-engine.ts';

const HOUR = 3_600_000;
const BATCH = 2_000;

const engines = [
  ...enginesUnderTest(),
  { name: 'timescaledb', make: () => timescaleEngine() }, // the events in hypertables
];

describe.each(engines)('KPI history and live on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  // 38 hours of port, ending two hours ago; the window is the 24 h ending at toMs.
  const startMs = Math.floor(Date.now() / HOUR) * HOUR - 40 * HOUR;
  const toMs = startMs + 36.5 * HOUR;
  const fromMs = toMs - DAY_WINDOW_MS;
  const items = syntheticDays(startMs, 38);
  let committed: StoredEvent[];
  const checkpoints: Checkpoint[] = [];
  let live: LiveKpis;

  const historical = async (from: number, to: number) => {
    const { state, events } = await loadKpiInputs(db.pool, from, to);
    return computeKpis(state, events, from, to, SYNTHETIC_FACTS);
  };

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
    for (let i = 0; i < items.length; i += BATCH) {
      const batch = items.slice(i, i + BATCH);
      const reply = await (await server.post('/api/v1/events', batch)).json();
      expect(reply).toEqual({ accepted: batch.length, rejected: [] });
    }
    committed = items.map((item) => {
      const validation = validateEvent(item, Date.now());
      if (!validation.ok) throw new Error('a synthetic event is not valid');
      return validation.value;
    });
    // The live side: committed events arrive as their time passes, the clock ticks hourly.
    live = new LiveKpis(
      SYNTHETIC_FACTS,
      { state: emptyPortState(), atMs: startMs, events: [] },
      startMs,
    );
    let fedToMs = startMs;
    for (let nowMs = startMs + HOUR; fedToMs < toMs; nowMs += HOUR) {
      const tickMs = Math.min(nowMs, toMs);
      live.tick(tickMs);
      live.add(committed.filter((e) => e.timeMs >= fedToMs && e.timeMs < tickMs));
      fedToMs = tickMs;
      const checkpoint = live.takeCheckpoint();
      if (checkpoint) checkpoints.push(checkpoint);
    }
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('reads back the actual events exactly as ingest stored them', async () => {
    const stored = await readStoredEvents(db.pool, -Infinity, Infinity);
    expect(stored).toStrictEqual(committed.filter(isActualEvent).sort(compareEvents));
  });

  it('gives the same KPIs live and from the database, with values in every family', async () => {
    const fromLive = live.current();
    expect(fromLive.length).toBeGreaterThan(50);
    expect(await historical(fromMs, toMs)).toEqual(fromLive);
    const port = (id: string) => fromLive.find((k) => k.id === id && k.scope === 'port')!.value;
    for (const id of [
      'crane.gross_rate',
      'crane.net_rate',
      'call.berth_productivity',
      'call.crane_intensity',
      'berth.occupancy',
      'call.port_hours',
      'gate.turn_time_median',
      'gate.throughput',
      'yard.utilisation',
      'yard.dwell_median',
      'equipment.utilisation',
      'customs.clearance_time',
      'inspection.throughput',
      'inspection.wait',
      'flow.direct_pickup_share',
      'flow.direct_loading_share',
    ])
      expect(port(id), id).toBeGreaterThan(0);
    // Net takes the crane fault out of the hours.
    expect(port('crane.net_rate')).toBeGreaterThan(port('crane.gross_rate')!);
  });

  it('gives the same KPIs again once checkpoints are stored, folding from the newest', async () => {
    expect(checkpoints.length).toBeGreaterThan(5);
    for (const { atMs, state } of checkpoints) await writeCheckpoint(db.pool, atMs, state);
    const used = await readCheckpoint(db.pool, fromMs);
    expect(used?.atMs).toBe(checkpoints.at(-1)!.atMs);
    expect(await historical(fromMs, toMs)).toEqual(live.current());
  });

  it('computes any window from history as from the events in memory', async () => {
    for (const [from, to] of [
      [startMs + 2.25 * HOUR, startMs + 26.25 * HOUR],
      [startMs + 5 * HOUR, startMs + 5 * HOUR],
      [startMs - 3 * HOUR, startMs + 1 * HOUR],
    ] as const)
      expect(await historical(from, to)).toEqual(
        computeKpis(emptyPortState(), committed, from, to, SYNTHETIC_FACTS),
      );
  });

  it('starts live from history as it left off', async () => {
    const restarted = await LiveKpis.fromHistory(db.pool, SYNTHETIC_FACTS, toMs);
    expect(restarted.current()).toEqual(live.current());
  });
});
