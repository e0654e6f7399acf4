import { describe, expect, it } from 'vitest';
import { FACTS, gate, kpisOf, valueOf } from '../test-support/events.ts';

describe('gate', () => {
  // Window [0, 120) minutes.
  const events = [
    gate(-30, 'V1', 'in', 'completed'), // in before the window, out inside: 60 min
    gate(30, 'V1', 'out', 'completed'),
    gate(8, 'V2', 'in', 'arrived'), // queueing is not part of the turn time
    gate(10, 'V2', 'in', 'completed'), // 30 min
    gate(40, 'V2', 'out', 'completed'),
    gate(20, 'V3', 'in', 'completed'), // 90 min
    gate(105, 'V3', 'out', 'started'),
    gate(110, 'V3', 'out', 'completed'),
    gate(100, 'V4', 'in', 'completed'), // still inside at the end
    gate(50, 'V5', 'out', 'completed', 'G-out-02'), // no in-gate on record
    gate(50, 'V6', 'in', 'completed'), // leaves after the window
    gate(130, 'V6', 'out', 'completed'),
  ];
  const kpis = kpisOf(events, 0, 120);

  it('turn time: median and P90 of the visits that left in the window', () => {
    expect(valueOf(kpis, 'gate.turn_time_median')).toBe(3600);
    // 30, 60, 90 minutes: rank 1.8, 60 + 0.8 × 30 = 84 minutes.
    expect(valueOf(kpis, 'gate.turn_time_p90')).toBeCloseTo(84 * 60, 9);
  });

  it('turn time from joining the in-gate queue, where the port chooses that definition', () => {
    const visitTime = kpisOf(events, 0, 120, undefined, {
      ...FACTS,
      choices: { truckTurnTimeFrom: 'gate_arrival' },
    });
    // Only V2 reported its arrival in the queue: 32 minutes; the others are left out.
    expect(valueOf(visitTime, 'gate.turn_time_median')).toBe(32 * 60);
    expect(valueOf(visitTime, 'gate.throughput')).toBe(valueOf(kpis, 'gate.throughput'));
  });

  it('throughput: completed transactions per hour, per lane and for the port', () => {
    expect(valueOf(kpis, 'gate.throughput')).toBe(4);
    expect(valueOf(kpis, 'gate.throughput', 'lane:G-in-01')).toBe(2);
    expect(valueOf(kpis, 'gate.throughput', 'lane:G-out-01')).toBe(1.5);
    expect(valueOf(kpis, 'gate.throughput', 'lane:G-out-02')).toBe(0.5);
  });

  it('has no turn time without visits that left, and 0 trucks an hour on idle lanes', () => {
    const empty = kpisOf([gate(10, 'V7', 'in', 'completed')], 0, 60);
    expect(valueOf(empty, 'gate.turn_time_median')).toBeNull();
    expect(valueOf(empty, 'gate.turn_time_p90')).toBeNull();
    expect(valueOf(empty, 'gate.throughput', 'lane:G-out-01')).toBe(0);
    expect(valueOf(kpisOf([], 60, 60), 'gate.throughput')).toBeNull();
  });
});
