import { describe, expect, it } from 'vitest';
import type { LiveEntityKind, PositionColumns } from '../../../protocol/live.ts';
import { EntityBuffers } from '../live/entity-buffers.ts';
import { ColourBuffer, equipmentLayer, STATE_COLOURS } from './deck-layers.ts';

const columns = (fixes: { id: string; kind: LiveEntityKind; lon: number }[]): PositionColumns => ({
  ids: fixes.map((f) => f.id),
  kinds: fixes.map((f) => f.kind),
  timeMs: fixes.map(() => 1_000),
  lon: fixes.map((f) => f.lon),
  lat: fixes.map(() => 30.61),
  headingDeg: fixes.map(() => null),
  speedMps: fixes.map(() => null),
  state: fixes.map((f) => (f.kind === 'vessel' ? null : 'working')),
});

type Binary = { length: number; attributes: Record<string, { value: Float64Array | Uint8Array }> };
const dataOf = (buffers: EntityBuffers, colours: ColourBuffer) =>
  (equipmentLayer(buffers, colours, 1) as unknown as { props: { data: Binary } }).props.data;

describe('equipmentLayer', () => {
  it('draws every entity straight from the buffers when none is a vessel', () => {
    const buffers = new EntityBuffers(4);
    buffers.apply(
      columns([
        { id: 'TT001', kind: 'truck', lon: 122.031 },
        { id: 'QC01', kind: 'sts', lon: 122.032 },
      ]),
      0,
    );
    const data = dataOf(buffers, new ColourBuffer());
    expect(data.length).toBe(2);
    expect(data.attributes.getPosition!.value).toBe(buffers.positions);
  });

  it('leaves the vessels out: the vessel layers draw them as hulls', () => {
    const buffers = new EntityBuffers(2);
    buffers.apply(
      columns([
        { id: '413000001', kind: 'vessel', lon: 122.04 },
        { id: 'TT001', kind: 'truck', lon: 122.031 },
        { id: '413000002', kind: 'vessel', lon: 122.05 },
        { id: 'QC01', kind: 'sts', lon: 122.032 },
      ]),
      0,
    );
    const colours = new ColourBuffer();
    const data = dataOf(buffers, colours);
    expect(data.length).toBe(2);
    const positions = [...data.attributes.getPosition!.value].slice(0, 4);
    expect(positions).toEqual([122.031, 30.61, 122.032, 30.61]);
    const rgba = [...data.attributes.getFillColor!.value].slice(0, 8);
    expect(rgba).toEqual([...STATE_COLOURS.working, ...STATE_COLOURS.working]);

    // Positions follow the buffers every frame, colours and slots only on a version change.
    buffers.apply(columns([{ id: 'TT001', kind: 'truck', lon: 122.0315 }]), 0);
    buffers.interpolate(10_000);
    const moved = dataOf(buffers, colours);
    expect(moved.attributes.getPosition!.value[0]).toBeCloseTo(122.0315, 9);
    buffers.clear();
    expect(dataOf(buffers, colours).length).toBe(0);
  });
});
