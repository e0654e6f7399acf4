// A flat local frame (x east, y north, metres) around an origin: accurate to centimetres
// over a few kilometres, which is all a terminal layout needs (and good to a few metres
// over the 20 km of approach waters).
const METRES_PER_DEGREE_LAT = 111_320;

export type LonLat = [number, number];
export type XY = readonly [number, number];

export function localFrame(origin: LonLat) {
  const metresPerDegreeLon = METRES_PER_DEGREE_LAT * Math.cos((origin[1] * Math.PI) / 180);
  const round = (value: number) => Math.round(value * 1e7) / 1e7;
  const toLonLat = (x: number, y: number): LonLat => [
    round(origin[0] + x / metresPerDegreeLon),
    round(origin[1] + y / METRES_PER_DEGREE_LAT),
  ];
  /** A closed ring for an axis-aligned rectangle, counter-clockwise as GeoJSON wants. */
  const rectangle = (x0: number, y0: number, x1: number, y1: number): LonLat[][] => [
    [toLonLat(x0, y0), toLonLat(x1, y0), toLonLat(x1, y1), toLonLat(x0, y1), toLonLat(x0, y0)],
  ];
  /** A closed ring through the given corners (counter-clockwise). */
  const ring = (corners: readonly XY[]): LonLat[][] => [
    [...corners, corners[0]!].map(([x, y]) => toLonLat(x, y)),
  ];
  const line = (points: readonly XY[]): LonLat[] => points.map(([x, y]) => toLonLat(x, y));
  return { toLonLat, rectangle, ring, line };
}

export type LocalFrame = ReturnType<typeof localFrame>;
