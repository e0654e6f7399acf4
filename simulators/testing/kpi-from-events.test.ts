import { describe, expect, it } from 'vitest';
import type { PortEvent } from '../../protocol/events.ts';
import {
  berthOccupancy,
  customsSelection,
  grossCraneRate,
  median,
  truckTurnTimesMinutes,
} from './kpi-from-events.ts';

const H = 3_600_000;
const W = { fromMs: 0, toMs: 24 * H };
let n = 0;
const id = () => `E${(n += 1)}`;
const crane = (time: number, callId?: string): PortEvent => ({
  type: 'equipment_state',
  eventId: id(),
  time,
  equipmentId: 'QC1',
  kind: 'sts',
  state: callId ? 'working' : 'idle',
  ...(callId ? { callId } : {}),
});
const move = (time: number, code: 'DISC' | 'LOAD'): PortEvent => ({
  type: 'container',
  eventId: id(),
  time,
  eventTypeCode: code,
  containerNumber: 'CSQU3054383',
  equipmentId: 'QC1',
});
const call = (callId: string, timestamp: 'ATA-Berth' | 'ATD-Berth', time: number): PortEvent => ({
  type: 'port_call',
  eventId: id(),
  time,
  callId,
  timestamp,
  vesselImo: '9074729',
});
const gate = (visitId: string, direction: 'in' | 'out', time: number): PortEvent => ({
  type: 'gate',
  eventId: id(),
  time,
  gateId: 'G',
  laneId: 'L',
  direction,
  phase: 'completed',
  visitId,
  truckId: 'T',
});

describe('KPIs from events', () => {
  it('divides crane moves by the hours the crane was allocated to a call', () => {
    const events = [
      crane(1 * H, 'C1'),
      ...Array.from({ length: 60 }, (_, i) => move(1 * H + i * 60_000, i % 2 ? 'LOAD' : 'DISC')),
      crane(3 * H), // released: 2 h allocated
      crane(20 * H, 'C2'), // still allocated at the end of the window: 4 h
      ...Array.from({ length: 120 }, (_, i) => move(20 * H + i * 60_000, 'DISC')),
    ];
    expect(grossCraneRate(events, W)).toEqual({ moves: 180, craneHours: 6, movesPerHour: 30 });
  });

  it('counts allocation from before the window only within it', () => {
    const events = [crane(-5 * H, 'C1'), move(H, 'DISC'), crane(2 * H)];
    expect(grossCraneRate(events, W).craneHours).toBe(2);
  });

  it('takes berth occupancy from all fast to last line, clipped to the window', () => {
    const events = [
      call('C1', 'ATA-Berth', -2 * H), // alongside when the window opens
      call('C1', 'ATD-Berth', 6 * H),
      call('C2', 'ATA-Berth', 12 * H), // still alongside when it closes
    ];
    expect(berthOccupancy(events, W, 2)).toBeCloseTo((6 + 12) / 48, 9);
  });

  it('measures turn times from gate-in completion to gate-out completion', () => {
    const events = [
      gate('V1', 'in', 0),
      gate('V1', 'out', 40 * 60_000),
      gate('V2', 'out', H),
      gate('V3', 'in', 0),
    ];
    expect(truckTurnTimesMinutes(events)).toEqual([40]);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('counts declarations by channel and the boxes selected among them', () => {
    const declared = (
      n: string,
      channel: 'green' | 'yellow' | 'red',
      aeo: boolean,
      time = H,
    ): PortEvent => ({
      type: 'customs',
      eventId: id(),
      time,
      declarationId: `D-${n}`,
      containerNumber: n,
      status: 'declared',
      channel,
      aeo,
    });
    const selected = (n: string): PortEvent => ({
      type: 'container',
      eventId: id(),
      time: 2 * H,
      eventTypeCode: 'CUSS',
      containerNumber: n,
    });
    const events = [
      declared('CSQU3054383', 'yellow', false),
      declared('MSCU1234565', 'green', true),
      declared('MAEU1234567', 'red', true, -H), // before the window: not counted
      selected('CSQU3054383'),
    ];
    expect(customsSelection(events, W)).toEqual({
      declared: 2,
      byChannel: { green: 1, yellow: 1, red: 0 },
      aeo: 1,
      aeoSelected: 0,
      selected: 1,
    });
  });
});
