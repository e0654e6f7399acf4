import { describe, expect, it } from 'vitest';
import { box, kpisOf, valueOf } from '../test-support/events.ts';

describe('direct pickup and direct loading', () => {
  const kpis = kpisOf(
    [
      // Imports gated out in [0, 100): I1 direct, I2 via the yard, I3 of unknown history,
      // I4 in the yard before the record began (an inventory DROP).
      box(-5, 'DISC', 'I1', { flow: 'import' }),
      box(10, 'GTOT', 'I1'),
      box(0, 'DISC', 'I2', { flow: 'import' }),
      box(5, 'DROP', 'I2', { facilityId: 'Y1' }),
      box(50, 'PICK', 'I2'),
      box(60, 'GTOT', 'I2'),
      box(20, 'GTOT', 'I3', { flow: 'import' }),
      box(-50, 'DROP', 'I4', { flow: 'import', facilityId: 'Y1' }),
      box(70, 'PICK', 'I4'),
      box(75, 'GTOT', 'I4'),
      // An empty gated out is not an import.
      box(0, 'DISC', 'M1', { flow: 'empty' }),
      box(30, 'GTOT', 'M1'),
      // Exports loaded: E1 direct, E2 and E3 via the yard.
      box(0, 'GTIN', 'E1', { flow: 'export' }),
      box(40, 'LOAD', 'E1'),
      box(0, 'GTIN', 'E2', { flow: 'export' }),
      box(1, 'DROP', 'E2', { facilityId: 'Y2' }),
      box(41, 'LOAD', 'E2'),
      box(2, 'GTIN', 'E3', { flow: 'export' }),
      box(3, 'DROP', 'E3', { facilityId: 'Y2' }),
      box(30, 'PICK', 'E3'),
      box(42, 'LOAD', 'E3'),
    ],
    0,
    100,
  );

  it('direct pickup: imports gated out that never stood in the yard ÷ all imports gated out', () => {
    expect(valueOf(kpis, 'flow.direct_pickup_share')).toBeCloseTo(1 / 3, 12);
  });

  it('direct loading: exports loaded that never stood in the yard ÷ all exports loaded', () => {
    expect(valueOf(kpis, 'flow.direct_loading_share')).toBeCloseTo(1 / 3, 12);
  });

  it('has no share without boxes leaving', () => {
    const empty = kpisOf([box(0, 'DISC', 'I1', { flow: 'import' })], 0, 100);
    expect(valueOf(empty, 'flow.direct_pickup_share')).toBeNull();
    expect(valueOf(empty, 'flow.direct_loading_share')).toBeNull();
  });
});
