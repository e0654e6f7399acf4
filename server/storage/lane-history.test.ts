import { describe, expect, it } from 'vitest';
import { QUEUE_SAMPLE_MS, queueAt, queueSamples } from './lane-history.ts';

const M = 60_000;

describe('the queue of a lane', () => {
  const waits = [
    { joinedMs: 0, leftMs: 12 * M },
    { joinedMs: 3 * M, leftMs: 6 * M },
    { joinedMs: 4 * M }, // still waiting
  ];

  it('counts who has joined and not yet left at an instant', () => {
    expect(queueAt(waits, -1)).toBe(0);
    expect(queueAt(waits, 0)).toBe(1);
    expect(queueAt(waits, 5 * M)).toBe(3);
    expect(queueAt(waits, 6 * M)).toBe(2); // left at that instant
    expect(queueAt(waits, 20 * M)).toBe(1);
  });

  it('samples it at whole 5 minutes of the window', () => {
    expect(queueSamples(waits, 1 * M, 16 * M)).toEqual([
      { timeMs: QUEUE_SAMPLE_MS, length: 3 },
      { timeMs: 2 * QUEUE_SAMPLE_MS, length: 2 },
      { timeMs: 3 * QUEUE_SAMPLE_MS, length: 1 },
    ]);
    expect(queueSamples(waits, 1 * M, 4 * M)).toEqual([]);
  });
});
