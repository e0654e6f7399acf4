// The map: MapLibre draws the offline base layer from the port model; deck.gl draws the
// moving things into the same WebGL context (MapLibreOverlay, interleaved). Positions are
// read from the entity buffers every animation frame, never through React state.
import { useEffect, useRef } from 'react';
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { MapLibreOverlay } from '@deck.gl/maplibre';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { PortModel } from '../../../protocol/port-model.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import type { VesselRegistry } from '../live/vessel-registry.ts';
import { useAppStore } from '../state/app-store.ts';
import { LAYER_GROUPS, type LayerGroup, type LayerSettings } from '../state/layer-settings.ts';
import { MapScene } from './map-scene.ts';
import { pickAt } from './map-picking.ts';
import { buildPortStyle, portBounds } from './port-style.ts';
import { loadView, saveView, type SavedView, type ViewStore } from './view-memory.ts';
import { LABEL_OFFSET, type VesselStyle } from './vessel-layers.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface MapDebug {
  /** Turns of the draw loop (one per animation frame). */
  frames: number;
  /** Frames in which the scene built new layers (a still picture builds none). */
  drawn: number;
  entityCount: number;
  mapLoaded: boolean;
  /** Where the map looks now. */
  view(): { center: [number, number]; zoom: number };
  /** Page pixels of every drawn equipment entity (tests check that they are really drawn there). */
  projected(): { id: string; x: number; y: number }[];
  /** Every vessel as drawn, in page pixels: its position, hull middle, outline and label. */
  vessels(): ProjectedVessel[];
}

export interface ProjectedVessel {
  id: string;
  style: VesselStyle;
  label: string;
  position: { x: number; y: number };
  centre: { x: number; y: number };
  outline: { x: number; y: number }[];
  /** The same in lon/lat, to measure in metres. */
  lonLat: { position: [number, number]; outline: [number, number][] };
  labelAnchor: { x: number; y: number };
}

declare global {
  interface Window {
    quaysideMap?: MapDebug;
  }
}

export function PortMap({
  model,
  buffers,
  registry,
  screen,
  style,
  clock,
  viewStore,
}: {
  model: PortModel;
  buffers: EntityBuffers;
  registry: VesselRegistry;
  screen: string;
  /** The base map's style, decided before the map is built (map/basemap.ts); else offline. */
  style?: maplibregl.StyleSpecification;
  /** The data source's clock, read every frame (trails move by it). */
  clock: () => number;
  /** Where the view is kept across reloads (default: the browser's storage, per screen). */
  viewStore?: ViewStore;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const views = viewStore ?? {
      load: () => loadView(screen, globalThis.localStorage),
      save: (view: SavedView) => saveView(screen, view, globalThis.localStorage),
    };
    const saved = views.load();
    const map = new maplibregl.Map({
      container: container.current,
      style: style ?? buildPortStyle(model),
      attributionControl: false,
      ...(saved ?? { bounds: portBounds(model), fitBoundsOptions: { padding: 40 } }),
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const alwaysRedraw = new URLSearchParams(window.location.search).get('redraw') === 'always';
    const scene = new MapScene(model, buffers, registry, screen, alwaysRedraw);
    const overlay = new MapLibreOverlay({
      interleaved: true,
      layers: [],
      // A click on a machine, a vessel or a place opens its details; a click beside
      // everything leaves them open.
      onClick: (info) => {
        const id = pickAt(map, scene, buffers, info);
        if (id) useAppStore.getState().select(id);
      },
    });
    map.addControl(overlay);
    map.on('moveend', () => {
      const c = map.getCenter();
      views.save({
        center: [c.lng, c.lat],
        zoom: map.getZoom(),
        bearing: map.getBearing(),
        pitch: map.getPitch(),
      });
    });

    const vessels = scene.vessels;
    const debug: MapDebug = {
      frames: 0,
      drawn: 0,
      entityCount: 0,
      mapLoaded: false,
      view: () => ({ center: map.getCenter().toArray(), zoom: map.getZoom() }),
      projected: () => {
        const origin = map.getContainer().getBoundingClientRect();
        return Array.from({ length: buffers.count }, (_, slot) => slot)
          .filter((slot) => buffers.kindOf(slot) !== 'vessel')
          .map((slot) => {
            const p = map.project([buffers.positions[slot * 2]!, buffers.positions[slot * 2 + 1]!]);
            return { id: buffers.ids[slot]!, x: origin.left + p.x, y: origin.top + p.y };
          });
      },
      vessels: () => {
        const origin = map.getContainer().getBoundingClientRect();
        const page = (lonLat: [number, number]) => {
          const p = map.project(lonLat);
          return { x: origin.left + p.x, y: origin.top + p.y };
        };
        return vessels.describe(buffers).map((v) => {
          const anchor = page(v.labelPosition);
          return {
            id: v.id,
            style: v.style,
            label: v.label,
            position: page(v.position),
            centre: page(v.centre),
            outline: v.outline.map(page),
            lonLat: { position: v.position, outline: v.outline },
            labelAnchor: { x: anchor.x + LABEL_OFFSET[0], y: anchor.y + LABEL_OFFSET[1] },
          };
        });
      },
    };
    window.quaysideMap = debug;
    // The base map's layers follow the legend's toggles.
    const showBaseLayers = (layers: LayerSettings) => {
      for (const [group, { base }] of Object.entries(LAYER_GROUPS))
        for (const id of base)
          map.setLayoutProperty(id, 'visibility', layers[group as LayerGroup] ? 'visible' : 'none');
    };
    // Search and the wall's playlist move the map by asking the store.
    const unsubscribeView = useAppStore.subscribe((state, previous) => {
      const request = state.viewRequest;
      if (!request || request === previous.viewRequest) return;
      if ('bounds' in request) map.fitBounds(request.bounds, { padding: 40, duration: 1_500 });
      else map.flyTo({ center: request.center, zoom: request.zoom, duration: 1_500 });
    });
    let unsubscribeLayers = () => {};
    map.on('load', () => {
      debug.mapLoaded = true;
      showBaseLayers(useAppStore.getState().layers);
      unsubscribeLayers = useAppStore.subscribe((state, previous) => {
        if (state.layers !== previous.layers) showBaseLayers(state.layers);
      });
    });

    let frameRequest = 0;
    const draw = () => {
      const state = useAppStore.getState();
      const layers = scene.frame({
        nowMs: Date.now(),
        clockMs: clock(),
        clockJumps: state.clockJumps,
        zoom: map.getZoom(),
        language: state.language,
        layers: state.layers,
        picture: state.picture,
        alerts: state.openAlerts,
      });
      if (layers) overlay.setProps({ layers });
      debug.frames += 1;
      debug.drawn = scene.frames;
      debug.entityCount = buffers.count;
      frameRequest = requestAnimationFrame(draw);
    };
    frameRequest = requestAnimationFrame(draw);

    return () => {
      cancelAnimationFrame(frameRequest);
      unsubscribeLayers();
      unsubscribeView();
      map.remove();
      delete window.quaysideMap;
    };
  }, [model, buffers, registry, screen, clock, viewStore]);

  return <div ref={container} className="port-map" data-testid="port-map" />;
}
