import { describe, expect, it } from 'vitest';
import { stateFromJson, stateToJson } from './port-state-json.ts';
import {
  applyEvent,
  compareEvents,
  emptyPortState,
  foldEvents,
  inspectionKey,
} from './port-state.ts';
import { box, call, customs, gate, inspection, machine, min } from './test-support/events.ts';

describe('the fold', () => {
  it('keeps a box from its arrival until it leaves on GTOT or LOAD', () => {
    const state = foldEvents(emptyPortState(), [
      box(0, 'DISC', 'AAAU1', { flow: 'import', isoEquipmentCode: '45G1', callId: 'C1' }),
      box(10, 'DROP', 'AAAU1', { facilityId: 'Y1' }),
      box(0, 'GTIN', 'BBBU2', { flow: 'export' }),
    ]);
    expect(state.boxes.get('AAAU1')).toEqual({
      arrival: { atMs: min(0), by: 'DISC' },
      flow: 'import',
      isoCode: '45G1',
      inYard: true,
      blockId: 'Y1',
      yardInMs: min(10),
      customsReleased: false,
    });
    foldEvents(state, [
      box(20, 'PICK', 'AAAU1'),
      box(30, 'GTOT', 'AAAU1'),
      box(40, 'LOAD', 'BBBU2'),
    ]);
    expect(state.boxes.size).toBe(0);
  });

  it('keeps the first yard-in since arrival and the last pick through rehandles', () => {
    const state = foldEvents(emptyPortState(), [
      box(0, 'DISC', 'AAAU1'),
      box(10, 'DROP', 'AAAU1', { facilityId: 'Y1' }),
      box(50, 'PICK', 'AAAU1'),
      box(51, 'DROP', 'AAAU1', { facilityId: 'Y2' }),
      box(90, 'PICK', 'AAAU1'),
    ]);
    expect(state.boxes.get('AAAU1')).toMatchObject({
      inYard: false,
      yardInMs: min(10),
      yardOutMs: min(90),
    });
    expect(state.boxes.get('AAAU1')?.blockId).toBeUndefined();
  });

  it('records customs channel and release only for boxes in the terminal', () => {
    const state = foldEvents(emptyPortState(), [
      customs(0, 'EARLY', 'released', 'green'),
      box(5, 'DISC', 'AAAU1'),
      customs(6, 'AAAU1', 'selected_scan', 'yellow'),
      box(40, 'CUSR', 'AAAU1'),
    ]);
    expect(state.boxes.has('EARLY')).toBe(false);
    expect(state.boxes.get('AAAU1')).toMatchObject({
      customsChannel: 'yellow',
      customsReleased: true,
    });
  });

  it('opens a truck visit at the in-gate and closes it at out-gate completion or rejection', () => {
    const state = foldEvents(emptyPortState(), [
      gate(0, 'V1', 'in', 'arrived'),
      gate(2, 'V1', 'in', 'completed'),
      gate(1, 'V2', 'in', 'arrived'),
      gate(3, 'V2', 'in', 'rejected'),
      gate(5, 'V3', 'in', 'completed'),
    ]);
    expect([...state.visits]).toEqual([
      ['V1', { arrivedMs: min(0), inGateMs: min(2) }],
      ['V3', { inGateMs: min(5) }],
    ]);
    applyEvent(state, gate(40, 'V1', 'out', 'completed'));
    expect([...state.visits.keys()]).toEqual(['V3']);
  });

  it('knows the lane a truck queues at, in and out, until its transaction starts', () => {
    const state = foldEvents(emptyPortState(), [
      gate(0, 'V1', 'in', 'arrived', 'G-in-02'),
      gate(0, 'V2', 'in', 'arrived', 'G-in-02'),
    ]);
    const queuedAt = () => [...state.visits].map(([id, v]) => [id, v.queuedAtLaneId]);
    expect(queuedAt()).toEqual([
      ['V1', 'G-in-02'],
      ['V2', 'G-in-02'],
    ]);
    foldEvents(state, [
      gate(1, 'V1', 'in', 'started', 'G-in-02'),
      gate(2, 'V1', 'in', 'completed', 'G-in-02'),
      gate(30, 'V1', 'out', 'arrived', 'G-out-03'),
      // Never seen coming in: not a visit, so not in any queue.
      gate(31, 'V9', 'out', 'arrived', 'G-out-03'),
    ]);
    expect(queuedAt()).toEqual([
      ['V1', 'G-out-03'],
      ['V2', 'G-in-02'],
    ]);
    applyEvent(state, gate(32, 'V1', 'out', 'started', 'G-out-03'));
    expect(queuedAt()).toEqual([
      ['V1', undefined],
      ['V2', 'G-in-02'],
    ]);
  });

  it('tracks inspections from queue entry to completion', () => {
    const state = foldEvents(emptyPortState(), [
      inspection(0, 'X1', 'AAAU1', 'queued'),
      inspection(10, 'X1', 'AAAU1', 'started'),
      inspection(1, 'X2', 'BBBU2', 'queued'),
    ]);
    expect(state.inspections.get(inspectionKey('X1', 'AAAU1'))).toEqual({
      laneId: 'X1',
      queuedMs: min(0),
      startedMs: min(10),
    });
    applyEvent(state, inspection(20, 'X1', 'AAAU1', 'completed'));
    expect([...state.inspections.keys()]).toEqual([inspectionKey('X2', 'BBBU2')]);
  });

  it('keeps a call from its first actual timestamp until ATD-Berth, ignoring estimates', () => {
    const state = foldEvents(emptyPortState(), [
      call(-600, 'C1', 'ETA-Berth', 'B2'),
      call(0, 'C1', 'ATA-Anchorage'),
      call(60, 'C1', 'ATA-Berth', 'B1'),
      call(61, 'C1', 'ATA-Berth', 'B1'), // resent: the first report stands
      box(70, 'DISC', 'AAAU1', { callId: 'C1' }),
      box(80, 'LOAD', 'BBBU2', { callId: 'C1' }),
      box(85, 'LOAD', 'CCCU3', { callId: 'C1', eventClassifierCode: 'PLN' }),
    ]);
    expect(state.calls.get('C1')).toMatchObject({
      actual: { 'ATA-Anchorage': min(0), 'ATA-Berth': min(60) },
      berthId: 'B1',
      alongsideSinceMs: min(60),
      moves: 2,
      firstLiftMs: min(70),
      lastLiftMs: min(80),
    });
    applyEvent(state, call(200, 'C1', 'ATD-Berth'));
    expect(state.calls.size).toBe(0);
  });

  it('restarts the stay alongside when a call shifts to another berth', () => {
    const state = foldEvents(emptyPortState(), [
      call(0, 'C1', 'ATA-Berth', 'B1'),
      call(100, 'C1', 'ATA-Berth', 'B2'),
    ]);
    expect(state.calls.get('C1')).toMatchObject({
      actual: { 'ATA-Berth': min(0) },
      berthId: 'B2',
      alongsideSinceMs: min(100),
    });
  });

  it('integrates crane time allocated to a call from its first to its last lift', () => {
    const state = foldEvents(emptyPortState(), [
      machine(-10, 'QC1', 'sts', 'travelling_empty', 'C1'), // allocated before the call opens
      call(0, 'C1', 'ATA-Berth', 'B1'),
      machine(5, 'QC2', 'sts', 'working', 'C1'),
      box(10, 'DISC', 'AAAU1', { callId: 'C1' }), // first lift: 2 cranes from here
      machine(40, 'QC2', 'sts', 'idle'), // released: 1 crane
      box(70, 'LOAD', 'BBBU2', { callId: 'C1' }), // last lift
      machine(100, 'QC1', 'sts', 'idle'),
    ]);
    const c1 = state.calls.get('C1')!;
    expect(c1.cranes).toBe(0);
    // 2 cranes × 30 min + 1 crane × 30 min up to the last lift.
    expect(c1.craneMsToLastLift).toBe(90 * 60_000);
    expect(c1.craneMs).toBe(120 * 60_000);
  });

  it('knows each machine by its latest state', () => {
    const state = foldEvents(emptyPortState(), [
      machine(0, 'QC1', 'sts', 'working', 'C1'),
      machine(5, 'QC1', 'sts', 'fault', 'C1'),
    ]);
    expect(state.equipment.get('QC1')).toEqual({
      kind: 'sts',
      state: 'fault',
      callId: 'C1',
      sinceMs: min(5),
    });
  });
});

describe('event order', () => {
  it('is time order, ties by event id', () => {
    const a = { ...box(0, 'DISC', 'AAAU1'), eventId: 'b' };
    const b = { ...box(0, 'DROP', 'AAAU1'), eventId: 'a' };
    const c = box(-1, 'GTIN', 'BBBU2');
    expect([a, b, c].sort(compareEvents)).toEqual([c, b, a]);
  });
});

describe('JSON', () => {
  it('round-trips a state through JSON text', () => {
    const state = foldEvents(emptyPortState(), [
      machine(0, 'QC1', 'sts', 'working', 'C1'),
      call(0, 'C1', 'ATA-Berth', 'B1'),
      box(1, 'DISC', 'AAAU1', { callId: 'C1', flow: 'import' }),
      gate(2, 'V1', 'in', 'completed'),
      inspection(3, 'X1', 'AAAU1', 'queued'),
    ]);
    const back = stateFromJson(JSON.parse(JSON.stringify(stateToJson(state))));
    expect(back).toEqual(state);
  });

  it('refuses a state of another format', () => {
    expect(stateFromJson({ ...stateToJson(emptyPortState()), format: 0 })).toBeUndefined();
    expect(stateFromJson(null)).toBeUndefined();
  });
});
