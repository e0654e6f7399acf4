import { describe, expect, it } from 'vitest';
import { EventSink } from './event-sink.ts';

const state = (equipmentId: string, state: 'idle' | 'working', time: number) =>
  ({ type: 'equipment_state', time, equipmentId, kind: 'sts', state }) as const;
const call = (callId: string, timestamp: 'ATA-Berth' | 'ATS-Cargo Ops', time: number) =>
  ({ type: 'port_call', time, callId, timestamp, vesselImo: '9074729' }) as const;

describe('EventSink', () => {
  it('numbers events with run-scoped ids and hands them over in order', () => {
    const sink = new EventSink('S1-abc');
    sink.endWarmUp(0);
    sink.emit(state('QC1', 'idle', 1));
    sink.emit(state('QC1', 'working', 2));
    expect(sink.take().map((e) => e.eventId)).toEqual(['S1-abc-E1', 'S1-abc-E2']);
    expect(sink.take()).toEqual([]);
  });

  it('outputs nothing of the warm-up but the state at its end, machines as of that moment', () => {
    const sink = new EventSink('S1-abc');
    sink.emit(state('QC1', 'idle', 1));
    sink.emit(state('QC1', 'working', 5));
    sink.emit(state('QC2', 'idle', 3));
    sink.emit(call('C1', 'ATA-Berth', 2));
    sink.emit(call('C1', 'ATS-Cargo Ops', 4));
    sink.emit(call('C0', 'ATA-Berth', 1));
    sink.callLeft('C0');
    expect(sink.take()).toEqual([]);
    sink.endWarmUp(10, [{ ...state('YC1', 'working', 6) }]);
    const history = sink.take();
    expect(history.map((e) => [e.type, e.time])).toEqual([
      ['port_call', 2],
      ['port_call', 4],
      ['equipment_state', 6], // the inventory keeps its own time
      ['equipment_state', 10],
      ['equipment_state', 10],
    ]);
    expect(
      history
        .filter((e) => e.time === 10)
        .map((e) => e.type === 'equipment_state' && [e.equipmentId, e.state]),
    ).toEqual([
      ['QC1', 'working'],
      ['QC2', 'idle'],
    ]);
  });
});
