import { describe, expect, it } from 'vitest';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import {
  BERTH_STATUS_COLOURS,
  berthLabel,
  flowKind,
  mainFlows,
  MAX_FLOW_ARCS,
  operationsLayers,
  QUEUE_COLOUR,
  yardFillColour,
  YARD_FILL_STOPS,
} from './operations-layers.ts';
import { STATE_COLOURS } from './deck-layers.ts';
import { TRAIL_COLOUR } from './map-scene.ts';
import type { Place } from './places.ts';

const place = (id: string, kind: Place['kind'], extra: Partial<Place> = {}): Place => ({
  id,
  kind,
  centre: [122, 30],
  ring: [
    [122, 30],
    [122.001, 30],
    [122.001, 30.001],
  ],
  ...extra,
});
const places = new Map<string, Place>([
  ['B1', place('B1', 'berth', { name: 'Berth 1' })],
  ['Y1', place('Y1', 'yard_block')],
  ['G1', place('G1', 'gate_lane', { entry: [122, 30], travel: [0, 1] })],
  ['G2', place('G2', 'gate_lane', { entry: [122.01, 30], travel: [0, 1] })],
]);
const picture: OperationsPicture = {
  atMs: 1,
  berths: [
    {
      berthId: 'B1',
      status: 'working',
      callId: 'C1',
      vesselName: 'ZHEN HUA 36',
      movesDone: 105,
      plannedMoves: 250,
    },
    { berthId: 'B-unknown', status: 'free' },
  ],
  blocks: [{ blockId: 'Y1', boxes: 10, teu: 15, capacityTeu: 100, fill: 0.15 }],
  lanes: [
    { laneId: 'G1', waiting: 4, inService: 0 },
    { laneId: 'G2', waiting: 0, inService: 0 },
  ],
  flows: [{ fromId: 'B1', toId: 'Y1', boxes: 12 }],
  flowWindowMs: 3_600_000,
};
const options = {
  places,
  labelSizePx: 14,
  statusWord: (s: string) => s.toUpperCase(),
  brief: false,
};

describe('the operations layers', () => {
  it('colours the yard from calm to full along its stops, clamped at both ends', () => {
    expect(yardFillColour(-1)).toEqual(YARD_FILL_STOPS[0]![1]);
    expect(yardFillColour(0.5)).toEqual(YARD_FILL_STOPS[1]![1]);
    expect(yardFillColour(2)).toEqual(YARD_FILL_STOPS.at(-1)![1]);
    const between = yardFillColour(0.6);
    const [low, high] = [YARD_FILL_STOPS[1]![1], YARD_FILL_STOPS[2]![1]];
    for (let k = 0; k < 4; k += 1) expect(between[k]).toBe(Math.round((low[k]! + high[k]!) / 2));
  });

  it('labels a berth with its status, progress and vessel; a free one with its name only', () => {
    const berth = { ...picture.berths[0]!, place: places.get('B1')! };
    expect(berthLabel(berth, (s) => s)).toBe('Berth 1 · working 42%\nZHEN HUA 36');
    expect(berthLabel({ ...berth, status: 'free' }, (s) => s)).toBe('Berth 1');
    const { plannedMoves: _, ...unplanned } = berth;
    expect(berthLabel(unplanned, (s) => s)).toBe('Berth 1 · working\nZHEN HUA 36');
  });

  it('draws the largest flows only, so a whole day’s flows still read', () => {
    const many = Array.from({ length: MAX_FLOW_ARCS + 10 }, (_, i) => ({
      fromId: `B${i}`,
      toId: 'Y1',
      boxes: i + 1,
    }));
    const main = mainFlows(many);
    expect(main).toHaveLength(MAX_FLOW_ARCS);
    expect(main[0]!.boxes).toBe(MAX_FLOW_ARCS + 10);
    expect(Math.min(...main.map((f) => f.boxes))).toBe(11);
  });

  it('tells flows by what they join', () => {
    const [b, y, g] = [places.get('B1')!, places.get('Y1')!, places.get('G1')!];
    expect(flowKind(b, y)).toBe('quay_to_yard');
    expect(flowKind(y, b)).toBe('yard_to_quay');
    expect(flowKind(g, y)).toBe('gate_to_yard');
    expect(flowKind(y, g)).toBe('yard_to_gate');
    expect(flowKind(y, y)).toBe('other');
  });

  it('draws only what the model places: known berths, lanes with a queue, flows between known places', () => {
    const layers = operationsLayers(picture, options);
    const data = (id: string) => layers.find((l) => l.id === id)!.props.data as unknown[];
    expect(layers.map((l) => l.id)).toEqual([
      'yard-heat',
      'berth-status',
      'flow-arcs',
      'lane-queues',
      'lane-queue-counts',
      'berth-labels',
    ]);
    expect(data('berth-status')).toHaveLength(1); // the free one is left to the base map
    expect(data('lane-queues')).toHaveLength(1);
    expect(data('flow-arcs')).toHaveLength(1);
    expect(data('yard-heat')).toHaveLength(1);
    // Before the first picture: the layers exist, empty.
    expect(
      operationsLayers(undefined, options).every((l) => (l.props.data as []).length === 0),
    ).toBe(true);
  });

  it('names berths only when zoomed out, where longer labels would collide', () => {
    const textOf = (brief: boolean) => {
      const labels = operationsLayers(picture, { ...options, brief }).find(
        (l) => l.id === 'berth-labels',
      )!;
      const getText = (labels.props as unknown as { getText: (d: unknown) => string }).getText;
      return (labels.props.data as unknown[]).map(getText);
    };
    expect(textOf(true)).toEqual(['Berth 1']);
    expect(textOf(false)).toEqual(['Berth 1 · WORKING 42%\nZHEN HUA 36']);
  });

  it('gives every berth status its own colour', () => {
    const colours = Object.values(BERTH_STATUS_COLOURS).map((c) => c.join());
    expect(new Set(colours).size).toBe(colours.length);
  });
});

describe('colours beside the equipment’s', () => {
  it('draws queues and trails in colours far from every equipment state colour', () => {
    const farFromStates = (colour: readonly number[]) =>
      Object.values(STATE_COLOURS).every(
        (state) => Math.max(...[0, 1, 2].map((k) => Math.abs(state[k]! - colour[k]!))) > 30,
      );
    expect(farFromStates(QUEUE_COLOUR)).toBe(true);
    expect(farFromStates(TRAIL_COLOUR)).toBe(true);
  });
});
