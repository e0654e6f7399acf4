import { describe, expect, it } from 'vitest';
import { buildPortStyle } from '../map/port-style.ts';
import {
  ALL_LAYERS_ON,
  deckLayerVisible,
  LAYER_GROUPS,
  loadLayerSettings,
  saveLayerSettings,
} from './layer-settings.ts';

const memory = () => {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
};

describe('layer settings', () => {
  it('start with everything on, and remember each screen’s choice apart', () => {
    const storage = memory();
    expect(loadLayerSettings('console', storage)).toEqual(ALL_LAYERS_ON);
    saveLayerSettings('console', { ...ALL_LAYERS_ON, roads: false }, storage);
    expect(loadLayerSettings('console', storage).roads).toBe(false);
    expect(loadLayerSettings('wall', storage).roads).toBe(true);
  });

  it('ignore damaged or foreign entries', () => {
    const storage = memory();
    storage.setItem('quayside.layers.console', '{not json');
    expect(loadLayerSettings('console', storage)).toEqual(ALL_LAYERS_ON);
    storage.setItem('quayside.layers.console', '{"roads":"no","ghosts":false,"yard":false}');
    expect(loadLayerSettings('console', storage)).toEqual({ ...ALL_LAYERS_ON, yard: false });
    expect(loadLayerSettings('console', undefined)).toEqual(ALL_LAYERS_ON);
  });

  it('cover every base-map layer but the background, each in one group', () => {
    const style = buildPortStyle({
      type: 'FeatureCollection',
      properties: { portId: 'X', name: 'X', timeZone: 'UTC', center: [0, 0] },
      features: [],
    });
    const grouped = Object.values(LAYER_GROUPS).flatMap((g) => [...g.base]);
    expect(new Set(grouped).size).toBe(grouped.length);
    expect(grouped.sort()).toEqual(
      style.layers
        .map((l) => l.id)
        .filter((id) => id !== 'background')
        .sort(),
    );
  });

  it('tell which deck.gl layers to draw', () => {
    const off = { ...ALL_LAYERS_ON, equipment: false };
    expect(deckLayerVisible(off, 'equipment')).toBe(false);
    expect(deckLayerVisible(off, 'vessel-hulls')).toBe(true);
    expect(deckLayerVisible(off, 'some-new-layer')).toBe(true);
  });
});
