import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../protocol/events.ts';
import { call, machine, min } from '../kpi/test-support/events.ts';
import { emptyPortState, foldEvents } from '../kpi/port-state.ts';
import { stateSignals } from './alert-signals.ts';

const signalsAt = (minutes: number, events: StoredEvent[]) =>
  stateSignals(foldEvents(emptyPortState(), events), min(minutes));

const valueFor = (signals: ReturnType<typeof stateSignals>, ruleId: string, scope: string) =>
  signals.find((s) => s.ruleId === ruleId && s.scope === scope)?.value;

describe('signals from the port state', () => {
  const worked = [
    call(0, 'C1', 'ATA-Berth', 'B1'),
    call(10, 'C1', 'ATS-Cargo Ops'),
    machine(10, 'QC01', 'sts', 'working', 'C1'),
    machine(30, 'QC01', 'sts', 'idle', 'C1'),
    machine(10, 'QC02', 'sts', 'working', 'C1'),
  ];

  it('times a quay crane standing idle while its vessel is worked', () => {
    const signals = signalsAt(42, worked);
    expect(valueFor(signals, 'crane_idle_at_berth', 'crane:QC01')).toBe(12 * 60);
    expect(valueFor(signals, 'crane_idle_at_berth', 'crane:QC02')).toBe(0);
  });

  it('does not count a crane idle once the call’s cargo operations are complete, or with no call', () => {
    const done = signalsAt(60, [...worked, call(50, 'C1', 'ATC-Cargo Ops')]);
    expect(valueFor(done, 'crane_idle_at_berth', 'crane:QC01')).toBe(0);
    const spare = signalsAt(60, [machine(0, 'QC09', 'sts', 'idle')]);
    expect(valueFor(spare, 'crane_idle_at_berth', 'crane:QC09')).toBe(0);
  });

  it('times a vessel at anchor until it heaves up, then reads 0 so its alert clears', () => {
    const anchored = [call(0, 'C2', 'ATA-PBP'), call(20, 'C2', 'ATA-Anchorage')];
    expect(valueFor(signalsAt(80, anchored), 'anchorage_wait_long', 'call:C2')).toBe(3600);
    const underWay = [...anchored, call(90, 'C2', 'ATD-Anchorage')];
    expect(valueFor(signalsAt(95, underWay), 'anchorage_wait_long', 'call:C2')).toBe(0);
    // A call that went straight to its berth is no subject of the rule.
    expect(valueFor(signalsAt(95, worked), 'anchorage_wait_long', 'call:C1')).toBeUndefined();
  });

  it('flags every piece of equipment in fault, and reads 0 for the others', () => {
    const signals = signalsAt(20, [
      machine(0, 'AGV07', 'agv', 'fault'),
      machine(0, 'YC03', 'yard_crane', 'working'),
      machine(5, 'AGV08', 'agv', 'fault'),
      machine(15, 'AGV08', 'agv', 'idle'),
    ]);
    expect(valueFor(signals, 'equipment_fault', 'equipment:AGV07')).toBe(1);
    expect(valueFor(signals, 'equipment_fault', 'equipment:YC03')).toBe(0);
    expect(valueFor(signals, 'equipment_fault', 'equipment:AGV08')).toBe(0);
  });
});
