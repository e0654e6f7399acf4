import { describe, expect, it } from 'vitest';
import { ConditionTracker } from './condition-tracker.ts';

const tracker = () =>
  new ConditionTracker({
    raiseAbove: 0.85,
    clearBelow: 0.8,
    raiseAfterMs: 60_000,
    clearAfterMs: 120_000,
  });

/** Feeds (time s, value) pairs and returns the transitions with their times. */
function run(t: ConditionTracker, samples: [number, number | null][]) {
  return samples.flatMap(([s, v]) => {
    const transition = t.update('berth:B1', v, s * 1000);
    return transition ? [[s, transition] as const] : [];
  });
}

describe('ConditionTracker', () => {
  it('raises only after the value stays above the threshold for the delay', () => {
    expect(
      run(tracker(), [
        [0, 0.9],
        [30, 0.9],
        [59, 0.9],
        [60, 0.9],
        [90, 0.9],
      ]),
    ).toEqual([[60, 'raise']]);
  });

  it('does not raise when the value dips back before the delay, and restarts the wait', () => {
    expect(
      run(tracker(), [
        [0, 0.9],
        [50, 0.84],
        [60, 0.9],
        [110, 0.9],
        [120, 0.9],
      ]),
    ).toEqual([[120, 'raise']]);
  });

  it('does not flap while the value hovers between the clear and raise thresholds', () => {
    const samples: [number, number][] = [
      [0, 0.9],
      [60, 0.9],
    ];
    for (let s = 70; s < 1_000; s += 10) samples.push([s, s % 20 === 0 ? 0.86 : 0.81]);
    expect(run(tracker(), samples)).toEqual([[60, 'raise']]);
  });

  it('clears only after the value stays below the lower threshold for the clear delay', () => {
    expect(
      run(tracker(), [
        [0, 0.9],
        [60, 0.9],
        [100, 0.7],
        [200, 0.7],
        [219, 0.7],
        [220, 0.7],
      ]),
    ).toEqual([
      [60, 'raise'],
      [220, 'clear'],
    ]);
  });

  it('lets a missing value change nothing', () => {
    expect(
      run(tracker(), [
        [0, 0.9],
        [30, null],
        [60, 0.9],
        [100, null],
        [500, null],
      ]),
    ).toEqual([[60, 'raise']]);
  });

  it('tracks keys independently and can restore an open condition', () => {
    const t = tracker();
    t.restore('berth:B2');
    expect(t.isActive('berth:B2')).toBe(true);
    expect(t.isActive('berth:B1')).toBe(false);
    expect(t.update('berth:B2', 0.1, 0)).toBeUndefined();
    expect(t.update('berth:B2', 0.1, 120_000)).toBe('clear');
  });

  it('refuses a clear threshold above the raise threshold', () => {
    expect(
      () =>
        new ConditionTracker({ raiseAbove: 1, clearBelow: 2, raiseAfterMs: 0, clearAfterMs: 0 }),
    ).toThrow();
  });
});
