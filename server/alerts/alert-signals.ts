// Signals for the alert engine: one value per rule and subject, from what the server
// knows: feeds, the live KPIs, and the live port state the KPI engine folds.
import type { KpiValue } from '../../protocol/kpi.ts';
import type { PortState } from '../kpi/port-state.ts';
import type { AlertSignal } from './alert-engine.ts';
import type { FeedMonitor } from './feed-monitor.ts';

export function feedSignals(feeds: FeedMonitor, nowMs: number): AlertSignal[] {
  return feeds.silences(nowMs).map(({ source, silentS }) => ({
    ruleId: 'feed_silent',
    scope: `feed:${source}`,
    value: silentS,
  }));
}

/** Which KPI (and scope kind) each KPI-watching rule reads. */
const KPI_RULES: { ruleId: AlertSignal['ruleId']; kpi: string; scope: RegExp }[] = [
  { ruleId: 'berth_occupancy_high', kpi: 'berth.occupancy', scope: /^berth:/ },
  { ruleId: 'yard_block_fill_high', kpi: 'yard.utilisation', scope: /^block:/ },
  { ruleId: 'inspection_queue_long', kpi: 'inspection.queue', scope: /^lane:/ },
  { ruleId: 'inspection_wait_long', kpi: 'inspection.wait', scope: /^lane:/ },
  { ruleId: 'truck_turn_p90_high', kpi: 'gate.turn_time_p90', scope: /^port$/ },
];

export function kpiSignals(kpis: readonly KpiValue[]): AlertSignal[] {
  return KPI_RULES.flatMap(({ ruleId, kpi, scope }) =>
    kpis
      .filter((k) => k.id === kpi && scope.test(k.scope))
      .map((k) => ({ ruleId, scope: k.scope, value: k.value })),
  );
}

/** States in which a quay crane allocated to a working call is not moving boxes. */
const STANDING_STATES = new Set(['idle', 'waiting']);

/**
 * From the port's state: how long each quay crane has stood idle while its vessel is
 * worked (alongside, cargo operations started and not completed), how long each vessel
 * has lain at anchor, and which equipment is in fault. Every subject gets a value each
 * time, 0 when the condition is absent, so its alert can clear.
 */
export function stateSignals(state: PortState, nowMs: number): AlertSignal[] {
  const signals: AlertSignal[] = [];
  const seconds = (sinceMs: number) => Math.max(0, (nowMs - sinceMs) / 1000);
  for (const [id, machine] of state.equipment) {
    signals.push({
      ruleId: 'equipment_fault',
      scope: `equipment:${id}`,
      value: machine.state === 'fault' ? 1 : 0,
    });
    if (machine.kind !== 'sts') continue;
    const call = machine.callId === undefined ? undefined : state.calls.get(machine.callId);
    const beingWorked =
      call?.alongsideSinceMs !== undefined &&
      call.actual['ATS-Cargo Ops'] !== undefined &&
      call.actual['ATC-Cargo Ops'] === undefined;
    signals.push({
      ruleId: 'crane_idle_at_berth',
      scope: `crane:${id}`,
      value: beingWorked && STANDING_STATES.has(machine.state) ? seconds(machine.sinceMs) : 0,
    });
  }
  for (const [callId, call] of state.calls) {
    const anchoredMs = call.actual['ATA-Anchorage'];
    if (anchoredMs === undefined) continue;
    const atAnchor = call.actual['ATD-Anchorage'] === undefined;
    signals.push({
      ruleId: 'anchorage_wait_long',
      scope: `call:${callId}`,
      value: atAnchor ? seconds(anchoredMs) : 0,
    });
  }
  return signals;
}
