// The deck.gl layers drawn over the base map: the equipment's state colours and the berth
// labels (the equipment itself is equipment-layer.ts). Layers are built fresh each frame
// (cheap: they are descriptors) with stable ids, so deck.gl keeps its GPU buffers.
import { TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type { EquipmentState } from '../../../protocol/equipment.ts';
import type { FeatureOfKind, PortModel } from '../../../protocol/port-model.ts';

export type Rgba = [number, number, number, number];

/** Equipment colour by state: vivid, and none of them used by the base map. */
export const STATE_COLOURS: Record<EquipmentState, Rgba> = {
  working: [46, 204, 113, 255],
  idle: [149, 165, 166, 255],
  travelling_empty: [52, 172, 224, 255],
  travelling_loaded: [255, 177, 0, 255],
  waiting: [241, 196, 15, 255],
  fault: [231, 76, 60, 255],
};
export function berthLabelLayer(model: PortModel): Layer {
  const berths = model.features.filter(
    (f): f is FeatureOfKind<'berth'> => f.properties.kind === 'berth',
  );
  return new TextLayer<FeatureOfKind<'berth'>>({
    id: 'berth-labels',
    data: berths,
    getPosition: (f): [number, number] => {
      const ring = f.geometry.coordinates[0]!.slice(0, -1); // without the closing vertex
      const lon = ring.reduce((sum, p) => sum + p[0], 0) / ring.length;
      const lat = ring.reduce((sum, p) => sum + p[1], 0) / ring.length;
      return [lon, lat];
    },
    getText: (f) => f.properties.name ?? f.properties.id,
    getColor: [160, 205, 230, 255],
    getSize: 14,
    fontFamily: 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif',
    characterSet: 'auto',
  });
}
