import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../protocol/events.ts';
import { box, kpisOf, machine, valueOf } from '../test-support/events.ts';

/** `count` discharges by a crane for a call, evenly from `fromMinutes` to before `toMinutes`. */
function moves(
  count: number,
  fromMinutes: number,
  toMinutes: number,
  craneId: string,
  callId: string,
) {
  const step = (toMinutes - fromMinutes) / count;
  return Array.from({ length: count }, (_, i) =>
    box(fromMinutes + i * step, 'DISC', `${craneId}U${i}-${fromMinutes}`, {
      callId,
      equipmentId: craneId,
    }),
  );
}

describe('crane rates', () => {
  // QC1 works call C1 from 0 to 90 and fails from 30 to 50: 40 moves.
  const failing: StoredEvent[] = [
    machine(0, 'QC1', 'sts', 'working', 'C1'),
    ...moves(20, 0, 30, 'QC1', 'C1'),
    machine(30, 'QC1', 'sts', 'fault', 'C1'),
    machine(50, 'QC1', 'sts', 'working', 'C1'),
    ...moves(20, 50, 90, 'QC1', 'C1'),
    machine(90, 'QC1', 'sts', 'idle'),
  ];
  // QC2 is allocated to C2 from before the window until after it; it waits 10 minutes.
  const straddling: StoredEvent[] = [
    machine(-60, 'QC2', 'sts', 'working', 'C2'),
    ...moves(10, -30, 0, 'QC2', 'C2'), // before the window: not counted
    ...moves(50, 0, 100, 'QC2', 'C2'),
    machine(100, 'QC2', 'sts', 'waiting', 'C2'),
    machine(110, 'QC2', 'sts', 'working', 'C2'),
    ...moves(5, 125, 130, 'QC2', 'C2'), // after the window: not counted
    machine(180, 'QC2', 'sts', 'idle'),
  ];

  it('gross counts delays in the hours, net takes out the time in fault', () => {
    const kpis = kpisOf(failing, 0, 120);
    expect(valueOf(kpis, 'crane.gross_rate', 'crane:QC1')).toBeCloseTo(40 / 1.5, 10);
    expect(valueOf(kpis, 'crane.net_rate', 'crane:QC1')).toBeCloseTo(40 / (70 / 60), 10);
    expect(valueOf(kpis, 'crane.gross_rate', 'call:C1')).toBeCloseTo(40 / 1.5, 10);
    expect(valueOf(kpis, 'crane.net_rate', 'call:C1')).toBeCloseTo(40 / (70 / 60), 10);
  });

  it('cuts allocations at both ends of the window and counts only moves inside it', () => {
    const kpis = kpisOf(straddling, 0, 120);
    expect(valueOf(kpis, 'crane.gross_rate', 'crane:QC2')).toBeCloseTo(50 / 2, 10);
    expect(valueOf(kpis, 'crane.net_rate', 'crane:QC2')).toBeCloseTo(50 / (110 / 60), 10);
  });

  it('pools moves and hours over the cranes for the port', () => {
    const kpis = kpisOf([...failing, ...straddling], 0, 120);
    expect(valueOf(kpis, 'crane.gross_rate')).toBeCloseTo(90 / 3.5, 10);
    expect(valueOf(kpis, 'crane.net_rate')).toBeCloseTo(90 / (3.5 - 20 / 60 - 10 / 60), 10);
  });

  it('gives 0 for an allocated crane that moved nothing, none for moves with no allocation', () => {
    const kpis = kpisOf(
      [
        machine(0, 'QC3', 'sts', 'waiting', 'C3'),
        machine(60, 'QC3', 'sts', 'idle'),
        box(10, 'DISC', 'ZZZU1', { callId: 'C4', equipmentId: 'QC4' }),
      ],
      0,
      120,
    );
    expect(valueOf(kpis, 'crane.gross_rate', 'call:C3')).toBe(0);
    // All its allocated time was a wait: no net hours to divide by.
    expect(valueOf(kpis, 'crane.net_rate', 'call:C3')).toBeNull();
    expect(valueOf(kpis, 'crane.gross_rate', 'crane:QC4')).toBeNull();
    expect(valueOf(kpis, 'crane.gross_rate', 'call:C4')).toBeNull();
  });

  it('does not count other equipment, nor a crane while it is not allocated', () => {
    const kpis = kpisOf(
      [machine(0, 'RTG1', 'yard_crane', 'working', 'C1'), machine(0, 'QC5', 'sts', 'working')],
      0,
      60,
    );
    expect(valueOf(kpis, 'crane.gross_rate')).toBeNull();
    expect(kpis.some((k) => k.scope === 'crane:RTG1' || k.scope === 'crane:QC5')).toBe(false);
  });
});
