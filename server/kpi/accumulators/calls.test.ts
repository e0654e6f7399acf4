import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../../protocol/events.ts';
import { box, call, kpisOf, machine, valueOf } from '../test-support/events.ts';

const MIN_S = 60;

// A window of 10 hours, [0, 600) minutes, over berths B1 and B2.
const day: StoredEvent[] = [
  // A: arrived before the window, 100 moves from -50 (every 2.5 min, the last at 197.5),
  // QC1 allocated throughout and QC2 for 100 minutes, left at 300.
  call(-120, 'A', 'ATA-PBP'),
  call(-100, 'A', 'ATA-Anchorage'),
  call(-60, 'A', 'ATA-Berth', 'B1'),
  machine(-55, 'QC1', 'sts', 'working', 'A'),
  ...Array.from({ length: 100 }, (_, i) => box(-50 + i * 2.5, 'DISC', `A${i}`, { callId: 'A' })),
  machine(0, 'QC2', 'sts', 'working', 'A'),
  machine(100, 'QC2', 'sts', 'idle'),
  machine(290, 'QC1', 'sts', 'idle'),
  call(300, 'A', 'ATD-Berth'),
  // B: anchored at 100, berthed at 220 on B2, moved nothing, left at 400.
  call(100, 'B', 'ATA-Anchorage'),
  call(220, 'B', 'ATA-Berth', 'B2'),
  call(400, 'B', 'ATD-Berth'),
  // C: straight to B1 at 500, still there. D: anchored at 550, still waiting.
  call(500, 'C', 'ATA-Berth', 'B1'),
  call(550, 'D', 'ATA-Anchorage'),
  // E: anchored and left the anchorage, not berthed yet: not waiting.
  call(10, 'E', 'ATA-Anchorage'),
  call(30, 'E', 'ATD-Anchorage'),
];

describe('calls and berths', () => {
  const kpis = kpisOf(day, 0, 600);

  it('berth occupancy: time alongside ÷ window time, idle berths in the port value', () => {
    expect(valueOf(kpis, 'berth.occupancy', 'berth:B1')).toBeCloseTo(400 / 600, 12);
    expect(valueOf(kpis, 'berth.occupancy', 'berth:B2')).toBeCloseTo(180 / 600, 12);
    expect(valueOf(kpis, 'berth.occupancy')).toBeCloseTo(580 / 1200, 12);
    const idle = kpisOf([call(0, 'A', 'ATA-Berth', 'B1')], 0, 60);
    expect(valueOf(idle, 'berth.occupancy', 'berth:B2')).toBe(0);
    expect(valueOf(idle, 'berth.occupancy')).toBe(0.5);
  });

  it('vessels waiting at anchorage at the end, and the wait of calls that berthed', () => {
    expect(valueOf(kpis, 'anchorage.waiting_vessels')).toBe(1);
    // B waited 120 minutes, C never anchored (0): median 60 minutes.
    expect(valueOf(kpis, 'anchorage.waiting_time')).toBe(60 * MIN_S);
  });

  it('port hours, split port-to-berth and at-berth, over the calls that left', () => {
    expect(valueOf(kpis, 'call.port_hours')).toBe(360 * MIN_S); // A 420, B 300
    expect(valueOf(kpis, 'call.port_to_berth_hours')).toBe(90 * MIN_S); // A 60, B 120
    expect(valueOf(kpis, 'call.at_berth_hours')).toBe(270 * MIN_S); // A 360, B 180
  });

  it('berth productivity counts the moves before the window; a call with no moves is 0', () => {
    expect(valueOf(kpis, 'call.berth_productivity', 'call:A')).toBeCloseTo(100 / 6, 12);
    expect(valueOf(kpis, 'call.berth_productivity', 'call:B')).toBe(0);
    expect(valueOf(kpis, 'call.berth_productivity')).toBeCloseTo(100 / 9, 12);
    expect(kpis.some((k) => k.scope === 'call:C' && k.id === 'call.berth_productivity')).toBe(
      false,
    );
  });

  it('crane time intensity between first and last lift; none for a call with no lifts', () => {
    const span = 247.5;
    expect(valueOf(kpis, 'call.crane_intensity', 'call:A')).toBeCloseTo((span + 100) / span, 12);
    expect(valueOf(kpis, 'call.crane_intensity', 'call:B')).toBeNull();
    expect(valueOf(kpis, 'call.crane_intensity')).toBeCloseTo((span + 100) / span, 12);
  });

  it('counts overlapping stays at one berth once, and a shift on both berths', () => {
    const shared = kpisOf(
      [
        call(0, 'F', 'ATA-Berth', 'B1'),
        call(50, 'G', 'ATA-Berth', 'B1'),
        call(100, 'F', 'ATD-Berth'),
        call(150, 'G', 'ATA-Berth', 'B2'),
      ],
      0,
      200,
    );
    expect(valueOf(shared, 'berth.occupancy', 'berth:B1')).toBe(150 / 200);
    expect(valueOf(shared, 'berth.occupancy', 'berth:B2')).toBe(50 / 200);
  });

  it('has no medians and no rates without calls, and no occupancy for an empty window', () => {
    const empty = kpisOf([], 0, 600);
    for (const id of [
      'anchorage.waiting_time',
      'call.port_hours',
      'call.port_to_berth_hours',
      'call.at_berth_hours',
      'call.berth_productivity',
      'call.crane_intensity',
    ])
      expect(valueOf(empty, id)).toBeNull();
    expect(valueOf(empty, 'anchorage.waiting_vessels')).toBe(0);
    expect(valueOf(empty, 'berth.occupancy')).toBe(0);
    expect(valueOf(kpisOf([], 60, 60), 'berth.occupancy')).toBeNull();
  });
});
