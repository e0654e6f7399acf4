import { describe, expect, it } from 'vitest';
import type { PortFeature, PortModel } from '../../protocol/port-model.ts';
import { DEFAULT_KPI_CHOICES } from './kpi-choices.ts';
import { portFacts } from './port-facts.ts';

const square = {
  type: 'Polygon' as const,
  coordinates: [
    [
      [122, 30],
      [122.001, 30],
      [122.001, 30.001],
      [122, 30],
    ] as [number, number][],
  ],
};
const line = {
  type: 'LineString' as const,
  coordinates: [
    [122, 30],
    [122.001, 30],
  ] as [number, number][],
};

describe('portFacts', () => {
  it('takes the berths, block capacities and lanes from the model', () => {
    const features: PortFeature[] = [
      { type: 'Feature', geometry: square, properties: { id: 'W', kind: 'water' } },
      {
        type: 'Feature',
        geometry: square,
        properties: { id: 'B1', kind: 'berth', terminalId: 'T', lengthM: 350, depthM: 16 },
      },
      {
        type: 'Feature',
        geometry: square,
        properties: {
          id: 'Y1',
          kind: 'yard_block',
          terminalId: 'T',
          blockKind: 'import',
          bays: 40,
          rows: 6,
          tiers: 5,
          capacityTeu: 1200,
        },
      },
      {
        type: 'Feature',
        geometry: line,
        properties: { id: 'G-in-1', kind: 'gate_lane', gateId: 'G', direction: 'in' },
      },
      {
        type: 'Feature',
        geometry: line,
        properties: {
          id: 'X1',
          kind: 'inspection_lane',
          inspectionAreaId: 'I',
          method: 'scan',
          capacityPerHour: 30,
        },
      },
    ];
    const model: PortModel = {
      type: 'FeatureCollection',
      properties: { portId: 'P', name: 'P', timeZone: 'UTC', center: [122, 30] },
      features,
    };
    expect(portFacts(model)).toEqual({
      berthIds: ['B1'],
      blocks: [{ id: 'Y1', capacityTeu: 1200 }],
      gateLaneIds: ['G-in-1'],
      inspectionLaneIds: ['X1'],
      choices: DEFAULT_KPI_CHOICES,
    });
    expect(portFacts(model, { truckTurnTimeFrom: 'gate_arrival' }).choices).toEqual({
      truckTurnTimeFrom: 'gate_arrival',
    });
  });
});
