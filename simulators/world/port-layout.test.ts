import { describe, expect, it } from 'vitest';
import type { PortModel } from '../../protocol/port-model.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { distance } from '../geometry/planar.ts';
import { PortLayoutError, readPortLayout, railPoint } from './port-layout.ts';

const model = buildDemoPort();
const layout = readPortLayout(model);

describe('readPortLayout on the demo port', () => {
  it('finds the quay facing south over the water', () => {
    // The model is drawn with 111 320 m to a degree, the simulator measures with 111 195.
    expect(Math.abs(layout.quay.lengthM / 2_100 - 1)).toBeLessThan(0.002);
    expect(layout.quay.waterNormal[0]).toBeCloseTo(0, 6);
    expect(layout.quay.waterNormal[1]).toBeCloseTo(-1, 6);
    expect(layout.quay.railOffsetM).toBeCloseTo(18, 0);
  });

  it('orders the berths along the quay, each with its cranes in rail order', () => {
    expect(layout.berths.map((b) => b.id)).toEqual([
      'T1-B1',
      'T1-B2',
      'T1-B3',
      'T1-B4',
      'T1-B5',
      'T1-B6',
    ]);
    for (const berth of layout.berths) {
      expect(berth.cranes).toHaveLength(4);
      for (const crane of berth.cranes) {
        expect(crane.parkedAlongM).toBeGreaterThan(berth.fromM);
        expect(crane.parkedAlongM).toBeLessThan(berth.toM);
      }
    }
    const orders = layout.berths.flatMap((b) => b.cranes.map((c) => c.railOrder));
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
  });

  it('puts the crane rail on the crane lane, where AGVs stand under the cranes', () => {
    const crane = layout.berths[2]!.cranes[1]!;
    const onRail = railPoint(layout, crane.parkedAlongM);
    const road = layout.roads.pointAt(layout.roads.nearestPoint(onRail));
    expect(distance(onRail, road)).toBeLessThan(0.01);
  });

  it('reads each block with its bays along the long side and its rows running inland', () => {
    expect(layout.blocks).toHaveLength(60);
    for (const block of layout.blocks) {
      expect(block.lengthM).toBeCloseTo(180, 0);
      expect(block.depthM).toBeCloseTo(40, 0);
      expect(block.inland[1]).toBeCloseTo(1, 6); // away from the water
    }
  });

  it('stops vehicles at the middle of each gate and inspection lane, on the lane', () => {
    expect(layout.gateLanes.filter((l) => l.direction === 'in').length).toBeGreaterThanOrEqual(5);
    for (const lane of [...layout.gateLanes, ...layout.inspectionLanes]) {
      const edge = layout.roads.edges[lane.stop.edge]!;
      expect(edge.featureId).toBe(lane.id);
      expect(lane.stop.offset).toBeCloseTo(edge.length / 2, 6);
    }
  });

  it('reads the waters: channel from the sea, pilot boarding place, anchoring spots apart', () => {
    const { channel, pilotBoardingPlace, seaEntry, anchorages } = layout.waterside;
    expect(channel.length).toBeGreaterThanOrEqual(2);
    expect(distance(seaEntry, channel[0]!)).toBeCloseTo(6_000, 0);
    expect(distance(pilotBoardingPlace, channel[1]!)).toBeLessThan(1_000);
    const spots = anchorages.flatMap((a) => a.spots);
    expect(spots.length).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < spots.length; i += 1)
      for (let j = i + 1; j < spots.length; j += 1)
        expect(distance(spots[i]!, spots[j]!)).toBeGreaterThanOrEqual(699);
  });

  it('starts hauliers at the far end of the public road', () => {
    const start = layout.roads.pointAt(layout.hinterland);
    const gate = layout.roads.pointAt(layout.gateLanes[0]!.stop);
    expect(distance(start, gate)).toBeGreaterThan(1_500);
  });
});

describe('readPortLayout on a model it cannot simulate', () => {
  const without = (...kinds: string[]): PortModel => ({
    ...model,
    features: model.features.filter((f) => !kinds.includes(f.properties.kind)),
  });

  it.each([
    [['berth'], 'the port model has no berths'],
    [['sts_crane'], 'the port model has no quay cranes at its berths'],
    [['yard_block'], 'the port model has no yard blocks'],
    [['gate_lane'], 'the port model needs gate lanes in both directions'],
    [['inspection_lane'], 'the port model needs an inspection lane with method scan'],
  ])('says what is missing without %j', (kinds, message) => {
    expect(() => readPortLayout(without(...kinds))).toThrow(PortLayoutError);
    expect(() => readPortLayout(without(...kinds))).toThrow(message);
  });
});
