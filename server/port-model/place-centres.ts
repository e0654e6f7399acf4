// Where to fly to for a place a thing was last seen: the centre of each port-model
// feature's bounding box (a block's, a berth's, a lane's), looked up by id.
import type { PortModel } from '../../protocol/port-model.ts';

export type LonLat = [number, number];
export type PlaceCentres = ReadonlyMap<string, LonLat>;

/** Every position of a GeoJSON geometry's coordinates, whatever its nesting. */
function positionsOf(coordinates: unknown): LonLat[] {
  if (!Array.isArray(coordinates)) return [];
  if (typeof coordinates[0] === 'number') return [coordinates as LonLat];
  return coordinates.flatMap(positionsOf);
}

export function placeCentres(model: PortModel): PlaceCentres {
  const centres = new Map<string, LonLat>();
  for (const feature of model.features) {
    const points = positionsOf(feature.geometry.coordinates);
    if (points.length === 0) continue;
    const lons = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    centres.set(feature.properties.id, [
      (Math.min(...lons) + Math.max(...lons)) / 2,
      (Math.min(...lats) + Math.max(...lats)) / 2,
    ]);
  }
  return centres;
}
