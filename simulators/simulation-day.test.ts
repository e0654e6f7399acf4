// One whole simulated day of the demo port, run in-process without positions: the KPIs
// an operations manager knows come out in their real ranges (computed from the emitted
// events with the definitions of ../shared/docs/domain.md), and every container is in
// exactly one place at every moment.
import { describe, expect, it } from 'vitest';
import type { PortEvent, StoredEvent } from '../protocol/events.ts';
import { computeKpis } from '../server/kpi/compute-kpis.ts';
import { portFacts } from '../server/kpi/port-facts.ts';
import { emptyPortState } from '../server/kpi/port-state.ts';
import { buildDemoPort } from '../server/port-model/demo-port.ts';
import type { ContainerLocation } from './cargo/container-registry.ts';
import { Simulation } from './simulation.ts';
import { channelChances } from './simulation-config.ts';
import {
  berthOccupancy,
  customsSelection,
  grossCraneRate,
  median,
  truckTurnTimesMinutes,
} from './testing/kpi-from-events.ts';

const MODEL = buildDemoPort();
const T0 = Date.UTC(2026, 10, 27);
const DAY = { fromMs: T0, toMs: T0 + 86_400_000 };

const holderOf = (l: ContainerLocation) =>
  l.at === 'equipment'
    ? `equipment ${l.equipmentId}`
    : l.at === 'slot'
      ? `slot ${l.blockId}/${l.position}/${l.row}/${l.tier}`
      : l.at === 'inspection'
        ? `inspection ${l.laneId}`
        : undefined;

function runDay() {
  const simulation = new Simulation(MODEL, { startMs: T0, config: { positionIntervalMs: 0 } });
  // An account of every box kept independently of the registry, from the moves it reports.
  const where = new Map<string, ContainerLocation>();
  const holders = new Map<string, string>();
  const violations: string[] = [];
  const note = (message: string) => violations.length < 10 && violations.push(message);
  const track = (number: string, from: ContainerLocation | undefined, to: ContainerLocation) => {
    if (from && JSON.stringify(where.get(number)) !== JSON.stringify(from))
      note(
        `${number} moved from ${JSON.stringify(from)} but was at ${JSON.stringify(where.get(number))}`,
      );
    if (!from && where.has(number)) note(`${number} created twice`);
    const before = where.get(number);
    const left = before && holderOf(before);
    if (left) holders.delete(left);
    const taken = holderOf(to);
    if (taken) {
      if (holders.has(taken)) note(`${taken} holds ${holders.get(taken)} and ${number}`);
      holders.set(taken, number);
    }
    where.set(number, to);
  };
  // Boxes already in the port when the account starts.
  for (const container of simulation.registry.all())
    track(container.number, undefined, simulation.registry.where(container.number));
  simulation.registry.onMove((container, from, to) => track(container.number, from, to));
  const events: PortEvent[] = [];
  for (const output of simulation.until(DAY.toMs)) events.push(...output.events);
  return { simulation, events, where, violations };
}

describe('one simulated day of the demo port', () => {
  const { simulation, events, where, violations } = runDay();
  const berths = MODEL.features.filter((f) => f.properties.kind === 'berth').length;
  const lanes = MODEL.features.filter((f) => f.properties.kind === 'inspection_lane').length;

  it('works the ships at a gross crane rate of 25-35 moves an hour', () => {
    const { movesPerHour, moves } = grossCraneRate(events, DAY);
    expect(moves).toBeGreaterThan(4_000);
    expect(movesPerHour).toBeGreaterThanOrEqual(25);
    expect(movesPerHour).toBeLessThanOrEqual(35);
  });

  it('keeps the berths 40-85 % occupied', () => {
    const occupancy = berthOccupancy(events, DAY, berths);
    expect(occupancy).toBeGreaterThanOrEqual(0.4);
    expect(occupancy).toBeLessThanOrEqual(0.85);
  });

  it('turns hauliers round in a median of 30-90 minutes', () => {
    const turns = truckTurnTimesMinutes(events);
    expect(turns.length).toBeGreaterThan(2_000);
    expect(median(turns)).toBeGreaterThanOrEqual(30);
    expect(median(turns)).toBeLessThanOrEqual(90);
  });

  it('selects import boxes for inspection at the configured channel shares', () => {
    const { customs } = simulation.config;
    const selection = customsSelection(events, DAY);
    const n = selection.declared;
    expect(n).toBeGreaterThan(1_000);
    const aeoShare = selection.aeo / n;
    expect(aeoShare).toBeCloseTo(customs.aeoShare, 1);
    // Each box is a Bernoulli draw of its channel: allow four standard errors either way
    // (about 1 in 15,000 of failing by chance), about ±2.6 points for the share inspected.
    const expected = (aeo: boolean) => channelChances(customs, aeo);
    for (const channel of ['green', 'yellow', 'red'] as const) {
      const p = (1 - aeoShare) * expected(false)[channel] + aeoShare * expected(true)[channel];
      const tolerance = 4 * Math.sqrt((p * (1 - p)) / n);
      expect(Math.abs(selection.byChannel[channel] / n - p), channel).toBeLessThanOrEqual(
        tolerance,
      );
    }
    const inspected =
      1 - ((1 - aeoShare) * expected(false).green + aeoShare * expected(true).green);
    expect(Math.abs(selection.selected / n - inspected)).toBeLessThanOrEqual(
      4 * Math.sqrt((inspected * (1 - inspected)) / n),
    );
    // AEO traders are inspected less often.
    expect(selection.aeoSelected / selection.aeo).toBeLessThan(
      (selection.selected - selection.aeoSelected) / (n - selection.aeo),
    );
  });

  it('inspects selected boxes: queued, started, completed with an outcome, then released or held', () => {
    const phases = new Map<string, string[]>();
    for (const e of events)
      if (e.type === 'inspection')
        phases.set(e.containerNumber, [
          ...(phases.get(e.containerNumber) ?? []),
          `${e.method}:${e.phase}${e.outcome ? `:${e.outcome}` : ''}`,
        ]);
    const completed = [...phases.values()].filter((p) => p.some((x) => x.includes('completed')));
    expect(completed.length).toBeGreaterThan(50);
    // Boxes already in a lane when output starts were queued during the warm-up, which
    // is not reported; they can be no more than the lanes hold. Every other box queues first.
    const begunBefore = completed.filter((list) => !list.some((x) => x.endsWith(':queued')));
    expect(begunBefore.length).toBeLessThanOrEqual(lanes);
    for (const list of completed)
      if (!begunBefore.includes(list)) expect(list[0]).toMatch(/:queued$/);
    const verdicts = events.filter(
      (e) => e.type === 'customs' && (e.status === 'released' || e.status === 'held'),
    );
    expect(verdicts.some((e) => e.type === 'customs' && e.status === 'held')).toBe(true);
  });

  it('hands boxes straight between truck and crane for a share of them', () => {
    const byNumber = new Map<string, string[]>();
    for (const e of events)
      if (e.type === 'container')
        byNumber.set(e.containerNumber, [
          ...(byNumber.get(e.containerNumber) ?? []),
          e.eventTypeCode,
        ]);
    const codes = [...byNumber.values()].map((c) =>
      c.filter((x) => !x.startsWith('CUS')).join(' '),
    );
    expect(codes.filter((c) => c.startsWith('DISC GTOT')).length).toBeGreaterThan(20); // direct delivery
    expect(codes.filter((c) => c.startsWith('GTIN LOAD')).length).toBeGreaterThan(10); // direct loading
  });

  it('gives KPIs in the same ranges through the server’s own KPI engine', () => {
    const stored = events.map(({ time, ...rest }) => ({ ...rest, timeMs: time as number }));
    const kpis = computeKpis(
      emptyPortState(),
      stored as StoredEvent[],
      DAY.fromMs,
      DAY.toMs,
      portFacts(MODEL),
    );
    const port = (id: string) => kpis.find((k) => k.id === id && k.scope === 'port')!.value!;
    expect(port('crane.gross_rate')).toBeGreaterThanOrEqual(25);
    expect(port('crane.gross_rate')).toBeLessThanOrEqual(35);
    expect(port('berth.occupancy')).toBeGreaterThanOrEqual(0.4);
    expect(port('berth.occupancy')).toBeLessThanOrEqual(0.85);
    expect(port('gate.turn_time_median') / 60).toBeGreaterThanOrEqual(30);
    expect(port('gate.turn_time_median') / 60).toBeLessThanOrEqual(90);
    // The yard was stocked before output began: its inventory reaches the server.
    expect(port('yard.utilisation')).toBeGreaterThan(0.3);
    expect(port('yard.dwell_median') / 86_400).toBeGreaterThan(1);
    const { cargo } = simulation.config;
    expect(port('flow.direct_pickup_share')).toBeCloseTo(cargo.directPickupShare, 1);
    expect(port('flow.direct_loading_share')).toBeCloseTo(cargo.directLoadingShare, 1);
  });

  it('never has a box in two places, nor two boxes in one place', () => {
    expect(violations).toEqual([]);
  });

  it('accounts for every box, on board, held, stacked, in inspection or gone', () => {
    expect(where.size).toBe(simulation.registry.size);
    const census = simulation.registry.census();
    expect(Object.values(census).reduce((a, b) => a + b, 0)).toBe(simulation.registry.size);
    for (const [number, location] of where)
      expect(simulation.registry.where(number), number).toEqual(location);
    expect(census.slot).toBeGreaterThan(15_000);
    expect(census.gone).toBeGreaterThan(5_000);
  });

  it('reports each box’s moves in an order a box can make them', () => {
    const problems: string[] = [];
    const state = new Map<string, { inYard?: boolean; done?: string; once: Set<string> }>();
    for (const e of events) {
      if (e.type !== 'container' || e.eventTypeCode.startsWith('CUS') || e.eventTypeCode === 'INSP')
        continue;
      const s = state.get(e.containerNumber) ?? { once: new Set() };
      state.set(e.containerNumber, s);
      const code = e.eventTypeCode;
      if (s.done) problems.push(`${e.containerNumber}: ${code} after ${s.done}`);
      if (['DISC', 'LOAD', 'GTIN', 'GTOT'].includes(code)) {
        if (s.once.has(code)) problems.push(`${e.containerNumber}: ${code} twice`);
        s.once.add(code);
      }
      if (code === 'DROP') {
        if (s.inYard) problems.push(`${e.containerNumber}: DROP while in the yard`);
        s.inYard = true;
      }
      if (code === 'PICK') {
        if (s.inYard === false) problems.push(`${e.containerNumber}: PICK while not in the yard`);
        s.inYard = false;
      }
      if ((code === 'LOAD' || code === 'GTOT') && s.inYard)
        problems.push(`${e.containerNumber}: ${code} from the yard without PICK`);
      if (code === 'LOAD' || code === 'GTOT') s.done = code;
    }
    expect(problems.slice(0, 10)).toEqual([]);
  });
});
