import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StyleSpecification } from 'maplibre-gl';
import type { PortModel } from '../../../protocol/port-model.ts';
import {
  loadOnlineBasemap,
  mergeOnlineBasemap,
  ONLINE_PREFIX,
  readClientConfig,
  SEE_THROUGH_OPACITY,
  styleProblem,
} from './basemap.ts';
import { buildPortStyle, PORT_SOURCE } from './port-style.ts';

const MODEL: PortModel = {
  type: 'FeatureCollection',
  properties: { portId: 'TEST', name: 'Test port', timeZone: 'UTC', center: [122, 30] },
  features: [],
};
const PORT = buildPortStyle(MODEL);

/** An online style as providers write them: ids that clash with ours, labels, a sprite. */
const ONLINE: StyleSpecification = {
  version: 8,
  name: 'Liberty',
  glyphs: 'https://tiles.example.com/fonts/{fontstack}/{range}.pbf',
  sprite: 'https://tiles.example.com/sprites/liberty',
  center: [0, 0],
  zoom: 2,
  sources: {
    openmaptiles: { type: 'vector', url: 'https://tiles.example.com/planet' },
    port: { type: 'raster', tiles: ['https://tiles.example.com/harbours/{z}/{x}/{y}.png'] },
  },
  layers: [
    { id: 'background', type: 'background', paint: { 'background-color': '#f8f4f0' } },
    {
      id: 'water',
      type: 'fill',
      source: 'openmaptiles',
      'source-layer': 'water',
      paint: { 'fill-color': '#9cc0f9' },
    },
    { id: 'harbours', type: 'raster', source: 'port' },
    {
      id: 'place-labels',
      type: 'symbol',
      source: 'openmaptiles',
      'source-layer': 'place',
      layout: { 'text-field': '{name}', 'text-font': ['Noto Sans Regular'] },
    },
  ],
};

describe('mergeOnlineBasemap', () => {
  const merged = mergeOnlineBasemap(PORT, ONLINE);
  const ids = merged.layers.map((l) => l.id);

  it('draws every online layer under every port layer', () => {
    const onlineIds = ONLINE.layers.map((l) => `${ONLINE_PREFIX}${l.id}`);
    expect(ids.slice(0, onlineIds.length)).toEqual(onlineIds);
    const portIds = PORT.layers.filter((l) => l.type !== 'background').map((l) => l.id);
    expect(ids.slice(onlineIds.length)).toEqual(portIds);
  });

  it("keeps the port's layer ids, which the legend toggles, and renames clashing online ones", () => {
    expect(ids.filter((id) => id === 'water')).toHaveLength(1);
    expect(merged.layers.find((l) => l.id === 'water')).toMatchObject({ source: PORT_SOURCE });
    expect(merged.layers.find((l) => l.id === `${ONLINE_PREFIX}water`)).toMatchObject({
      source: `${ONLINE_PREFIX}openmaptiles`,
      'source-layer': 'water',
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps the port's source and the online ones side by side, references renamed", () => {
    expect(Object.keys(merged.sources).sort()).toEqual(
      [PORT_SOURCE, `${ONLINE_PREFIX}openmaptiles`, `${ONLINE_PREFIX}port`].sort(),
    );
    expect(merged.sources[PORT_SOURCE]).toBe(PORT.sources[PORT_SOURCE]);
    expect(merged.layers.find((l) => l.id === `${ONLINE_PREFIX}harbours`)).toMatchObject({
      source: `${ONLINE_PREFIX}port`,
    });
    for (const layer of merged.layers)
      if ('source' in layer) expect(merged.sources).toHaveProperty([layer.source]);
  });

  it("drops the port's opaque background and lets its water and land show the map beneath", () => {
    expect(merged.layers.filter((l) => l.type === 'background').map((l) => l.id)).toEqual([
      `${ONLINE_PREFIX}background`,
    ]);
    for (const [id, opacity] of Object.entries(SEE_THROUGH_OPACITY)) {
      const layer = merged.layers.find((l) => l.id === id);
      expect(layer?.type).toBe('fill');
      expect(layer && 'paint' in layer && layer.paint).toMatchObject({ 'fill-opacity': opacity });
      expect(opacity).toBeGreaterThan(0);
      expect(opacity).toBeLessThan(1);
    }
    // The working areas (berths, yard blocks) stay as they are.
    const yard = (style: StyleSpecification) => style.layers.find((l) => l.id === 'yard-blocks');
    expect(yard(merged)).toEqual(yard(PORT));
  });

  it('takes glyphs and sprite from the online style, its camera never', () => {
    expect(merged.glyphs).toBe(ONLINE.glyphs);
    expect(merged.sprite).toBe(ONLINE.sprite);
    expect(merged.center).toBeUndefined();
    expect(merged.zoom).toBeUndefined();
    expect(merged.version).toBe(8);
  });

  it('changes neither style it was given', () => {
    const port = structuredClone(PORT);
    const online = structuredClone(ONLINE);
    mergeOnlineBasemap(port, online);
    expect(port).toEqual(PORT);
    expect(online).toEqual(ONLINE);
  });

  it('adds no glyphs or sprite where the online style has none', () => {
    const bare = mergeOnlineBasemap(PORT, { version: 8, sources: {}, layers: [] });
    expect(bare).not.toHaveProperty('glyphs');
    expect(bare).not.toHaveProperty('sprite');
    expect(bare.layers.map((l) => l.id)).toEqual(
      PORT.layers.filter((l) => l.type !== 'background').map((l) => l.id),
    );
  });
});

describe('styleProblem', () => {
  it('accepts a style', () => {
    expect(styleProblem(ONLINE)).toBeUndefined();
  });

  it.each([
    ['null', null, 'not a JSON object'],
    ['an array', [], 'not a JSON object'],
    ['an HTML error page read as text', '<html>', 'not a JSON object'],
    ['a version 7 style', { ...ONLINE, version: 7 }, 'style version 7, not 8'],
    ['no sources', { version: 8, layers: [] }, 'no "sources" object'],
    ['an untyped source', { ...ONLINE, sources: { a: {} } }, 'source "a" has no type'],
    ['no layers', { version: 8, sources: {} }, 'no "layers" list'],
    ['a layer without an id', { ...ONLINE, layers: [{ type: 'fill' }] }, 'without an id'],
    [
      'a layer twice',
      { ...ONLINE, layers: [ONLINE.layers[0], ONLINE.layers[0]] },
      'layer "background" appears twice',
    ],
    [
      'a layer on a missing source',
      { ...ONLINE, layers: [{ id: 'x', type: 'line', source: 'nowhere' }] },
      'layer "x" uses the unknown source "nowhere"',
    ],
  ])('refuses %s', (_what, style, problem) => {
    expect(styleProblem(style)).toContain(problem);
  });
});

const answer = (status: number, body: unknown) =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });

describe('loadOnlineBasemap', () => {
  afterEach(() => vi.restoreAllMocks());
  const URL = 'https://tiles.example.com/style.json';

  it('fetches nothing when no online base map is configured', async () => {
    const fetchFn = vi.fn<typeof fetch>();
    expect(await loadOnlineBasemap({}, fetchFn)).toBeUndefined();
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('gives the style the configuration names', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(answer(200, ONLINE));
    expect(await loadOnlineBasemap({ basemapStyleUrl: URL }, fetchFn)).toEqual(ONLINE);
    expect(fetchFn.mock.calls[0]?.[0]).toBe(URL);
    expect(fetchFn.mock.calls[0]?.[1]?.signal).toBeInstanceOf(AbortSignal);
  });

  it.each([
    ['the network fails', () => Promise.reject(new TypeError('Failed to fetch'))],
    ['the server says 404', () => Promise.resolve(answer(404, 'not found'))],
    ['the answer is not JSON', () => Promise.resolve(answer(200, '<html>captive portal'))],
    ['the JSON is no style', () => Promise.resolve(answer(200, { hello: 'world' }))],
  ])('falls back to the offline map, saying why on the console, when %s', async (_why, reply) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const fetchFn = vi.fn<typeof fetch>().mockImplementation(reply);
    expect(await loadOnlineBasemap({ basemapStyleUrl: URL }, fetchFn)).toBeUndefined();
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toContain(URL);
  });
});

describe('readClientConfig', () => {
  it('reads the configuration from our own server', async () => {
    const fetchFn = vi
      .fn<typeof fetch>()
      .mockResolvedValue(answer(200, { basemapStyleUrl: 'https://x.example/s.json' }));
    const config = await readClientConfig(new AbortController().signal, fetchFn, 1);
    expect(config).toEqual({ basemapStyleUrl: 'https://x.example/s.json' });
    expect(fetchFn.mock.calls[0]?.[0]).toBe('/api/v1/client-config');
  });

  it('asks again while the server is away or failing, then takes its answer', async () => {
    const fetchFn = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(answer(503, {}))
      .mockResolvedValue(answer(200, {}));
    expect(await readClientConfig(new AbortController().signal, fetchFn, 1)).toEqual({});
    expect(fetchFn).toHaveBeenCalledTimes(3);
  });

  it('takes a server without the route (an older version) as no online base map', async () => {
    const fetchFn = vi.fn<typeof fetch>().mockResolvedValue(answer(404, {}));
    expect(await readClientConfig(new AbortController().signal, fetchFn, 1)).toEqual({});
    expect(fetchFn).toHaveBeenCalledOnce();
  });

  it('stops asking once the page no longer needs it', async () => {
    const abort = new AbortController();
    const fetchFn = vi.fn<typeof fetch>().mockImplementation(() => {
      abort.abort();
      return Promise.reject(new DOMException('aborted', 'AbortError'));
    });
    expect(await readClientConfig(abort.signal, fetchFn, 1)).toEqual({});
    expect(fetchFn).toHaveBeenCalledOnce();
  });
});
