import { describe, expect, it } from 'vitest';
import {
  METRES_PER_DEGREE_LAT,
  circleFence,
  corridorFence,
  distanceM,
  distanceToSegment,
  localProjection,
  nearestFence,
  pointInRing,
  polygonFence,
  type LonLat,
} from './geofence.ts';

const ORIGIN: LonLat = [122.0, 30.6];
const LON_M = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
/** Metres east and north of the origin to lon/lat. */
const at = (x: number, y: number): LonLat => [
  ORIGIN[0] + x / LON_M,
  ORIGIN[1] + y / METRES_PER_DEGREE_LAT,
];
/** The projections differ by well under a metre over kilometres (equirectangular). */
const expectMetres = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThan(0.2);
const rect = (x0: number, y0: number, x1: number, y1: number): LonLat[] => [
  at(x0, y0),
  at(x1, y0),
  at(x1, y1),
  at(x0, y1),
  at(x0, y0),
];

describe('distances', () => {
  it('measures metres between points', () => {
    expect(distanceM(ORIGIN, [ORIGIN[0], ORIGIN[1] + 0.001])).toBeCloseTo(111.32, 2);
    expect(distanceM(at(0, 0), at(300, 400))).toBeCloseTo(500, 1);
    // Across the antimeridian: 0.002 degrees of longitude at the equator, not 359.998.
    expect(distanceM([179.999, 0], [-179.999, 0])).toBeCloseTo(222.64, 1);
  });

  it('projects into a local frame in metres', () => {
    const project = localProjection(ORIGIN);
    const [x, y] = project(at(1_000, -2_000));
    expect(x).toBeCloseTo(1_000, 6);
    expect(y).toBeCloseTo(-2_000, 6);
  });

  it('measures to a segment: perpendicular, beyond an end, degenerate', () => {
    expect(distanceToSegment([5, 3], [0, 0], [10, 0])).toBe(3);
    expect(distanceToSegment([13, 4], [0, 0], [10, 0])).toBe(5);
    expect(distanceToSegment([3, 4], [0, 0], [0, 0])).toBe(5);
  });
});

describe('point in polygon', () => {
  it('uses the even-odd rule on a concave ring', () => {
    // A U shape open to the north: the notch is outside.
    const ring: [number, number][] = [
      [0, 0],
      [30, 0],
      [30, 30],
      [20, 30],
      [20, 10],
      [10, 10],
      [10, 30],
      [0, 30],
      [0, 0],
    ];
    expect(pointInRing([5, 20], ring)).toBe(true);
    expect(pointInRing([15, 20], ring)).toBe(false);
    expect(pointInRing([15, 5], ring)).toBe(true);
    expect(pointInRing([35, 5], ring)).toBe(false);
  });

  it('honours holes, and measures to the nearest edge outside', () => {
    const fence = polygonFence([rect(0, 0, 1_000, 1_000), rect(400, 400, 600, 600)]);
    expect(fence.contains(at(100, 100))).toBe(true);
    expect(fence.contains(at(500, 500))).toBe(false);
    expect(fence.distanceM(at(100, 100))).toBe(0);
    expectMetres(fence.distanceM(at(500, 500)), 100);
    expectMetres(fence.distanceM(at(500, 1_040)), 40);
    expectMetres(fence.distanceM(at(1_030, -40)), 50);
  });

  it('answers "farther than the limit" from the bounding box', () => {
    const fence = polygonFence([rect(0, 0, 100, 100)]);
    expect(fence.distanceM(at(50, 5_000), 1_000)).toBeGreaterThan(1_000);
    expectMetres(fence.distanceM(at(50, 150), 1_000), 50);
  });

  it('refuses a polygon without an outer ring', () => {
    expect(() => polygonFence([])).toThrow();
  });
});

describe('corridors, circles and the nearest fence', () => {
  it('widens a centre line by its half-width', () => {
    const channel = corridorFence([at(0, 0), at(0, 5_000)], 250);
    expect(channel.distanceM(at(200, 2_500))).toBe(0);
    expect(channel.contains(at(-249, 10))).toBe(true);
    expectMetres(channel.distanceM(at(400, 2_500)), 150);
    expectMetres(channel.distanceM(at(0, 5_400)), 150);
  });

  it('measures to a disc', () => {
    const pbp = circleFence(at(0, 0), 1_852);
    expect(pbp.contains(at(1_000, 1_000))).toBe(true);
    expectMetres(pbp.distanceM(at(2_852, 0)), 1_000);
  });

  it('picks the nearest fence within a limit, the first on a tie', () => {
    const a = polygonFence([rect(0, 0, 300, 50)]);
    const b = polygonFence([rect(300, 0, 600, 50)]);
    expect(nearestFence([a, b], at(450, 25), 30)).toEqual({ index: 1, distanceM: 0 });
    expect(nearestFence([a, b], at(100, -20), 30)?.index).toBe(0);
    expectMetres(nearestFence([a, b], at(100, -20), 30)!.distanceM, 20);
    expect(nearestFence([a, b], at(100, -200), 30)).toBeUndefined();
  });
});
