import { describe, expect, it } from 'vitest';
import { inspection, kpisOf, valueOf } from '../test-support/events.ts';

describe('inspection lanes', () => {
  // Window [0, 120) minutes over lanes X1 and X2.
  const kpis = kpisOf(
    [
      inspection(-20, 'X1', 'A', 'queued'), // queued before the window: 30 min wait
      inspection(10, 'X1', 'A', 'started'),
      inspection(20, 'X1', 'A', 'completed'),
      inspection(15, 'X1', 'B', 'queued'), // 10 min
      inspection(25, 'X1', 'B', 'started'),
      inspection(35, 'X1', 'B', 'completed'),
      inspection(30, 'X1', 'C', 'queued'), // still queued at the end
      inspection(40, 'X3', 'D', 'queued'), // a lane the model does not know: 50 min
      inspection(90, 'X3', 'D', 'started'),
      inspection(110, 'X3', 'E', 'started'), // started without a queue entry: no wait
      inspection(115, 'X3', 'E', 'completed'),
    ],
    0,
    120,
  );

  it('throughput: inspections completed per hour', () => {
    expect(valueOf(kpis, 'inspection.throughput', 'lane:X1')).toBe(1);
    expect(valueOf(kpis, 'inspection.throughput', 'lane:X2')).toBe(0);
    expect(valueOf(kpis, 'inspection.throughput', 'lane:X3')).toBe(0.5);
    expect(valueOf(kpis, 'inspection.throughput')).toBe(1.5);
  });

  it('queue: queued and not started at the end of the window', () => {
    expect(valueOf(kpis, 'inspection.queue', 'lane:X1')).toBe(1);
    expect(valueOf(kpis, 'inspection.queue', 'lane:X3')).toBe(0);
    expect(valueOf(kpis, 'inspection.queue')).toBe(1);
  });

  it('wait: median of start − queue entry for inspections started in the window', () => {
    expect(valueOf(kpis, 'inspection.wait', 'lane:X1')).toBe(20 * 60);
    expect(valueOf(kpis, 'inspection.wait', 'lane:X3')).toBe(50 * 60);
    expect(valueOf(kpis, 'inspection.wait', 'lane:X2')).toBeNull();
    expect(valueOf(kpis, 'inspection.wait')).toBe(30 * 60);
  });
});
