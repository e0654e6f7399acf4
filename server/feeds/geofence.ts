// Geofences at port scale: point in polygon and distances in metres from a WGS84 lon/lat
// point to a polygon, a line (a channel's centre line) or a point. Each fence is projected
// once into a flat local frame around its own centre (equirectangular: x east, y north,
// metres), which is accurate to a fraction of a metre over the few kilometres a berth or
// an anchorage spans; a point is projected into the same frame when it is tested.
// Longitudes are unwrapped across the antimeridian; the poles are out of scope.

export type LonLat = readonly [number, number];
type XY = readonly [number, number];

/** Metres per degree of latitude (the same spherical figure as the port model's local frame). */
export const METRES_PER_DEGREE_LAT = 111_320;
export const METRES_PER_NAUTICAL_MILE = 1_852;
/** One knot in metres per second. */
export const METRES_PER_SECOND_PER_KNOT = 1_852 / 3_600;

const metresPerDegreeLon = (lat: number) => METRES_PER_DEGREE_LAT * Math.cos((lat * Math.PI) / 180);

/** Longitude difference a − b in degrees, in [-180, 180). */
function deltaLon(a: number, b: number): number {
  const d = a - b;
  return d - 360 * Math.floor((d + 180) / 360);
}

/** Distance in metres between two points (equirectangular at their mean latitude). */
export function distanceM(a: LonLat, b: LonLat): number {
  const dx = deltaLon(a[0], b[0]) * metresPerDegreeLon((a[1] + b[1]) / 2);
  const dy = (a[1] - b[1]) * METRES_PER_DEGREE_LAT;
  return Math.hypot(dx, dy);
}

/** A flat frame around an origin: lon/lat to metres east and north of it. */
export function localProjection(origin: LonLat): (point: LonLat) => XY {
  const kx = metresPerDegreeLon(origin[1]);
  return (point) => [
    deltaLon(point[0], origin[0]) * kx,
    (point[1] - origin[1]) * METRES_PER_DEGREE_LAT,
  ];
}

/** Even-odd rule; a point exactly on an edge may fall either way (distances settle it). */
export function pointInRing(point: XY, ring: readonly XY[]): boolean {
  const [x, y] = point;
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i, i += 1) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from a point to the segment a-b, all in the same flat frame. */
export function distanceToSegment(point: XY, a: XY, b: XY): number {
  const [px, py] = point;
  const [ax, ay] = a;
  const dx = b[0] - ax;
  const dy = b[1] - ay;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0
      ? 0
      : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / lengthSquared));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function distanceToPath(point: XY, path: readonly XY[]): number {
  if (path.length === 1) return Math.hypot(point[0] - path[0]![0], point[1] - path[0]![1]);
  let best = Infinity;
  for (let i = 1; i < path.length; i += 1)
    best = Math.min(best, distanceToSegment(point, path[i - 1]!, path[i]!));
  return best;
}

/**
 * Something a point can be inside of or near. `distanceM` is 0 inside and the distance in
 * metres to the area's edge outside. With `limitM` it may stop early: any answer above
 * the limit only says "farther than limitM" (a bounding-box test, for the many points far
 * from a fence).
 */
export interface Fence {
  distanceM(point: LonLat, limitM?: number): number;
  contains(point: LonLat): boolean;
}

interface Box {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

function boxOf(points: readonly XY[]): Box {
  const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const [x, y] of points) {
    box.minX = Math.min(box.minX, x);
    box.minY = Math.min(box.minY, y);
    box.maxX = Math.max(box.maxX, x);
    box.maxY = Math.max(box.maxY, y);
  }
  return box;
}

function distanceToBox(point: XY, box: Box): number {
  const dx = Math.max(box.minX - point[0], 0, point[0] - box.maxX);
  const dy = Math.max(box.minY - point[1], 0, point[1] - box.maxY);
  return Math.hypot(dx, dy);
}

/** The centre of a set of lon/lat points' bounding box (longitudes unwrapped around the first). */
function centreOf(points: readonly LonLat[]): LonLat {
  const first = points[0]!;
  const xs = points.map((p) => first[0] + deltaLon(p[0], first[0]));
  const ys = points.map((p) => p[1]);
  return [(Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2];
}

/** A GeoJSON Polygon's rings (the first the outer boundary, any others holes). */
export function polygonFence(rings: readonly (readonly LonLat[])[]): Fence {
  const outer = rings[0];
  if (!outer || outer.length < 3) throw new Error('a polygon needs an outer ring of 3+ points');
  const project = localProjection(centreOf(outer));
  const flat = rings.map((ring) => ring.map(project));
  const box = boxOf(flat[0]!);
  const insideFlat = (p: XY) =>
    pointInRing(p, flat[0]!) && !flat.slice(1).some((hole) => pointInRing(p, hole));
  return {
    contains: (point) => insideFlat(project(point)),
    distanceM(point, limitM = Infinity) {
      const p = project(point);
      const toBox = distanceToBox(p, box);
      if (toBox > limitM) return toBox;
      if (toBox === 0 && insideFlat(p)) return 0;
      return Math.min(...flat.map((ring) => distanceToPath(p, ring)));
    },
  };
}

/** A line with a half-width (a channel given by its centre line): a corridor. */
export function corridorFence(line: readonly LonLat[], halfWidthM: number): Fence {
  if (line.length === 0) throw new Error('a line needs at least one point');
  const project = localProjection(centreOf(line));
  const flat = line.map(project);
  const box = boxOf(flat);
  const distance = (point: LonLat, limitM = Infinity) => {
    const p = project(point);
    const toBox = distanceToBox(p, box) - halfWidthM;
    if (toBox > limitM) return toBox;
    return Math.max(0, distanceToPath(p, flat) - halfWidthM);
  };
  return { distanceM: distance, contains: (point) => distance(point) === 0 };
}

/** A disc around a point (a pilot boarding place and the water around it). */
export function circleFence(centre: LonLat, radiusM: number): Fence {
  const distance = (point: LonLat) => Math.max(0, distanceM(point, centre) - radiusM);
  return { distanceM: distance, contains: (point) => distance(point) === 0 };
}

/** The nearest of several fences within `limitM`: its index and distance, or undefined. */
export function nearestFence(
  fences: readonly Fence[],
  point: LonLat,
  limitM: number,
): { index: number; distanceM: number } | undefined {
  let best: { index: number; distanceM: number } | undefined;
  fences.forEach((fence, index) => {
    const d = fence.distanceM(point, limitM);
    // Ties (a point on the shared edge of two berths) go to the first.
    if (d <= limitM && (best === undefined || d < best.distanceM)) best = { index, distanceM: d };
  });
  return best;
}
