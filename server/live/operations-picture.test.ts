import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../protocol/events.ts';
import { emptyPortState, foldEvents } from '../kpi/port-state.ts';
import { box, call, FACTS, gate, inspection, machine, min } from '../kpi/test-support/events.ts';
import { CallRoster } from './call-roster.ts';
import { buildOperationsPicture } from './operations-picture.ts';

function pictureOf(events: StoredEvent[], nowMinutes: number, roster = new CallRoster()) {
  roster.add(events);
  const ordered = [...events].sort((a, b) => a.timeMs - b.timeMs);
  const actual = ordered.filter((e) => e.type !== 'port_call' || e.timestamp.startsWith('A'));
  return buildOperationsPicture({
    state: foldEvents(emptyPortState(), actual),
    roster,
    facts: FACTS,
    recentEvents: ordered,
    nowMs: min(nowMinutes),
  });
}

const named = (event: StoredEvent, extra: Record<string, unknown>) =>
  ({ ...event, ...extra }) as StoredEvent;

describe('the operations picture', () => {
  it('gives each berth of the model its status and the vessel alongside', () => {
    const events = [
      named(call(0, 'C1', 'ATA-Berth', 'B1'), { vesselName: 'EVER GIVEN', mmsi: '353136000' }),
      named(call(10, 'C1', 'ATS-Cargo Ops', 'B1'), { plannedMoves: 400 }),
      machine(10, 'QC1', 'sts', 'working', 'C1'),
      machine(10, 'QC2', 'sts', 'working', 'C1'),
      box(20, 'DISC', 'AAAU1', { callId: 'C1', facilityId: 'B1' }),
    ];
    const { berths } = pictureOf(events, 30);
    expect(berths).toEqual([
      {
        berthId: 'B1',
        status: 'working',
        callId: 'C1',
        vesselName: 'EVER GIVEN',
        vesselImo: '9074729',
        mmsi: '353136000',
        alongsideSinceMs: min(0),
        movesDone: 1,
        plannedMoves: 400,
        cranes: 2,
      },
      { berthId: 'B2', status: 'free' },
    ]);
  });

  it('tells alongside from working, and delayed once past the estimated departure', () => {
    const arrived = [call(0, 'C1', 'ATA-Berth', 'B1'), call(0, 'C2', 'ATA-Berth', 'B2')];
    const events = [
      ...arrived,
      call(5, 'C2', 'ATS-Cargo Ops', 'B2'),
      call(300, 'C2', 'ETD-Berth', 'B2'),
    ];
    expect(pictureOf(events, 60).berths.map((b) => b.status)).toEqual(['alongside', 'working']);
    expect(pictureOf(events, 301).berths.map((b) => b.status)).toEqual(['alongside', 'delayed']);
    // Done and gone: the berth is free again, and the roster forgets the call.
    const roster = new CallRoster();
    const gone = [...events, call(290, 'C2', 'ATC-Cargo Ops'), call(295, 'C2', 'ATD-Berth')];
    expect(pictureOf(gone, 301, roster).berths.map((b) => b.status)).toEqual(['alongside', 'free']);
    expect(roster.get('C2')).toBeUndefined();
  });

  it('fills blocks by TEU against their capacity, empty blocks included', () => {
    const events = [
      box(0, 'DROP', 'AAAU1', { facilityId: 'Y1', isoEquipmentCode: '45G1' }),
      box(1, 'DROP', 'BBBU2', { facilityId: 'Y1', isoEquipmentCode: '22G1' }),
      box(2, 'DROP', 'CCCU3', { facilityId: 'Y1', isoEquipmentCode: '22G1' }),
      box(3, 'PICK', 'CCCU3', { facilityId: 'Y1' }),
      box(4, 'DROP', 'DDDU4', { facilityId: 'Y9' }), // a block the model does not know
    ];
    expect(pictureOf(events, 10).blocks).toEqual([
      { blockId: 'Y1', boxes: 2, teu: 3, capacityTeu: 10, fill: 0.3 },
      { blockId: 'Y2', boxes: 0, teu: 0, capacityTeu: 30, fill: 0 },
    ]);
  });

  it('counts trucks waiting at each gate lane and boxes at each inspection lane', () => {
    const events = [
      gate(0, 'V1', 'in', 'arrived'),
      gate(1, 'V2', 'in', 'arrived'),
      gate(2, 'V2', 'in', 'started'),
      inspection(0, 'X1', 'AAAU1', 'queued'),
      inspection(1, 'X1', 'BBBU2', 'queued'),
      inspection(2, 'X1', 'BBBU2', 'started'),
      inspection(3, 'X2', 'CCCU3', 'queued'),
      inspection(4, 'X2', 'CCCU3', 'started'),
      inspection(5, 'X2', 'CCCU3', 'completed'),
    ];
    expect(pictureOf(events, 10).lanes).toEqual([
      { laneId: 'G-in-01', waiting: 1, inService: 0 },
      { laneId: 'G-out-01', waiting: 0, inService: 0 },
      { laneId: 'X1', waiting: 1, inService: 1 },
      { laneId: 'X2', waiting: 0, inService: 0 },
    ]);
  });

  it('counts the flows of the last hour', () => {
    const events = [
      box(0, 'DISC', 'AAAU1', { facilityId: 'B1' }),
      box(5, 'DROP', 'AAAU1', { facilityId: 'Y1' }),
      box(70, 'DISC', 'BBBU2', { facilityId: 'B1' }),
      box(75, 'DROP', 'BBBU2', { facilityId: 'Y2' }),
    ];
    const picture = pictureOf(events, 80);
    expect(picture.flows).toEqual([{ fromId: 'B1', toId: 'Y2', boxes: 1 }]);
    expect(picture.flowWindowMs).toBe(3_600_000);
  });
});
