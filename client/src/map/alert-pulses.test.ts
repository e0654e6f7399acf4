import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../protocol/alerts.ts';
import type { PositionColumns } from '../../../protocol/live.ts';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import { EntityBuffers } from '../live/entity-buffers.ts';
import { alertPosition, placeAlerts, pulsePhase, PULSE_PERIOD_MS } from './alert-pulses.ts';
import type { Place } from './places.ts';

const places = new Map<string, Place>([
  ['T1-B3', { id: 'T1-B3', kind: 'berth', centre: [122.01, 30.6] }],
  ['T1-QC05', { id: 'T1-QC05', kind: 'sts_crane', centre: [122.02, 30.6] }],
  [
    'T1-inspection-scan-1',
    { id: 'T1-inspection-scan-1', kind: 'inspection_lane', centre: [122.03, 30.61] },
  ],
]);
const picture: OperationsPicture = {
  atMs: 0,
  berths: [{ berthId: 'T1-B3', status: 'working', callId: 'C1' }],
  blocks: [],
  lanes: [],
  flows: [],
  flowWindowMs: 3_600_000,
};
const buffers = new EntityBuffers();
buffers.apply(
  {
    ids: ['T1-QC05'],
    kinds: ['sts'],
    timeMs: [1],
    lon: [122.025],
    lat: [30.605],
    headingDeg: [null],
    speedMps: [null],
    state: ['idle'],
  } as PositionColumns,
  0,
);

describe('where alerts are drawn', () => {
  it('puts a machine’s alert where the machine is now, else where the model parks it', () => {
    expect(alertPosition('equipment:T1-QC05', places, picture, buffers)).toEqual([122.025, 30.605]);
    expect(alertPosition('crane:T1-QC05', places, picture, new EntityBuffers())).toEqual([
      122.02, 30.6,
    ]);
  });

  it('puts a call’s alert at its berth, and a lane’s at the lane', () => {
    expect(alertPosition('call:C1', places, picture, buffers)).toEqual([122.01, 30.6]);
    expect(alertPosition('lane:T1-inspection-scan-1', places, picture, buffers)).toEqual([
      122.03, 30.61,
    ]);
  });

  it('leaves out what has no place: the port, feeds, unknown ids, calls not alongside', () => {
    for (const scope of ['port', 'feed:ais', 'berth:NOWHERE', 'call:C9', 'equipment:GHOST'])
      expect(alertPosition(scope, places, picture, buffers)).toBeUndefined();
    const alerts = [{ scope: 'port' }, { scope: 'berth:T1-B3' }] as Alert[];
    expect(placeAlerts(alerts, places, picture, buffers).map((p) => p.alert.scope)).toEqual([
      'berth:T1-B3',
    ]);
  });

  it('pulses with a steady period', () => {
    expect(pulsePhase(0)).toBe(0);
    expect(pulsePhase(PULSE_PERIOD_MS / 2)).toBeCloseTo(0.5);
    expect(pulsePhase(PULSE_PERIOD_MS * 7 + 1)).toBeCloseTo(1 / PULSE_PERIOD_MS);
  });
});
