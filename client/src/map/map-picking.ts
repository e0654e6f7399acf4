// What a click on the map means: a machine (deck.gl picked its icon), else a vessel (the
// click falls in its hull, or near its position when too small to have one drawn), else
// a place of the base map (a berth, a lane, a yard block). The answer is what the store's
// `selected` holds: an equipment id, an MMSI, or "berth:…", "lane:…", "block:…".
import type { PickingInfo } from '@deck.gl/core';
import type * as maplibregl from 'maplibre-gl';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import type { MapScene } from './map-scene.ts';

/** A vessel too small to show a hull is picked within this many pixels of its position. */
const VESSEL_PICK_PX = 14;
/** Base-map layers (port-style.ts ids) whose features open details, and their prefix. */
const PLACE_LAYERS: Record<string, string> = {
  berths: 'berth',
  'gate-lanes': 'lane',
  'inspection-lanes': 'lane',
  'yard-blocks': 'block',
};

type Point = { x: number; y: number };

/** Even-odd rule: whether a point lies inside a polygon (both in pixels). */
export function insidePolygon(point: Point, polygon: readonly Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i, i += 1) {
    const [a, b] = [polygon[i]!, polygon[j]!];
    if (
      a.y > point.y !== b.y > point.y &&
      point.x < ((b.x - a.x) * (point.y - a.y)) / (b.y - a.y) + a.x
    )
      inside = !inside;
  }
  return inside;
}

export function pickAt(
  map: maplibregl.Map,
  scene: MapScene,
  buffers: EntityBuffers,
  info: PickingInfo,
): string | undefined {
  if (info.layer?.id === 'equipment') return scene.equipment.idAt(buffers, info.index);
  const click = { x: info.x, y: info.y };
  const project = (lonLat: [number, number]) => map.project(lonLat);
  let nearest: { id: string; distance: number } | undefined;
  for (const vessel of scene.vessels.describe(buffers)) {
    if (vessel.outline.length > 2 && insidePolygon(click, vessel.outline.map(project)))
      return vessel.id;
    const at = project(vessel.position);
    const distance = Math.hypot(at.x - click.x, at.y - click.y);
    if (distance <= VESSEL_PICK_PX && (!nearest || distance < nearest.distance))
      nearest = { id: vessel.id, distance };
  }
  if (nearest) return nearest.id;
  const layers = Object.keys(PLACE_LAYERS).filter((id) => map.getLayer(id));
  const [feature] = map.queryRenderedFeatures([click.x, click.y], { layers });
  const id = feature?.properties?.['id'] as unknown;
  const prefix = feature ? PLACE_LAYERS[feature.layer.id] : undefined;
  return typeof id === 'string' && prefix ? `${prefix}:${id}` : undefined;
}
