// The offline base map: a MapLibre style drawn entirely from the port model (water,
// land, quay, berths, yard blocks, roads). No tiles, glyphs, sprites or fonts are
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
        id: 'land',
        type: 'fill',
        source: PORT_SOURCE,
        filter: kindIs('land'),
        paint: { 'fill-color': BASE_COLOURS.land },
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
        id: 'quay',
        type: 'line',
        source: PORT_SOURCE,
        filter: kindIs('quay'),
        paint: {
          'line-color': BASE_COLOURS.quay,
          'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1.5, 17, 5],
        },
      },
    ],
  };
}

/** [west, south, east, north] of everything but the open water. */
export function portBounds(model: PortModel): [number, number, number, number] {
  const bounds: [number, number, number, number] = [180, 90, -180, -90];
  for (const feature of model.features) {
    if (feature.properties.kind === 'water') continue;
    const rings =
      feature.geometry.type === 'Polygon'
        ? feature.geometry.coordinates
        : [feature.geometry.coordinates];
    for (const ring of rings)
      for (const [lon, lat] of ring) {
        bounds[0] = Math.min(bounds[0], lon);
        bounds[1] = Math.min(bounds[1], lat);
        bounds[2] = Math.max(bounds[2], lon);
        bounds[3] = Math.max(bounds[3], lat);
      }
  }
  return bounds;
}
