import { describe, expect, it } from 'vitest';
import { box, customs, kpisOf, valueOf } from '../test-support/events.ts';

describe('customs clearance time', () => {
  // Window [0, 600) minutes.
  const kpis = kpisOf(
    [
      // Green: declared at discharge, released 20 min later (customs and CUSR: once).
      box(-10, 'DISC', 'G1', { flow: 'import' }),
      customs(-10, 'G1', 'declared', 'green'),
      customs(10, 'G1', 'released', 'green'),
      box(10, 'CUSR', 'G1'),
      box(0, 'DISC', 'G2'),
      customs(0, 'G2', 'declared', 'green'),
      customs(40, 'G2', 'released', 'green'),
      // Yellow: scanned, released by CUSR alone (the channel is the box's last known).
      box(0, 'DISC', 'Y1'),
      customs(5, 'Y1', 'selected_scan', 'yellow'),
      box(120, 'CUSR', 'Y1'),
      // Red: held, still not released at the end.
      box(0, 'DISC', 'R1'),
      customs(5, 'R1', 'selected_inspection', 'red'),
      customs(300, 'R1', 'held', 'red'),
      // Gated in (an export): no discharge to count from.
      box(0, 'GTIN', 'X1', { flow: 'export' }),
      customs(30, 'X1', 'released', 'green'),
      // Released before the window: not counted.
      box(-100, 'DISC', 'G3'),
      customs(-50, 'G3', 'released', 'green'),
      box(20, 'CUSR', 'G3'),
    ],
    0,
    600,
  );

  it('is release − discharge, by risk channel, counting each box once', () => {
    expect(valueOf(kpis, 'customs.clearance_time', 'channel:green')).toBe(30 * 60);
    expect(valueOf(kpis, 'customs.clearance_time', 'channel:yellow')).toBe(120 * 60);
    expect(valueOf(kpis, 'customs.clearance_time')).toBe(40 * 60); // 20, 40, 120 min
  });

  it('has none for a channel with no release in the window', () => {
    expect(valueOf(kpis, 'customs.clearance_time', 'channel:red')).toBeNull();
  });
});
