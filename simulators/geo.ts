// Distances and bearings on the scale of a port: an equirectangular approximation,
// good to well under 0.1 % over a few kilometres.
export type LonLat = readonly [number, number];

const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;

export function distanceM(a: LonLat, b: LonLat): number {
  const x = (b[0] - a[0]) * RAD * Math.cos(((a[1] + b[1]) / 2) * RAD);
  const y = (b[1] - a[1]) * RAD;
  return Math.hypot(x, y) * EARTH_RADIUS_M;
}

/** True bearing from a to b, degrees in [0, 360). */
export function bearingDeg(a: LonLat, b: LonLat): number {
  const x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * RAD);
  const y = b[1] - a[1];
  const deg = Math.atan2(x, y) / RAD;
  return (deg + 360) % 360;
}

export function interpolate(a: LonLat, b: LonLat, fraction: number): [number, number] {
  return [a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction];
}
