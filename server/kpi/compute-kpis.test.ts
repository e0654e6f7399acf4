import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KPI_DEFINITIONS } from '../../protocol/kpi.ts';
import { computeKpis } from './compute-kpis.ts';
import { stateFromJson, stateToJson } from './port-state-json.ts';
import { cloneState, emptyPortState, foldEvents } from './port-state.ts';
import { arbitraryEvents } from './test-support/arbitrary-events.ts';
import { box, call, FACTS, kpisOf, machine, min, T0 } from './test-support/events.ts';

const busy = [
  call(0, 'C1', 'ATA-Berth', 'B1'),
  machine(0, 'QC1', 'sts', 'working', 'C1'),
  box(5, 'DISC', 'AAAU1', { callId: 'C1', flow: 'import' }),
];

describe('computeKpis', () => {
  it('produces every KPI of the registry for the port, with its unit and the window', () => {
    for (const kpis of [kpisOf([], 0, 60), kpisOf(busy, 0, 60)]) {
      for (const definition of KPI_DEFINITIONS) {
        const port = kpis.find((k) => k.id === definition.id && k.scope === 'port');
        expect(port, definition.id).toMatchObject({
          unit: definition.unit,
          from: new Date(T0).toISOString(),
          to: new Date(min(60)).toISOString(),
        });
      }
      expect(new Set(kpis.map((k) => k.id))).toEqual(new Set(KPI_DEFINITIONS.map((d) => d.id)));
    }
  });

  it('uses only the scope kinds each definition declares', () => {
    const kpis = kpisOf(busy, 0, 60);
    for (const k of kpis) {
      const kind = k.scope === 'port' ? 'port' : k.scope.slice(0, k.scope.indexOf(':'));
      const definition = KPI_DEFINITIONS.find((d) => d.id === k.id)!;
      expect(definition.scopes as readonly string[], `${k.id} ${k.scope}`).toContain(kind);
    }
  });

  it('in an empty window says null where there is nothing to compute from, never NaN', () => {
    const kpis = kpisOf([], 0, 60);
    const port = Object.fromEntries(
      kpis.filter((k) => k.scope === 'port').map((k) => [k.id, k.value]),
    );
    expect(port).toEqual({
      'crane.gross_rate': null,
      'crane.net_rate': null,
      'call.berth_productivity': null,
      'call.crane_intensity': null,
      'berth.occupancy': 0,
      'anchorage.waiting_vessels': 0,
      'anchorage.waiting_time': null,
      'call.port_hours': null,
      'call.port_to_berth_hours': null,
      'call.at_berth_hours': null,
      'gate.turn_time_median': null,
      'gate.turn_time_p90': null,
      'gate.throughput': 0,
      'yard.utilisation': 0,
      'yard.dwell_median': null,
      'yard.dwell_p90': null,
      'equipment.utilisation': null,
      'equipment.availability': null,
      'customs.clearance_time': null,
      'inspection.throughput': 0,
      'inspection.queue': 0,
      'inspection.wait': null,
      'flow.direct_pickup_share': null,
      'flow.direct_loading_share': null,
    });
  });

  it('lists values in registry order, the port first, then scopes sorted', () => {
    const kpis = kpisOf(busy, 0, 60);
    const occupancy = kpis.filter((k) => k.id === 'berth.occupancy').map((k) => k.scope);
    expect(occupancy).toEqual(['port', 'berth:B1', 'berth:B2']);
    const order = KPI_DEFINITIONS.map((d) => d.id as string);
    const indexes = kpis.map((k) => order.indexOf(k.id));
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
  });

  it('leaves the state it starts from untouched', () => {
    const base = foldEvents(emptyPortState(), busy);
    const before = cloneState(base);
    computeKpis(base, [box(30, 'LOAD', 'BBBU2', { callId: 'C1' })], min(20), min(60), FACTS);
    expect(base).toEqual(before);
  });

  it('refuses a window that ends before it starts', () => {
    expect(() => kpisOf([], 60, 0)).toThrow(RangeError);
  });

  it('never gives NaN, an infinite or a negative value, nor a ratio above 1', () => {
    fc.assert(
      fc.property(arbitraryEvents(-120, 240), (events) => {
        for (const k of kpisOf(events, 0, 180)) {
          if (k.value === null) continue;
          expect(Number.isFinite(k.value) && k.value >= 0, `${k.id} ${k.scope}`).toBe(true);
          if (k.unit === 'ratio') expect(k.value, `${k.id} ${k.scope}`).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('does not depend on the order the events are given in', () => {
    const shuffled = arbitraryEvents(-60, 180).chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
      ),
    );
    fc.assert(
      fc.property(shuffled, ([events, reordered]) => {
        expect(kpisOf(reordered, 0, 120)).toEqual(kpisOf(events, 0, 120));
      }),
    );
  });
});

describe('the fold the live window relies on', () => {
  it('folding A then B equals folding A, checkpointing through JSON, then B', () => {
    fc.assert(
      fc.property(arbitraryEvents(-120, 0, 'a'), arbitraryEvents(0, 120, 'b'), (a, b) => {
        const once = foldEvents(emptyPortState(), [...a, ...b]);
        const checkpoint = stateFromJson(
          JSON.parse(JSON.stringify(stateToJson(foldEvents(emptyPortState(), a)))),
        )!;
        expect(foldEvents(checkpoint, b)).toEqual(once);
      }),
    );
  });

  it('computing over B with S′ = fold(S, A) as the base equals computing from S over A and B', () => {
    fc.assert(
      fc.property(
        arbitraryEvents(-240, -60, 's'),
        arbitraryEvents(-60, 0, 'a'),
        arbitraryEvents(0, 180, 'b'),
        (s, a, b) => {
          const stateS = foldEvents(emptyPortState(), s);
          const stateS2 = foldEvents(cloneState(stateS), a);
          expect(kpisOf(b, 0, 180, stateS2)).toEqual(kpisOf([...a, ...b], 0, 180, stateS));
        },
      ),
    );
  });
});
