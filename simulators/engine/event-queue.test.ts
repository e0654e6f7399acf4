import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { EventQueue } from './event-queue.ts';

describe('EventQueue', () => {
  it('runs actions in time order, ties in the order scheduled', () => {
    const queue = new EventQueue(0);
    const log: string[] = [];
    queue.at(30, () => log.push('c'));
    queue.at(10, () => log.push('a1'));
    queue.at(10, () => log.push('a2'));
    queue.at(20, () => log.push('b'));
    queue.runUntil(100);
    expect(log).toEqual(['a1', 'a2', 'b', 'c']);
  });

  it('stands at each action’s time while it runs, and at the end time after', () => {
    const queue = new EventQueue(1_000);
    const seen: number[] = [];
    queue.after(500, () => {
      seen.push(queue.nowMs);
      queue.after(250, () => seen.push(queue.nowMs));
    });
    queue.runUntil(1_600);
    expect(seen).toEqual([1_500]);
    expect(queue.nowMs).toBe(1_600);
    queue.runUntil(2_000);
    expect(seen).toEqual([1_500, 1_750]);
  });

  it('skips a cancelled action', () => {
    const queue = new EventQueue(0);
    let ran = false;
    const scheduled = queue.at(5, () => (ran = true));
    scheduled.cancelled = true;
    queue.runUntil(10);
    expect(ran).toBe(false);
  });

  it('refuses to schedule in the past', () => {
    const queue = new EventQueue(0);
    queue.runUntil(100);
    expect(() => queue.at(50, () => {})).toThrow('before the simulated now 100');
  });

  it('keeps order over many random insertions', () => {
    const queue = new EventQueue(0);
    const rng = createRng(3);
    const times: number[] = [];
    for (let i = 0; i < 2_000; i += 1)
      queue.at(rng.integer(0, 10_000), () => times.push(queue.nowMs));
    queue.runUntil(10_000);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(times).toHaveLength(2_000);
  });
});
