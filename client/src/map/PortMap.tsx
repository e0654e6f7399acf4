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
import { berthLabelLayer, ColourBuffer, equipmentLayer } from './deck-layers.ts';
import { buildPortStyle, portBounds } from './port-style.ts';
import { loadView, saveView } from './view-memory.ts';

maplibregl.setWorkerUrl(workerUrl);

export interface MapDebug {
  frames: number;
  entityCount: number;
  mapLoaded: boolean;
  /** Page pixels of every drawn entity (tests check that they are really drawn there). */
  projected(): { id: string; x: number; y: number }[];
}

declare global {
  interface Window {
    quaysideMap?: MapDebug;
  }
}

export function PortMap({
  model,
  buffers,
  screen,
}: {
  model: PortModel;
  buffers: EntityBuffers;
  screen: string;
}) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!container.current) return;
    const saved = loadView(screen, globalThis.localStorage);
    const map = new maplibregl.Map({
      container: container.current,
      style: buildPortStyle(model),
      attributionControl: false,
      ...(saved ?? { bounds: portBounds(model), fitBoundsOptions: { padding: 40 } }),
    });
    map.addControl(new maplibregl.NavigationControl({ visualizePitch: true }), 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapLibreOverlay({ interleaved: true, layers: [] });
    map.addControl(overlay);
    map.on('moveend', () => {
      const c = map.getCenter();
      saveView(
        screen,
        {
          center: [c.lng, c.lat],
          zoom: map.getZoom(),
          bearing: map.getBearing(),
          pitch: map.getPitch(),
        },
        globalThis.localStorage,
      );
    });

    const colours = new ColourBuffer();
    const labels = berthLabelLayer(model);
    const debug: MapDebug = {
      frames: 0,
      entityCount: 0,
      mapLoaded: false,
      projected: () => {
        const origin = map.getContainer().getBoundingClientRect();
        return Array.from({ length: buffers.count }, (_, slot) => {
          const p = map.project([buffers.positions[slot * 2]!, buffers.positions[slot * 2 + 1]!]);
          return { id: buffers.ids[slot]!, x: origin.left + p.x, y: origin.top + p.y };
        });
      },
    };
    window.quaysideMap = debug;
    map.on('load', () => {
      debug.mapLoaded = true;
    });

    let frameRequest = 0;
    const draw = () => {
      buffers.interpolate(Date.now());
      debug.frames += 1;
      debug.entityCount = buffers.count;
      overlay.setProps({ layers: [labels, equipmentLayer(buffers, colours, debug.frames)] });
      frameRequest = requestAnimationFrame(draw);
    };
    frameRequest = requestAnimationFrame(draw);

    return () => {
      cancelAnimationFrame(frameRequest);
      map.remove();
      delete window.quaysideMap;
    };
  }, [model, buffers, screen]);

  return <div ref={container} className="port-map" data-testid="port-map" />;
}
