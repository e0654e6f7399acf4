import { describe, expect, it } from 'vitest';
import { percentile, percentileSeconds, perHour, ratio, sum, unionLengthMs } from './statistics.ts';

describe('percentiles on small sets', () => {
  it('has none for no values', () => {
    expect(percentile([], 0.9)).toBeUndefined();
    expect(percentileSeconds([], 0.5)).toBeNull();
  });

  it('is the value itself for one value, whatever the percentile', () => {
    expect(percentile([7], 0)).toBe(7);
    expect(percentile([7], 0.9)).toBe(7);
  });

  it('interpolates between closest ranks', () => {
    expect(percentile([10, 20], 0.5)).toBe(15);
    expect(percentile([10, 20], 0.9)).toBe(19);
    expect(percentile([3, 1, 2], 0.5)).toBe(2);
    // P90 of 1..10: rank 8.1 between 9 and 10.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBeCloseTo(9.1, 12);
  });

  it('gives durations in ms as seconds', () => {
    expect(percentileSeconds([60_000, 120_000, 180_000], 0.5)).toBe(120);
  });
});

describe('ratios and rates', () => {
  it('has no ratio without a denominator, never NaN or Infinity', () => {
    expect(ratio(0, 0)).toBeNull();
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 4)).toBe(0);
    expect(ratio(1, 4)).toBe(0.25);
  });

  it('turns a count over ms into a rate per hour', () => {
    expect(perHour(30, 1_800_000)).toBe(60);
    expect(perHour(0, 3_600_000)).toBe(0);
    expect(perHour(3, 0)).toBeNull();
  });

  it('sums any iterable', () => {
    expect(sum([])).toBe(0);
    expect(
      sum(
        new Map([
          ['a', 2],
          ['b', 3],
        ]).values(),
      ),
    ).toBe(5);
  });
});

describe('unionLengthMs', () => {
  it('counts overlapping intervals once', () => {
    expect(unionLengthMs([])).toBe(0);
    expect(
      unionLengthMs([
        [0, 10],
        [5, 15],
        [20, 30],
        [22, 25],
      ]),
    ).toBe(25);
    expect(
      unionLengthMs([
        [20, 30],
        [0, 10],
        [10, 20],
      ]),
    ).toBe(30);
  });
});
