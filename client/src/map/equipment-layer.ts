// The equipment as deck.gl draws it: one IconLayer (stable id) of every entity but the
// vessels (vessel-layers.ts draws those as hulls), a silhouette per kind turned to its
// heading, tinted by its state, at its real size. Attributes are typed arrays handed
// straight to deck.gl: colours, kinds and sizes are rebuilt only when the buffers'
// version changes, positions and headings are packed every frame.
import { IconLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { EQUIPMENT_STATES, type EquipmentKind } from '../../../protocol/equipment.ts';
import { UNKNOWN_STATE, type EntityBuffers } from '../live/entity-buffers.ts';
import { STATE_COLOURS, type Rgba } from './deck-layers.ts';
import { ICON_LENGTH_M, ICON_MAPPING } from './equipment-icons.ts';

const UNKNOWN_COLOUR: Rgba = [220, 220, 220, 255];

export class EquipmentAttributes {
  private colours = new Uint8Array(0);
  private sizes = new Float32Array(0);
  private angles = new Float32Array(0);
  private packed = new Float64Array(0);
  private slots = new Uint32Array(0);
  /** The kind of each drawn entity, by index (what getIcon reads). */
  kinds: EquipmentKind[] = [];
  private builtFor = -1;
  /** Entities drawn as equipment at the last build. */
  count = 0;

  /** Rebuilds what changes only with the buffers' version. */
  private build(buffers: EntityBuffers): void {
    if (this.builtFor === buffers.version && this.slots.length >= buffers.count) return;
    const capacity = buffers.positions.length / 2;
    if (this.slots.length < buffers.count) {
      this.colours = new Uint8Array(capacity * 4);
      this.sizes = new Float32Array(capacity);
      this.angles = new Float32Array(capacity);
      this.packed = new Float64Array(capacity * 2);
      this.slots = new Uint32Array(capacity);
    }
    this.kinds = [];
    let n = 0;
    for (let slot = 0; slot < buffers.count; slot += 1) {
      const kind = buffers.kindOf(slot);
      if (kind === 'vessel') continue;
      const code = buffers.states[slot]!;
      const colour =
        code === UNKNOWN_STATE ? UNKNOWN_COLOUR : STATE_COLOURS[EQUIPMENT_STATES[code]!];
      this.colours.set(colour, n * 4);
      this.sizes[n] = ICON_LENGTH_M[kind];
      this.kinds.push(kind);
      this.slots[n] = slot;
      n += 1;
    }
    this.count = n;
    this.builtFor = buffers.version;
  }

  /** Everything the layer needs for this frame. */
  frame(buffers: EntityBuffers) {
    this.build(buffers);
    for (let i = 0; i < this.count; i += 1) {
      const slot = this.slots[i]!;
      this.packed[i * 2] = buffers.positions[slot * 2]!;
      this.packed[i * 2 + 1] = buffers.positions[slot * 2 + 1]!;
      // deck.gl turns counter-clockwise from north; a heading turns clockwise.
      const heading = buffers.headings[slot]!;
      this.angles[i] = Number.isNaN(heading) ? 0 : -heading;
    }
    return {
      length: this.count,
      positions: this.packed,
      colours: this.colours,
      angles: this.angles,
      sizes: this.sizes,
    };
  }

  /** The entity id drawn at an index (for picking). */
  idAt(buffers: EntityBuffers, index: number): string | undefined {
    return index >= 0 && index < this.count ? buffers.ids[this.slots[index]!] : undefined;
  }

  get version(): number {
    return this.builtFor;
  }
}

export function equipmentLayer(
  buffers: EntityBuffers,
  attributes: EquipmentAttributes,
  atlas: string | undefined,
  frame: number,
  options: { minPixels: number },
): Layer {
  const data = attributes.frame(buffers);
  return new IconLayer({
    id: 'equipment',
    data: {
      length: data.length,
      attributes: {
        getPosition: { value: data.positions, size: 2 },
        getColor: { value: data.colours, size: 4, normalized: true },
        getAngle: { value: data.angles, size: 1 },
        getSize: { value: data.sizes, size: 1 },
      },
    },
    // Looked up by index: the data is columns, not objects.
    getIcon: (_: unknown, { index }: { index: number }) => attributes.kinds[index]!,
    ...(atlas ? { iconAtlas: atlas } : {}),
    iconMapping: ICON_MAPPING,
    billboard: false,
    sizeUnits: 'meters',
    sizeMinPixels: options.minPixels,
    sizeMaxPixels: 96,
    alphaCutoff: 0.05,
    pickable: true,
    updateTriggers: {
      getPosition: frame,
      getAngle: frame,
      getColor: attributes.version,
      getSize: attributes.version,
      getIcon: attributes.version,
    },
  });
}
