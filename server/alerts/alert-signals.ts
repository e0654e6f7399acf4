// Signals for the alert engine: one value per rule and subject, from what the server
// knows (feeds now; KPIs and the live port state as the KPI engine provides them).
import type { AlertSignal } from './alert-engine.ts';
import type { FeedMonitor } from './feed-monitor.ts';

export function feedSignals(feeds: FeedMonitor, nowMs: number): AlertSignal[] {
  return feeds.silences(nowMs).map(({ source, silentS }) => ({
    ruleId: 'feed_silent',
    scope: `feed:${source}`,
    value: silentS,
  }));
}
