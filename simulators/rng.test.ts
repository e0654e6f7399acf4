import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

const draws = (seed: number, n: number) => {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
};

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100));
  });

  it('gives a different sequence for a different seed', () => {
    expect(draws(42, 100)).not.toEqual(draws(43, 100));
  });

  it('reads the seed as a 32-bit unsigned integer', () => {
    expect(draws(2 ** 32 + 7, 10)).toEqual(draws(7, 10));
    expect(draws(-1, 10)).toEqual(draws(2 ** 32 - 1, 10));
  });

  it('draws from [0, 1), spread roughly evenly', () => {
    const values = draws(1, 20_000);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const buckets = new Array<number>(10).fill(0);
    for (const v of values) buckets[Math.floor(v * 10)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(1_700);
  });

  it('keeps between() within its bounds', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1_000; i += 1) {
      const v = rng.between(4.5, 7);
      expect(v).toBeGreaterThanOrEqual(4.5);
      expect(v).toBeLessThan(7);
    }
  });

  it('picks every item of a list sooner or later, and only those', () => {
    const rng = createRng(5);
    const items = ['a', 'b', 'c'] as const;
    const picked = new Set(Array.from({ length: 200 }, () => rng.pick(items)));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => createRng(1).pick([])).toThrow('pick from an empty list');
  });
});

describe('distributions', () => {
  const rng = createRng(11);
  const sample = (draw: () => number, n = 20_000) => Array.from({ length: n }, draw);
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

  it('draws normals with the mean and spread asked for', () => {
    const values = sample(() => rng.normal(10, 2));
    expect(mean(values)).toBeCloseTo(10, 1);
    const sd = Math.sqrt(mean(values.map((v) => (v - 10) ** 2)));
    expect(sd).toBeGreaterThan(1.9);
    expect(sd).toBeLessThan(2.1);
  });

  it('draws exponentials with the mean asked for, never negative', () => {
    const values = sample(() => rng.exponential(60));
    expect(values.every((v) => v >= 0)).toBe(true);
    expect(mean(values)).toBeGreaterThan(57);
    expect(mean(values)).toBeLessThan(63);
  });

  it('draws log-normals around the median asked for', () => {
    const values = sample(() => rng.logNormal(90, 0.3));
    expect(values.every((v) => v > 0)).toBe(true);
    expect(median(values)).toBeGreaterThan(87);
    expect(median(values)).toBeLessThan(93);
  });

  it('keeps integer() within its bounds, both included', () => {
    const values = new Set(sample(() => rng.integer(3, 6), 2_000));
    expect([...values].sort()).toEqual([3, 4, 5, 6]);
  });

  it('picks indices in proportion to their weights, never a zero weight', () => {
    const counts = [0, 0, 0];
    for (let i = 0; i < 30_000; i += 1) counts[rng.weightedIndex([1, 0, 3])]! += 1;
    expect(counts[1]).toBe(0);
    expect(counts[2]! / counts[0]!).toBeGreaterThan(2.8);
    expect(counts[2]! / counts[0]!).toBeLessThan(3.2);
    expect(() => rng.weightedIndex([0, 0])).toThrow('weighted pick without a positive weight');
  });

  it('forks streams that depend on the seed and the label only', () => {
    const a = createRng(5);
    const b = createRng(5);
    b.next(); // draws on the parent do not move a fork
    expect(a.fork('gate').next()).toBe(b.fork('gate').next());
    expect(a.fork('gate').next()).not.toBe(a.fork('quay').next());
    expect(createRng(6).fork('gate').next()).not.toBe(a.fork('gate').next());
  });
});

describe('shuffle', () => {
  it('reorders the items, keeping every one', () => {
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = createRng(2).shuffle([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});
