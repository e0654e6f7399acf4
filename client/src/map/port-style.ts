// The offline base map: a MapLibre style drawn entirely from the port model, one layer
// per feature kind (water, anchorage, channel, land, terminals, berths, roads, yard
// blocks, gates and lanes, the inspection area and lanes, quay, crane rail positions). No tiles, glyphs, sprites or fonts are
// fetched: nothing here needs the internet, which control rooms often do not have.
import type { StyleSpecification } from 'maplibre-gl';
import type { PortModel } from '../../../protocol/port-model.ts';

export const PORT_SOURCE = 'port';

export const BASE_COLOURS = {
  background: '#07141f',
  water: '#0c2738',
  land: '#1f252d',
  berth: '#123f58',
  berthOutline: '#2f7ea8',
  yardBlock: '#2c3440',
  yardOutline: '#4a5566',
  road: '#3a424e',
  quay: '#c9d3dd',
  anchorage: '#0f3147',
  anchorageOutline: '#2c6f94',
  channel: '#245f80',
  terminal: '#56616f',
  gate: '#26303b',
  gateLane: '#9aa8b8',
  inspectionArea: '#2b2536',
  inspectionLane: '#b48ead',
  crane: '#d8e0e8',
  pilotBoarding: '#f0c040',
} as const;

const kindIs = (kind: string) => ['==', ['get', 'kind'], kind] as ['==', ['get', string], string];

export function buildPortStyle(model: PortModel): StyleSpecification {
  return {
    version: 8,
    name: `Quayside ${model.properties.name}`,
    sources: { [PORT_SOURCE]: { type: 'geojson', data: model as GeoJSON.FeatureCollection } },
    layers: [
      {
        id: 'background',
        type: 'background',
        paint: { 'background-color': BASE_COLOURS.background },
      },
      {
        id: 'water',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('water'),
        paint: { 'fill-color': BASE_COLOURS.water },
      },
      {
        id: 'anchorage',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('anchorage'),
        paint: {
          'fill-color': BASE_COLOURS.anchorage,
          'fill-outline-color': BASE_COLOURS.anchorageOutline,
        },
      },
      {
        id: 'channel',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('channel'),
        paint: { 'line-color': BASE_COLOURS.channel, 'line-width': 2, 'line-dasharray': [4, 3] },
      },
      {
        id: 'land',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('land'),
        paint: { 'fill-color': BASE_COLOURS.land },
      },
      {
        id: 'terminals',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('terminal'),
        paint: { 'line-color': BASE_COLOURS.terminal, 'line-width': 1 },
      },
      {
        id: 'berths',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('berth'),
        paint: {
          'fill-color': BASE_COLOURS.berth,
          'fill-outline-color': BASE_COLOURS.berthOutline,
        },
      },
      {
        id: 'roads',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('road'),
        paint: {
          'line-color': BASE_COLOURS.road,
          'line-width': ['interpolate', ['exponential', 2], ['zoom'], 13, 1, 17, 8],
        },
      },
      {
        id: 'yard-blocks',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('yard_block'),
        paint: {
          'fill-color': BASE_COLOURS.yardBlock,
          'fill-outline-color': BASE_COLOURS.yardOutline,
        },
      },
      {
        id: 'gates',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('gate'),
        paint: { 'fill-color': BASE_COLOURS.gate, 'fill-outline-color': BASE_COLOURS.gateLane },
      },
      {
        id: 'gate-lanes',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('gate_lane'),
        paint: {
          'line-color': BASE_COLOURS.gateLane,
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 1, 17, 4],
        },
      },
      {
        id: 'inspection-area',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('inspection_area'),
        paint: {
          'fill-color': BASE_COLOURS.inspectionArea,
          'fill-outline-color': BASE_COLOURS.inspectionLane,
        },
      },
      {
        id: 'inspection-lanes',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('inspection_lane'),
        paint: {
          'line-color': BASE_COLOURS.inspectionLane,
          'line-width': ['interpolate', ['linear'], ['zoom'], 14, 1.5, 17, 6],
        },
      },
      {
        id: 'quay',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('quay'),
        paint: {
          'line-color': BASE_COLOURS.quay,
          'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 5],
        },
      },
      {
        id: 'sts-cranes',
        type: 'circle',
        source: PORT_SOURCE,
        filter: kindIs('sts_crane'),
        paint: {
          // Where the model puts each crane: faint, the live crane is drawn over it.
          'circle-color': BASE_COLOURS.crane,
          'circle-opacity': 0.35,
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 3],
        },
      },
      {
        id: 'pilot-boarding-place',
        type: 'circle',
        source: PORT_SOURCE,
        filter: kindIs('pilot_boarding_place'),
        paint: { 'circle-color': BASE_COLOURS.pilotBoarding, 'circle-radius': 5 },
      },
    ],
  };
}

/** Kinds out on the water: the first view frames the terminal, not the approaches. */
const OFFSHORE = new Set<string>(['water', 'anchorage', 'channel', 'pilot_boarding_place']);

/** What a first view frames when the model has it: terminals, quays and berths. */
const FRAMED = new Set<string>(['terminal', 'quay', 'berth']);

/**
 * [west, south, east, north] of the terminals with their quays and berths (not the roads
 * leading away from them); of everything but the water where the model has none of those.
 */
export function portBounds(model: PortModel): [number, number, number, number] {
  const bounds: [number, number, number, number] = [180, 90, -180, -90];
  const framed = model.features.some((f) => f.properties.kind === 'terminal');
  for (const feature of model.features) {
    const kind = feature.properties.kind;
    if (framed ? !FRAMED.has(kind) : OFFSHORE.has(kind)) continue;
    const geometry = feature.geometry;
    const points: (readonly [number, number])[] =
      geometry.type === 'Polygon'
        ? geometry.coordinates.flat()
        : geometry.type === 'LineString'
          ? geometry.coordinates
          : [geometry.coordinates];
    for (const [lon, lat] of points) {
      bounds[0] = Math.min(bounds[0], lon);
      bounds[1] = Math.min(bounds[1], lat);
      bounds[2] = Math.max(bounds[2], lon);
      bounds[3] = Math.max(bounds[3], lat);
    }
  }
  return bounds;
}
