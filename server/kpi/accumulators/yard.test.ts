import { describe, expect, it } from 'vitest';
import { box, FACTS, kpisOf, valueOf } from '../test-support/events.ts';
import { teuOf } from './yard.ts';

const HOUR_S = 3600;

describe('yard utilisation', () => {
  it('counts TEU by ISO size code', () => {
    expect(teuOf('22G1')).toBe(1);
    expect(teuOf('45G1')).toBe(2);
    expect(teuOf('L5G1')).toBe(2);
    expect(teuOf(undefined)).toBe(1);
  });

  it('is TEU standing in each block at the end of the window ÷ its capacity', () => {
    const kpis = kpisOf(
      [
        box(0, 'DROP', 'A1', { facilityId: 'Y1', isoEquipmentCode: '45G1' }),
        box(1, 'DROP', 'A2', { facilityId: 'Y1', isoEquipmentCode: '22G1' }),
        box(2, 'DROP', 'A3', { facilityId: 'Y2' }),
        box(3, 'DROP', 'A4', { facilityId: 'Y2', isoEquipmentCode: '42G1' }),
        box(50, 'PICK', 'A4'), // picked before the end: not counted
        box(4, 'DROP', 'A5', { facilityId: 'Y9' }), // a block the model does not know
        box(130, 'DROP', 'A6', { facilityId: 'Y1' }), // after the window
      ],
      0,
      120,
    );
    expect(valueOf(kpis, 'yard.utilisation', 'block:Y1')).toBeCloseTo(3 / 10, 12);
    expect(valueOf(kpis, 'yard.utilisation', 'block:Y2')).toBeCloseTo(1 / 30, 12);
    expect(valueOf(kpis, 'yard.utilisation')).toBeCloseTo(4 / 40, 12);
    expect(kpis.some((k) => k.scope === 'block:Y9')).toBe(false);
  });

  it('is 0 for an empty yard, and none without blocks in the model', () => {
    expect(valueOf(kpisOf([], 0, 60), 'yard.utilisation', 'block:Y2')).toBe(0);
    const noBlocks = { ...FACTS, blocks: [] };
    expect(valueOf(kpisOf([], 0, 60, undefined, noBlocks), 'yard.utilisation')).toBeNull();
  });
});

describe('dwell time', () => {
  // Window [0, 48 h).
  const h = (hours: number) => hours * 60;
  const kpis = kpisOf(
    [
      // Import: in the yard at -10 h (before the window), out at 20 h: 30 h.
      box(h(-11), 'DISC', 'I1', { flow: 'import' }),
      box(h(-10), 'DROP', 'I1', { facilityId: 'Y1' }),
      box(h(20), 'PICK', 'I1'),
      box(h(21), 'GTOT', 'I1'),
      // Import with a rehandle between blocks: one stay of 10 h.
      box(h(1), 'DISC', 'I2', { flow: 'import' }),
      box(h(2), 'DROP', 'I2', { facilityId: 'Y1' }),
      box(h(5), 'PICK', 'I2'),
      box(h(5.1), 'DROP', 'I2', { facilityId: 'Y2' }),
      box(h(12), 'PICK', 'I2'),
      box(h(12.5), 'GTOT', 'I2'),
      // Export: 6 h.
      box(h(3), 'GTIN', 'E1', { flow: 'export' }),
      box(h(3.5), 'DROP', 'E1', { facilityId: 'Y2' }),
      box(h(9.5), 'PICK', 'E1'),
      box(h(10), 'LOAD', 'E1'),
      // Still in the yard at the end: excluded.
      box(h(4), 'DISC', 'I3', { flow: 'import' }),
      box(h(5), 'DROP', 'I3', { facilityId: 'Y1' }),
      // Picked but still in the terminal (at inspection) at the end: excluded.
      box(h(6), 'DISC', 'I4', { flow: 'import' }),
      box(h(7), 'DROP', 'I4', { facilityId: 'Y1' }),
      box(h(40), 'PICK', 'I4'),
      // Direct delivery: never in the yard, no dwell.
      box(h(8), 'DISC', 'I5', { flow: 'import' }),
      box(h(8.5), 'GTOT', 'I5'),
    ],
    0,
    h(48),
  );

  it('runs from the first yard-in after arrival to the last pick, by flow', () => {
    expect(valueOf(kpis, 'yard.dwell_median', 'flow:import')).toBe(20 * HOUR_S);
    expect(valueOf(kpis, 'yard.dwell_p90', 'flow:import')).toBeCloseTo(28 * HOUR_S, 6);
    expect(valueOf(kpis, 'yard.dwell_median', 'flow:export')).toBe(6 * HOUR_S);
    expect(valueOf(kpis, 'yard.dwell_median')).toBe(10 * HOUR_S);
  });

  it('has no dwell for a flow with no box that left', () => {
    expect(valueOf(kpis, 'yard.dwell_median', 'flow:transshipment')).toBeNull();
    expect(valueOf(kpis, 'yard.dwell_p90', 'flow:empty')).toBeNull();
  });
});
