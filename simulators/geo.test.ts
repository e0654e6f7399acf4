import { describe, expect, it } from 'vitest';
import { bearingDeg, distanceM, interpolate, type LonLat } from './geo.ts';

const PORT: LonLat = [122.03, 30.615];

describe('distanceM', () => {
  it('makes one degree of latitude about 111.2 km', () => {
    expect(distanceM([0, 0], [0, 1])).toBeCloseTo(111_195, 0);
    expect(distanceM([122, 30], [122, 31])).toBeCloseTo(111_195, 0);
  });

  it('shrinks a degree of longitude with the cosine of the latitude', () => {
    expect(distanceM([0, 0], [1, 0])).toBeCloseTo(111_195, 0);
    expect(distanceM([10, 60], [11, 60])).toBeCloseTo(111_195 / 2, 0);
  });

  it('is zero between a point and itself', () => {
    expect(distanceM(PORT, PORT)).toBe(0);
  });

  it('is the same in both directions', () => {
    const other: LonLat = [122.05, 30.62];
    expect(distanceM(PORT, other)).toBeCloseTo(distanceM(other, PORT), 9);
  });

  it('adds up along a straight line', () => {
    const b: LonLat = [122.04, 30.62];
    const c: LonLat = [122.05, 30.625];
    expect(distanceM(PORT, b) + distanceM(b, c)).toBeCloseTo(distanceM(PORT, c), 3);
  });

  it('is right to a few centimetres on the scale of a terminal (100 m east)', () => {
    const metresPerDegreeLon = 111_195 * Math.cos((PORT[1] * Math.PI) / 180);
    const east: LonLat = [PORT[0] + 100 / metresPerDegreeLon, PORT[1]];
    expect(distanceM(PORT, east)).toBeCloseTo(100, 1);
  });
});

describe('bearingDeg', () => {
  const d = 0.01;
  it.each([
    ['north', [PORT[0], PORT[1] + d], 0],
    ['east', [PORT[0] + d, PORT[1]], 90],
    ['south', [PORT[0], PORT[1] - d], 180],
    ['west', [PORT[0] - d, PORT[1]], 270],
  ] as const)('gives due %s as %d', (_label, to, expected) => {
    expect(bearingDeg(PORT, to)).toBeCloseTo(expected, 9);
  });

  it('gives north-east at the equator as 45', () => {
    expect(bearingDeg([0, 0], [0.01, 0.01])).toBeCloseTo(45, 6);
  });

  it('accounts for the shorter degrees of longitude away from the equator', () => {
    // At 60° a degree of longitude is half a degree of latitude: equal degrees are not 45°.
    expect(bearingDeg([10, 60], [10.02, 60.01])).toBeCloseTo(45, 0);
  });

  it('stays within [0, 360) just west of north', () => {
    const bearing = bearingDeg(PORT, [PORT[0] - 1e-7, PORT[1] + d]);
    expect(bearing).toBeGreaterThan(359.99);
    expect(bearing).toBeLessThan(360);
  });

  it('gives the opposite direction on the way back', () => {
    const to: LonLat = [122.04, 30.62];
    expect((bearingDeg(to, PORT) - bearingDeg(PORT, to) + 360) % 360).toBeCloseTo(180, 6);
  });
});

describe('interpolate', () => {
  const b: LonLat = [122.05, 30.635];
  it.each([
    [0, PORT],
    [1, b],
    [0.5, [122.04, 30.625]],
    [0.25, [122.035, 30.62]],
  ] as const)('at fraction %d gives %j', (fraction, expected) => {
    const [lon, lat] = interpolate(PORT, b, fraction);
    expect(lon).toBeCloseTo(expected[0], 12);
    expect(lat).toBeCloseTo(expected[1], 12);
  });

  it('returns a new array, leaving the ends untouched', () => {
    const a: [number, number] = [1, 2];
    const result = interpolate(a, [3, 4], 0);
    expect(result).toEqual([1, 2]);
    expect(result).not.toBe(a);
  });
});
