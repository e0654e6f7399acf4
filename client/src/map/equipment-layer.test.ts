import { describe, expect, it } from 'vitest';
import type { LiveEntityKind, PositionColumns } from '../../../protocol/live.ts';
import { EntityBuffers } from '../live/entity-buffers.ts';
import { STATE_COLOURS } from './deck-layers.ts';
import { ICON_LENGTH_M } from './equipment-icons.ts';
import { EquipmentAttributes, equipmentLayer } from './equipment-layer.ts';

const columns = (
  fixes: { id: string; kind: LiveEntityKind; lon: number; heading?: number }[],
): PositionColumns => ({
  ids: fixes.map((f) => f.id),
  kinds: fixes.map((f) => f.kind),
  timeMs: fixes.map(() => 1_000),
  lon: fixes.map((f) => f.lon),
  lat: fixes.map(() => 30.61),
  headingDeg: fixes.map((f) => f.heading ?? null),
  speedMps: fixes.map(() => null),
  state: fixes.map((f) => (f.kind === 'vessel' ? null : 'working')),
});

type Binary = {
  length: number;
  attributes: Record<string, { value: Float64Array | Float32Array | Uint8Array }>;
};
type Props = { data: Binary; getIcon: (o: unknown, info: { index: number }) => string };
const propsOf = (buffers: EntityBuffers, attributes: EquipmentAttributes) =>
  (
    equipmentLayer(buffers, attributes, undefined, 1, {
      minPixels: 8,
    }) as unknown as {
      props: Props;
    }
  ).props;

describe('the equipment layer', () => {
  it('draws every entity but the vessels, each as its kind, turned to its heading', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(
      columns([
        { id: '413000001', kind: 'vessel', lon: 122.04 },
        { id: 'TT001', kind: 'truck', lon: 122.031, heading: 90 },
        { id: '413000002', kind: 'vessel', lon: 122.05 },
        { id: 'QC01', kind: 'sts', lon: 122.032 },
      ]),
      0,
    );
    const attributes = new EquipmentAttributes();
    const { data, getIcon } = propsOf(buffers, attributes);
    expect(data.length).toBe(2);
    expect([...data.attributes.getPosition!.value].slice(0, 4)).toEqual([
      122.031, 30.61, 122.032, 30.61,
    ]);
    expect([...data.attributes.getColor!.value].slice(0, 8)).toEqual([
      ...STATE_COLOURS.working,
      ...STATE_COLOURS.working,
    ]);
    // Counter-clockwise for deck.gl; no heading reported reads as north.
    expect([...data.attributes.getAngle!.value].slice(0, 2)).toEqual([-90, 0]);
    expect([...data.attributes.getSize!.value].slice(0, 2)).toEqual([
      ICON_LENGTH_M.truck,
      ICON_LENGTH_M.sts,
    ]);
    expect([0, 1].map((index) => getIcon(null, { index }))).toEqual(['truck', 'sts']);
    expect(attributes.idAt(buffers, 1)).toBe('QC01');
    expect(attributes.idAt(buffers, 2)).toBeUndefined();
  });

  it('follows the buffers every frame and rebuilds the rest only on a new version', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(columns([{ id: 'TT001', kind: 'truck', lon: 122.031 }]), 0);
    const attributes = new EquipmentAttributes();
    propsOf(buffers, attributes);
    const version = attributes.version;
    buffers.apply(columns([{ id: 'TT001', kind: 'truck', lon: 122.0315 }]), 0);
    buffers.interpolate(10_000);
    const moved = propsOf(buffers, attributes).data;
    expect(moved.attributes.getPosition!.value[0]).toBeCloseTo(122.0315, 9);
    expect(attributes.version).toBeGreaterThanOrEqual(version);
    buffers.clear();
    expect(propsOf(buffers, attributes).data.length).toBe(0);
  });
});
