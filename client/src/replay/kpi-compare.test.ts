import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS, type KpiValue } from '../../../protocol/kpi.ts';
import {
  compareKpis,
  isOfScope,
  RISE,
  riseOf,
  scopeName,
  verdict,
  type CompareRow,
} from './kpi-compare.ts';

const FROM_A = '2026-11-28T16:00:00.000Z';
const FROM_B = '2026-11-29T16:00:00.000Z';
const UNIT = new Map<string, string>(KPI_DEFINITIONS.map((d) => [d.id, d.unit]));

const dayA = (id: string, scope: string, value: number | null): KpiValue => ({
  id,
  scope,
  value,
  unit: UNIT.get(id) ?? 'count',
  from: FROM_A,
  to: FROM_B,
});
const dayB = (id: string, scope: string, value: number | null): KpiValue => ({
  ...dayA(id, scope, value),
  from: FROM_B,
  to: '2026-11-30T16:00:00.000Z',
});

const keys = (rows: readonly CompareRow[]) => rows.map((r) => `${r.id}@${r.scope}`);

describe('compareKpis', () => {
  it('matches values by KPI id and scope, not by position', () => {
    const rows = compareKpis(
      [
        dayA('crane.gross_rate', 'crane:T1-QC02', 30),
        dayA('crane.gross_rate', 'crane:T1-QC01', 25),
        dayA('crane.net_rate', 'crane:T1-QC01', 28),
      ],
      [
        dayB('crane.net_rate', 'crane:T1-QC01', 35),
        dayB('crane.gross_rate', 'crane:T1-QC01', 20),
        dayB('crane.gross_rate', 'crane:T1-QC02', 33),
      ],
      'crane',
    );
    expect(rows).toEqual([
      {
        id: 'crane.gross_rate',
        scope: 'crane:T1-QC01',
        unit: 'moves/h',
        a: 25,
        b: 20,
        inA: true,
        inB: true,
        delta: -5,
        change: -0.2,
        rise: 'good',
      },
      expect.objectContaining({ scope: 'crane:T1-QC02', a: 30, b: 33, delta: 3, change: 0.1 }),
      expect.objectContaining({ id: 'crane.net_rate', a: 28, b: 35, delta: 7, change: 0.25 }),
    ]);
  });

  it('keeps a scope reported on one day only, with nothing to subtract', () => {
    const rows = compareKpis(
      [dayA('berth.occupancy', 'berth:T1-B1', 0.5)],
      [dayB('berth.occupancy', 'berth:T1-B1', 0.6), dayB('berth.occupancy', 'berth:T1-B9', 0.2)],
      'berth',
    );
    expect(rows[1]).toMatchObject({
      scope: 'berth:T1-B9',
      a: null,
      b: 0.2,
      inA: false,
      inB: true,
      delta: null,
      change: null,
    });
    const onlyA = compareKpis([dayA('gate.throughput', 'lane:G-IN-3', 12)], [], 'lane');
    expect(onlyA).toEqual([
      expect.objectContaining({ a: 12, b: null, inA: true, inB: false, delta: null }),
    ]);
  });

  it('gives no change where a day had no value (null or not a number)', () => {
    const rows = compareKpis(
      [dayA('anchorage.waiting_time', 'port', null), dayA('call.port_hours', 'port', 7200)],
      [dayB('anchorage.waiting_time', 'port', 1800), dayB('call.port_hours', 'port', NaN)],
      'port',
    );
    expect(rows).toEqual([
      expect.objectContaining({ a: null, b: 1800, inA: true, delta: null, change: null }),
      expect.objectContaining({ a: 7200, b: null, inB: true, delta: null, change: null }),
    ]);
  });

  it('gives the change but no relative change from a zero base', () => {
    const [fromZero, zeroToZero, toZero] = compareKpis(
      [
        dayA('anchorage.waiting_vessels', 'port', 0),
        dayA('inspection.queue', 'port', 4),
        dayA('gate.throughput', 'port', 0),
      ],
      [
        dayB('anchorage.waiting_vessels', 'port', 3),
        dayB('inspection.queue', 'port', 0),
        dayB('gate.throughput', 'port', 0),
      ],
      'port',
    );
    expect(fromZero).toMatchObject({ a: 0, b: 3, delta: 3, change: null });
    expect(toZero).toMatchObject({ a: 4, b: 0, delta: -4, change: -1 });
    expect(zeroToZero).toMatchObject({ delta: 0, change: null });
  });

  it('orders rows by the KPI registry, then the port, then scopes with numbers as numbers', () => {
    const a = [
      dayA('inspection.queue', 'lane:T1-insp-01', 1),
      dayA('gate.throughput', 'lane:T1-gate-in-10', 5),
      dayA('gate.throughput', 'lane:T1-gate-in-2', 5),
      dayA('gate.throughput', 'port', 40),
      dayA('inspection.throughput', 'lane:T1-insp-01', 2),
    ];
    const b = [dayB('not.in.registry', 'port', 1), dayB('crane.gross_rate', 'port', 30)];
    expect(keys(compareKpis(a, b, 'lane'))).toEqual([
      'gate.throughput@lane:T1-gate-in-2',
      'gate.throughput@lane:T1-gate-in-10',
      'inspection.throughput@lane:T1-insp-01',
      'inspection.queue@lane:T1-insp-01',
    ]);
    expect(keys(compareKpis(a, b, 'port'))).toEqual([
      'crane.gross_rate@port',
      'gate.throughput@port',
      'not.in.registry@port',
    ]);
    // The order does not depend on the order the server sent.
    expect(keys(compareKpis([...a].reverse(), [...b].reverse(), 'lane'))).toEqual(
      keys(compareKpis(a, b, 'lane')),
    );
  });

  it('shows each scope kind only its own scopes', () => {
    const all = [
      dayA('crane.gross_rate', 'port', 30),
      dayA('crane.gross_rate', 'crane:T1-QC01', 31),
      dayA('crane.gross_rate', 'call:C-1', 32),
      dayA('berth.occupancy', 'berth:T1-B1', 0.4),
      dayA('gate.throughput', 'lane:T1-gate-out-01', 9),
      dayA('inspection.wait', 'lane:T1-insp-01', 600),
      dayA('yard.utilisation', 'block:T1-YA01', 0.7),
      dayA('equipment.availability', 'kind:sts', 0.98),
      dayA('yard.dwell_median', 'flow:import', 3e5),
      dayA('customs.clearance_time', 'channel:red', 9e4),
      // Not a lane: the kind is "lanes", not "lane".
      dayA('gate.throughput', 'lanes:x', 1),
    ];
    expect(keys(compareKpis(all, [], 'port'))).toEqual(['crane.gross_rate@port']);
    expect(keys(compareKpis(all, [], 'crane'))).toEqual(['crane.gross_rate@crane:T1-QC01']);
    expect(keys(compareKpis(all, [], 'berth'))).toEqual(['berth.occupancy@berth:T1-B1']);
    expect(keys(compareKpis(all, [], 'lane'))).toEqual([
      'gate.throughput@lane:T1-gate-out-01',
      'inspection.wait@lane:T1-insp-01',
    ]);
    expect(isOfScope('portside', 'port')).toBe(false);
    expect(scopeName('lane:T1-gate-in-01')).toBe('T1-gate-in-01');
    expect(scopeName('port')).toBe('port');
  });

  it('takes the registry’s unit, and the first of a repeated (id, scope)', () => {
    const rows = compareKpis(
      [{ ...dayA('gate.throughput', 'port', 10), unit: 'x' }, dayA('gate.throughput', 'port', 99)],
      [dayB('mystery', 'port', 1)],
      'port',
    );
    expect(rows[0]).toMatchObject({ unit: 'trucks/h', a: 10 });
    expect(rows[1]).toMatchObject({ id: 'mystery', unit: 'count', rise: 'neutral' });
  });
});

describe('reading a change', () => {
  it('knows for each KPI whether a rise is for the better, the worse or neither', () => {
    expect(Object.keys(RISE).sort()).toEqual(KPI_DEFINITIONS.map((d) => d.id).sort());
    for (const { why } of Object.values(RISE)) expect(why.length).toBeGreaterThan(10);
    for (const id of [
      'crane.gross_rate',
      'crane.net_rate',
      'gate.throughput',
      'inspection.throughput',
      'equipment.availability',
    ])
      expect(riseOf(id)).toBe('good');
    for (const id of [
      'gate.turn_time_median',
      'gate.turn_time_p90',
      'anchorage.waiting_vessels',
      'anchorage.waiting_time',
      'yard.dwell_median',
      'inspection.queue',
      'customs.clearance_time',
    ])
      expect(riseOf(id)).toBe('bad');
    for (const id of ['berth.occupancy', 'yard.utilisation', 'equipment.utilisation'])
      expect(riseOf(id)).toBe('neutral');
    expect(riseOf('constructor')).toBe('neutral');
  });

  it('calls a change good or bad by its direction', () => {
    expect(verdict('good', 2)).toBe('good');
    expect(verdict('good', -2)).toBe('bad');
    expect(verdict('bad', 60)).toBe('bad');
    expect(verdict('bad', -60)).toBe('good');
    expect(verdict('neutral', 0.1)).toBe('neutral');
    expect(verdict('bad', 0)).toBe('same');
    expect(verdict('good', null)).toBe('none');
  });
});
