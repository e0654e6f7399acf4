// The optional online base map (BASEMAP_STYLE_URL on the server) for installations that
// have one: its sources and layers go under the port model's, which turn see-through
// where they would hide it. Without that setting nothing is fetched beyond our own
// server (control rooms are often air-gapped); if the online style cannot be had, the
// map is drawn offline as always, never blank.
import { useEffect, useMemo, useState } from 'react';
import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { ClientConfig } from '../../../protocol/client-config.ts';
import type { PortModel } from '../../../protocol/port-model.ts';
import { buildPortStyle } from './port-style.ts';

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** Online ids get this prefix: such styles have their own "water" or "background". */
export const ONLINE_PREFIX = 'online:';

/**
 * The port model's area fills and how opaque they stay over an online map: enough to
 * read the port's own water and land, not so much that the streets beneath disappear.
 */
export const SEE_THROUGH_OPACITY: Readonly<Record<string, number>> = {
  water: 0.35,
  anchorage: 0.45,
  land: 0.55,
};

const STYLE_TIMEOUT_MS = 8_000;
const CONFIG_RETRY_MS = 3_000;

/**
 * The online style underneath the port's: the port's layers keep their ids (the legend
 * toggles them) and draw on top, without their opaque background; glyphs and sprite
 * come from the online style, whose own labels need them.
 */
export function mergeOnlineBasemap(
  port: StyleSpecification,
  online: StyleSpecification,
): StyleSpecification {
  const renamed = (id: string) => `${ONLINE_PREFIX}${id}`;
  const onlineSources = Object.fromEntries(
    Object.entries(online.sources).map(([id, source]) => [renamed(id), source]),
  );
  const onlineLayers = online.layers.map((layer): LayerSpecification =>
    'source' in layer && typeof layer.source === 'string'
      ? { ...layer, id: renamed(layer.id), source: renamed(layer.source) }
      : { ...layer, id: renamed(layer.id) },
  );
  const portLayers = port.layers
    .filter((layer) => layer.type !== 'background')
    .map((layer): LayerSpecification => {
      const opacity = SEE_THROUGH_OPACITY[layer.id];
      return layer.type === 'fill' && opacity !== undefined
        ? { ...layer, paint: { ...layer.paint, 'fill-opacity': opacity } }
        : layer;
    });
  return {
    ...port,
    ...(online.glyphs ? { glyphs: online.glyphs } : {}),
    ...(online.sprite ? { sprite: online.sprite } : {}),
    sources: { ...onlineSources, ...port.sources },
    layers: [...onlineLayers, ...portLayers],
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Why a fetched document cannot be used as a MapLibre style; undefined when it can. */
export function styleProblem(style: unknown): string | undefined {
  if (!isObject(style)) return 'not a JSON object';
  if (style.version !== 8) return `style version ${JSON.stringify(style.version)}, not 8`;
  if (!isObject(style.sources)) return 'no "sources" object';
  for (const [id, source] of Object.entries(style.sources))
    if (!isObject(source) || typeof source.type !== 'string') return `source "${id}" has no type`;
  if (!Array.isArray(style.layers)) return 'no "layers" list';
  const ids = new Set<string>();
  for (const layer of style.layers as unknown[]) {
    if (!isObject(layer) || typeof layer.id !== 'string' || typeof layer.type !== 'string')
      return 'a layer without an id or a type';
    if (ids.has(layer.id)) return `layer "${layer.id}" appears twice`;
    ids.add(layer.id);
    if (typeof layer.source === 'string' && !(layer.source in style.sources))
      return `layer "${layer.id}" uses the unknown source "${layer.source}"`;
  }
  return undefined;
}

/**
 * The online style the configuration names, or undefined: none named, or it could not
 * be fetched or used (said on the console; the map is then drawn offline).
 */
export async function loadOnlineBasemap(
  config: ClientConfig,
  fetchFn: Fetch = fetch,
): Promise<StyleSpecification | undefined> {
  const url = config.basemapStyleUrl;
  if (!url) return undefined;
  try {
    const response = await fetchFn(url, { signal: AbortSignal.timeout(STYLE_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const style: unknown = await response.json();
    const problem = styleProblem(style);
    if (problem) throw new Error(problem);
    return style as StyleSpecification;
  } catch (error) {
    console.warn(`The online base map ${url} is not used; drawing the offline map.`, error);
    return undefined;
  }
}

/**
 * The server's client configuration, asked again while the server is away (a wall may
 * start before it); a server that answers without one (an older version) means none.
 */
export async function readClientConfig(
  signal: AbortSignal,
  fetchFn: Fetch = fetch,
  retryMs = CONFIG_RETRY_MS,
): Promise<ClientConfig> {
  while (!signal.aborted) {
    try {
      const response = await fetchFn('/api/v1/client-config', { signal });
      if (response.ok) return (await response.json()) as ClientConfig;
      if (response.status < 500) return {};
    } catch {
      // unreachable for now: try again
    }
    await new Promise((resolve) => setTimeout(resolve, retryMs));
  }
  return {};
}

/**
 * The style the map is built with: undefined until decided (the map is built once, with
 * its final style), then the port's own, with the online base map under it if one is
 * configured and could be had.
 */
export function useMapStyle(model: PortModel | undefined): StyleSpecification | undefined {
  // undefined: still deciding; null: offline.
  const [online, setOnline] = useState<StyleSpecification | null>();
  useEffect(() => {
    const abort = new AbortController();
    void readClientConfig(abort.signal)
      .then((config) => loadOnlineBasemap(config))
      .then((style) => {
        if (!abort.signal.aborted) setOnline(style ?? null);
      });
    return () => abort.abort();
  }, []);
  return useMemo(() => {
    if (!model || online === undefined) return undefined;
    const port = buildPortStyle(model);
    return online ? mergeOnlineBasemap(port, online) : port;
  }, [model, online]);
}
