import { describe, expect, it } from 'vitest';
import { box, min } from '../kpi/test-support/events.ts';
import { flowArcs } from './flow-arcs.ts';

describe('container flow arcs', () => {
  it('counts each leg from where a box was taken to where it was put', () => {
    const events = [
      box(0, 'DISC', 'AAAU1', { facilityId: 'B1' }),
      box(5, 'DROP', 'AAAU1', { facilityId: 'Y1' }),
      box(1, 'DISC', 'BBBU2', { facilityId: 'B1' }),
      box(6, 'DROP', 'BBBU2', { facilityId: 'Y1' }),
      box(2, 'GTIN', 'CCCU3', { facilityId: 'G-in-01' }),
      box(9, 'DROP', 'CCCU3', { facilityId: 'Y2' }),
      box(20, 'PICK', 'AAAU1', { facilityId: 'Y1' }),
      box(30, 'GTOT', 'AAAU1', { facilityId: 'G-out-01' }),
    ].sort((a, b) => a.timeMs - b.timeMs);
    expect(flowArcs(events, min(0), min(60))).toEqual([
      { fromId: 'B1', toId: 'Y1', boxes: 2 },
      { fromId: 'G-in-01', toId: 'Y2', boxes: 1 },
      { fromId: 'Y1', toId: 'G-out-01', boxes: 1 },
    ]);
  });

  it('counts legs that end in the window, even when they began before it', () => {
    const events = [
      box(0, 'DISC', 'AAAU1', { facilityId: 'B1' }),
      box(4, 'DROP', 'AAAU1', { facilityId: 'Y1' }), // ended before the window
      box(8, 'DISC', 'BBBU2', { facilityId: 'B1' }),
      box(12, 'DROP', 'BBBU2', { facilityId: 'Y1' }), // began before, ended in it
      box(15, 'DISC', 'CCCU3', { facilityId: 'B1' }),
      box(70, 'DROP', 'CCCU3', { facilityId: 'Y1' }), // ends after it
    ];
    expect(flowArcs(events, min(10), min(60))).toEqual([{ fromId: 'B1', toId: 'Y1', boxes: 1 }]);
  });

  it('leaves out legs with an unknown end, a put without a take, and moves within a place', () => {
    const events = [
      box(0, 'DROP', 'AAAU1', { facilityId: 'Y1' }), // never seen taken
      box(1, 'DISC', 'BBBU2', { facilityId: 'B1' }),
      box(2, 'DROP', 'BBBU2'), // no place named
      box(3, 'PICK', 'CCCU3', { facilityId: 'Y1' }),
      box(4, 'DROP', 'CCCU3', { facilityId: 'Y1' }), // a reshuffle in its block
      box(5, 'PICK', 'DDDU4'), // taken from nowhere known
      box(6, 'LOAD', 'DDDU4', { facilityId: 'B2' }),
    ];
    expect(flowArcs(events, min(0), min(60))).toEqual([]);
  });
});
