// The deck.gl layers drawn over the base map. Built fresh each frame (cheap: layers are
// descriptors) with stable ids, so deck.gl keeps its GPU buffers and only re-reads what
// changed: positions every frame, colours when the buffers' version moves.
import { ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { EQUIPMENT_STATES, type EquipmentState } from '../../../protocol/equipment.ts';
import type { FeatureOfKind, PortModel } from '../../../protocol/port-model.ts';
import { UNKNOWN_STATE, type EntityBuffers } from '../live/entity-buffers.ts';

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
const UNKNOWN_COLOUR: Rgba = [220, 220, 220, 255];

/**
 * What the equipment layer draws: every entity but the vessels (vessel-layers.ts draws
 * those as hulls), with its colour by state. Colours and the list of equipment slots are
 * rebuilt only when the buffers' version changes; positions are read every frame, straight
 * from the buffers when they hold no vessel, else packed from the equipment slots.
 */
export class ColourBuffer {
  private colours = new Uint8Array(0);
  private builtFor = -1;
  private slots = new Uint32Array(0);
  private packed = new Float64Array(0);
  /** Entities drawn as equipment at the last build. */
  count = 0;
  /** Whether every entity is equipment (positions need no packing). */
  private allEquipment = true;

  /** RGBA per equipment entity, rebuilt only when the buffers' version changes. */
  for(buffers: EntityBuffers): Uint8Array {
    if (this.builtFor === buffers.version && this.colours.length >= buffers.count * 4)
      return this.colours;
    if (this.colours.length < buffers.count * 4) {
      this.colours = new Uint8Array(buffers.positions.length * 2);
      this.slots = new Uint32Array(buffers.positions.length / 2);
      this.packed = new Float64Array(buffers.positions.length);
    }
    let n = 0;
    for (let slot = 0; slot < buffers.count; slot += 1) {
      if (buffers.kindOf(slot) === 'vessel') continue;
      const code = buffers.states[slot]!;
      const colour =
        code === UNKNOWN_STATE ? UNKNOWN_COLOUR : STATE_COLOURS[EQUIPMENT_STATES[code]!];
      this.colours.set(colour, n * 4);
      this.slots[n] = slot;
      n += 1;
    }
    this.count = n;
    this.allEquipment = n === buffers.count;
    this.builtFor = buffers.version;
    return this.colours;
  }

  /** Lon/lat pairs of the equipment entities as drawn now (call after for()). */
  positions(buffers: EntityBuffers): Float64Array {
    if (this.allEquipment) return buffers.positions;
    for (let i = 0; i < this.count; i += 1) {
      const slot = this.slots[i]!;
      this.packed[i * 2] = buffers.positions[slot * 2]!;
      this.packed[i * 2 + 1] = buffers.positions[slot * 2 + 1]!;
    }
    return this.packed;
  }

  get version(): number {
    return this.builtFor;
  }
}

export function equipmentLayer(
  buffers: EntityBuffers,
  colours: ColourBuffer,
  frame: number,
): Layer {
  const colourValues = colours.for(buffers);
  return new ScatterplotLayer({
    id: 'equipment',
    data: {
      length: colours.count,
      attributes: {
        getPosition: { value: colours.positions(buffers), size: 2 },
        getFillColor: { value: colourValues, size: 4, normalized: true },
      },
    },
    radiusUnits: 'meters',
    getRadius: 6,
    radiusMinPixels: 4,
    radiusMaxPixels: 30,
    stroked: true,
    getLineColor: [10, 16, 24, 255],
    lineWidthMinPixels: 1,
    updateTriggers: { getPosition: frame, getFillColor: colours.version },
  });
}

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
