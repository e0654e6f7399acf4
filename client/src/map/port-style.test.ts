import { describe, expect, it } from 'vitest';
import {
  PORT_FEATURE_SCHEMAS,
  type PortFeature,
  type PortModel,
} from '../../../protocol/port-model.ts';
import { BASE_COLOURS, buildPortStyle, PORT_SOURCE, portBounds } from './port-style.ts';

type Ring = [number, number][];
const box = (w: number, s: number, e: number, n: number): Ring[] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

/** One feature of every kind; the water reaches far beyond the rest. */
const MODEL: PortModel = {
  type: 'FeatureCollection',
  properties: { portId: 'TEST', name: 'Test port', timeZone: 'UTC', center: [122.02, 30.62] },
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: box(121, 29, 123, 30.6) },
      properties: { id: 'water', kind: 'water' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: box(122.01, 30.6, 122.04, 30.63) },
      properties: { id: 'land', kind: 'land' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [122.0, 30.6],
          [122.05, 30.6],
        ],
      },
      properties: { id: 'quay', kind: 'quay', terminalId: 'T1' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: box(122.01, 30.599, 122.02, 30.6) },
      properties: { id: 'b1', kind: 'berth', terminalId: 'T1', lengthM: 300, depthM: 16 },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: box(122.02, 30.61, 122.03, 30.62) },
      properties: {
        id: 'y1',
        kind: 'yard_block',
        terminalId: 'T1',
        blockKind: 'import',
        bays: 2,
        rows: 3,
        tiers: 4,
        capacityTeu: 24,
      },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [122.03, 30.605],
          [122.03, 30.64],
        ],
      },
      properties: { id: 'r1', kind: 'road', roadKind: 'yard_lane' },
    },
  ] satisfies PortFeature[],
};

describe('buildPortStyle', () => {
  const style = buildPortStyle(MODEL);
  const layers = style.layers;
  const featureLayers = layers.filter((layer) => layer.type !== 'background');

  it('is a version 8 style named after the port', () => {
    expect(style.version).toBe(8);
    expect(style.name).toBe('Quayside Test port');
  });

  it('has the port model as its only source, inline as GeoJSON', () => {
    expect(style.sources).toEqual({ [PORT_SOURCE]: { type: 'geojson', data: MODEL } });
  });

  it('draws one layer per feature kind, each filtered to its kind', () => {
    const filters = featureLayers.map((layer) => (layer as { filter?: unknown }).filter);
    expect(filters.map((filter) => (filter as unknown[])[2]).sort()).toEqual(
      Object.keys(PORT_FEATURE_SCHEMAS).sort(),
    );
    for (const filter of filters)
      expect((filter as unknown[]).slice(0, 2)).toEqual(['==', ['get', 'kind']]);
  });

  it('takes every feature layer from the port source', () => {
    for (const layer of featureLayers)
      expect((layer as { source?: string }).source).toBe(PORT_SOURCE);
  });

  it('gives the layers unique ids, the background first and water under land', () => {
    const ids = layers.map((layer) => layer.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('background');
    expect(ids.indexOf('water')).toBeLessThan(ids.indexOf('land'));
    expect(ids.indexOf('land')).toBeLessThan(ids.indexOf('yard-blocks'));
  });

  it('draws polygons as fills and lines as lines', () => {
    const typeOfKind = Object.fromEntries(
      featureLayers.map((layer) => [
        ((layer as { filter?: unknown[] }).filter ?? [])[2],
        layer.type,
      ]),
    );
    expect(typeOfKind).toEqual({
      water: 'fill',
      anchorage: 'fill',
      land: 'fill',
      berth: 'fill',
      yard_block: 'fill',
      gate: 'fill',
      inspection_area: 'fill',
      road: 'line',
      quay: 'line',
      terminal: 'line',
      channel: 'line', // a centre line or an area: drawn as its line either way
      gate_lane: 'line',
      inspection_lane: 'line',
      sts_crane: 'circle',
      pilot_boarding_place: 'circle',
    });
  });

  it('uses the base colours', () => {
    const background = layers[0] as { paint?: Record<string, unknown> };
    expect(background.paint?.['background-color']).toBe(BASE_COLOURS.background);
    const water = layers.find((layer) => layer.id === 'water') as {
      paint?: Record<string, unknown>;
    };
    expect(water.paint?.['fill-color']).toBe(BASE_COLOURS.water);
  });

  it('needs nothing from the network: no glyphs, sprite, tiles or URLs', () => {
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    const text = JSON.stringify(style);
    expect(text).not.toMatch(/https?:/);
    expect(text).not.toMatch(/"(tiles|url)"/);
    expect(featureLayers.every((layer) => layer.type !== 'symbol')).toBe(true);
  });
});

describe('portBounds', () => {
  it('covers every feature but the water, lines included', () => {
    // west from the quay line, south from the berth, east from the quay, north from the road
    expect(portBounds(MODEL)).toEqual([122.0, 30.599, 122.05, 30.64]);
  });

  it('frames the terminals with their quays and berths, not the roads leading away', () => {
    const withTerminal = {
      ...MODEL,
      features: [
        ...MODEL.features,
        {
          type: 'Feature' as const,
          geometry: { type: 'Polygon' as const, coordinates: box(122.005, 30.6, 122.045, 30.62) },
          properties: { id: 'T1', kind: 'terminal' as const, name: 'Terminal 1' },
        },
      ],
    } as PortModel;
    expect(portBounds(withTerminal)).toEqual([122.0, 30.599, 122.05, 30.62]);
  });

  it('is unaffected by the water, however large', () => {
    const withoutWater = {
      ...MODEL,
      features: MODEL.features.filter((f) => f.properties.kind !== 'water'),
    };
    expect(portBounds(withoutWater)).toEqual(portBounds(MODEL));
  });

  it('gives an inverted (empty) box for a model with only water', () => {
    const onlyWater = { ...MODEL, features: MODEL.features.slice(0, 1) };
    expect(portBounds(onlyWater)).toEqual([180, 90, -180, -90]);
  });
});
