import { describe, expect, it } from 'vitest';
import type { PortModel } from '../../../protocol/port-model.ts';
import { offset, placesOf } from './places.ts';

const model = {
  type: 'FeatureCollection',
  properties: { name: 'Test', timeZone: 'Asia/Shanghai' },
  features: [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [122, 30],
            [122.002, 30],
            [122.002, 30.001],
            [122, 30.001],
            [122, 30],
          ],
        ],
      },
      properties: {
        id: 'B1',
        kind: 'berth',
        name: 'Berth 1',
        terminalId: 'T1',
        lengthM: 190,
        depthM: 15,
      },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [122.01, 30.01],
          [122.01, 30.0101],
        ],
      },
      properties: { id: 'G-in-01', kind: 'gate_lane', gateId: 'G', direction: 'in' },
    },
  ],
} as unknown as PortModel;

describe('the places of the port model', () => {
  it('knows an area’s middle and ring without the closing vertex', () => {
    const berth = placesOf(model).get('B1')!;
    expect(berth).toMatchObject({ kind: 'berth', name: 'Berth 1' });
    expect(berth.centre[0]).toBeCloseTo(122.001, 9);
    expect(berth.centre[1]).toBeCloseTo(30.0005, 9);
    expect(berth.ring).toHaveLength(4);
  });

  it('puts a berth’s label off its water side, away from its terminal', () => {
    const withTerminal = {
      ...model,
      features: [
        ...model.features,
        {
          type: 'Feature',
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [121.99, 30.001],
                [122.01, 30.001],
                [122.01, 30.02],
                [121.99, 30.02],
                [121.99, 30.001],
              ],
            ],
          },
          properties: { id: 'T1', kind: 'terminal' },
        },
      ],
    } as PortModel;
    const [lon, lat] = placesOf(withTerminal).get('B1')!.labelAt!;
    expect(lon).toBeCloseTo(122.001, 9);
    // The berth is 111 m across (north to south), the terminal north of it: 55.66 + 25 m south.
    expect(lat).toBeCloseTo(30.0005 - 80.66 / 111_320, 6);
  });

  it('knows a lane’s entry and its direction of travel', () => {
    const lane = placesOf(model).get('G-in-01')!;
    expect(lane.entry).toEqual([122.01, 30.01]);
    expect(lane.travel![0]).toBeCloseTo(0, 9);
    expect(lane.travel![1]).toBeCloseTo(1, 9); // due north
  });

  it('steps a distance in metres along a direction', () => {
    const [lon, lat] = offset([122, 30], [0, -1], 111.32); // 111.32 m south
    expect(lon).toBe(122);
    expect(lat).toBeCloseTo(29.999, 6);
    const [east] = offset([122, 60], [1, 0], 55.66); // at 60°N a degree of longitude is half as long
    expect(east).toBeCloseTo(122.001, 6);
  });
});
