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
