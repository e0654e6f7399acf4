// Plane geometry in the simulator's local frame: x east, y north, metres. Headings are
// true bearings in degrees, clockwise from north, as AIS and telemetry report them.
import type { LonLat } from '../geo.ts';

export type XY = readonly [number, number];

export const sub = (a: XY, b: XY): XY => [a[0] - b[0], a[1] - b[1]];
export const add = (a: XY, b: XY): XY => [a[0] + b[0], a[1] + b[1]];
export const scale = (a: XY, k: number): XY => [a[0] * k, a[1] * k];
export const dot = (a: XY, b: XY) => a[0] * b[0] + a[1] * b[1];
export const cross = (a: XY, b: XY) => a[0] * b[1] - a[1] * b[0];
export const length = (a: XY) => Math.hypot(a[0], a[1]);
export const distance = (a: XY, b: XY) => Math.hypot(a[0] - b[0], a[1] - b[1]);
export const unit = (a: XY): XY => scale(a, 1 / length(a));
export const lerp = (a: XY, b: XY, t: number): XY => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
];

/** Bearing of a direction vector, degrees in [0, 360). */
export const headingOf = (direction: XY): number => {
  const deg = (Math.atan2(direction[0], direction[1]) * 180) / Math.PI;
  return deg < 0 ? deg + 360 : deg;
};

/** The smallest turn from one heading to another, degrees in (-180, 180]. */
export const headingChange = (from: number, to: number): number => {
  const d = (((to - from) % 360) + 360) % 360;
  return d > 180 ? d - 360 : d;
};

/** The point of segment a-b nearest to p, and how far along (0..1) it is. */
export function nearestOnSegment(p: XY, a: XY, b: XY): { point: XY; t: number } {
  const ab = sub(b, a);
  const lengthSquared = dot(ab, ab);
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, dot(sub(p, a), ab) / lengthSquared));
  return { point: lerp(a, b, t), t };
}

/** Whether p lies inside the polygon ring (even-odd rule). */
export function insideRing(p: XY, ring: readonly XY[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi)
      inside = !inside;
  }
  return inside;
}

export const centroid = (points: readonly XY[]): XY => {
  const sum = points.reduce<XY>((acc, p) => add(acc, p), [0, 0]);
  return scale(sum, 1 / points.length);
};

// The same equirectangular approximation as geo.ts, so that distances measured here and
// distances measured between the fixes on the wire agree.
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export interface Projection {
  toXY(p: LonLat): XY;
  toLonLat(p: XY): [number, number];
}

/** A flat frame around an origin, good to well under 0.1 % over the port's 20 km. */
export function localProjection(origin: LonLat): Projection {
  const mPerDegLat = EARTH_RADIUS_M * RAD;
  const mPerDegLon = mPerDegLat * Math.cos(origin[1] * RAD);
  const round = (v: number) => Math.round(v * 1e7) / 1e7; // about a centimetre
  return {
    toXY: ([lon, lat]) => [(lon - origin[0]) * mPerDegLon, (lat - origin[1]) * mPerDegLat],
    toLonLat: ([x, y]) => [round(origin[0] + x / mPerDegLon), round(origin[1] + y / mPerDegLat)],
  };
}
