// Signals for the alert engine: one value per rule and subject, from what the server
// knows (feeds now; KPIs and the live port state as the KPI engine provides them).
import type { KpiValue } from '../../protocol/kpi.ts';
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
