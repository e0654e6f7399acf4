// Where the port's places are, for what is drawn at them: a berth's or block's middle
// (labels, arc ends, alert rings), a lane's entry and the way into it (its queue grows
// back from the entry against the direction of travel).
import type { PortFeature, PortModel } from '../../../protocol/port-model.ts';

export type LonLat = [number, number];

export interface Place {
  id: string;
  kind: PortFeature['properties']['kind'];
  name?: string;
  centre: LonLat;
  /** The polygon's ring (without the closing vertex), for places drawn as areas. */
  ring?: LonLat[];
  /** Lanes: where a vehicle enters, and the unit vector (east, north in metres) it travels. */
  entry?: LonLat;
  travel?: [number, number];
  /** Berths: where the label goes, just off the water side of the berth (not on its ship). */
  labelAt?: LonLat;
}

/** How far beyond a berth's water edge its label sits. */
const BERTH_LABEL_GAP_M = 25;

const METRES_PER_DEGREE = 111_320;

function mean(points: readonly LonLat[]): LonLat {
  const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
  const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
  return [lon, lat];
}

function openRing(ring: readonly (readonly number[])[]): LonLat[] {
  const points = ring.map((p) => [p[0]!, p[1]!] as LonLat);
  const [first, last] = [points[0], points.at(-1)];
  if (first && last && first[0] === last[0] && first[1] === last[1]) points.pop();
  return points;
}

/** The direction of travel of a line, as a unit vector in local metres. */
function travelOf(line: LonLat[]): [number, number] | undefined {
  const [a, b] = [line[0], line.at(-1)];
  if (!a || !b) return undefined;
  const east = (b[0] - a[0]) * METRES_PER_DEGREE * Math.cos((a[1] * Math.PI) / 180);
  const north = (b[1] - a[1]) * METRES_PER_DEGREE;
  const length = Math.hypot(east, north);
  return length > 0 ? [east / length, north / length] : undefined;
}

function placeOf(feature: PortFeature): Place | undefined {
  const { id, kind, name } = feature.properties;
  const base = { id, kind, ...(name === undefined ? {} : { name }) };
  const geometry = feature.geometry;
  if (geometry.type === 'Polygon') {
    const ring = openRing(geometry.coordinates[0]!);
    return { ...base, centre: mean(ring), ring };
  }
  if (geometry.type === 'LineString') {
    const line = geometry.coordinates.map((p) => [p[0]!, p[1]!] as LonLat);
    const travel = travelOf(line);
    return { ...base, centre: mean(line), entry: line[0]!, ...(travel ? { travel } : {}) };
  }
  if (geometry.type === 'Point') {
    return { ...base, centre: [geometry.coordinates[0]!, geometry.coordinates[1]!] };
  }
  return undefined;
}

/** Local metres east and north of an origin. */
function metresFrom(origin: LonLat, point: LonLat): [number, number] {
  const east = (point[0] - origin[0]) * METRES_PER_DEGREE * Math.cos((origin[1] * Math.PI) / 180);
  return [east, (point[1] - origin[1]) * METRES_PER_DEGREE];
}

/**
 * Just beyond a berth's water edge: across its longest side (the quay), on the side away
 * from its terminal's middle, clear of the ship that lies in it.
 */
function berthLabelAt(berth: Place, terminal: Place | undefined): LonLat {
  const ring = berth.ring!;
  let along: [number, number] = [1, 0];
  let longest = 0;
  for (let i = 0; i < ring.length; i += 1) {
    const [e, n] = metresFrom(ring[i]!, ring[(i + 1) % ring.length]!);
    const length = Math.hypot(e, n);
    if (length > longest) [longest, along] = [length, [e / length, n / length]];
  }
  let across: [number, number] = [-along[1], along[0]];
  if (terminal) {
    const [e, n] = metresFrom(terminal.centre, berth.centre);
    if (e * across[0] + n * across[1] < 0) across = [-across[0], -across[1]];
  }
  // Half the berth's width across the quay, then the gap.
  const reach = Math.max(
    ...ring.map((p) => {
      const [e, n] = metresFrom(berth.centre, p);
      return e * across[0] + n * across[1];
    }),
  );
  return offset(berth.centre, across, reach + BERTH_LABEL_GAP_M);
}

/** Every place of the model by id. */
export function placesOf(model: PortModel): Map<string, Place> {
  const places = new Map<string, Place>();
  for (const feature of model.features) {
    const place = placeOf(feature);
    if (place) places.set(place.id, place);
  }
  for (const feature of model.features) {
    if (feature.properties.kind !== 'berth') continue;
    const berth = places.get(feature.properties.id)!;
    berth.labelAt = berthLabelAt(berth, places.get(feature.properties.terminalId));
  }
  return places;
}

/** A point `metres` from `from` along the unit vector `direction` (east, north). */
export function offset(from: LonLat, direction: [number, number], metres: number): LonLat {
  const east = direction[0] * metres;
  const north = direction[1] * metres;
  return [
    from[0] + east / (METRES_PER_DEGREE * Math.cos((from[1] * Math.PI) / 180)),
    from[1] + north / METRES_PER_DEGREE,
  ];
}
