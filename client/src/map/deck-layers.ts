// Colours the deck.gl layers share: the equipment's state colours (the equipment itself is
// equipment-layer.ts, the berths, yard and lanes operations-layers.ts).
import type { EquipmentState } from '../../../protocol/equipment.ts';

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
