// Turns signals (a value per rule and subject, computed elsewhere from KPIs, live state
// and feeds) into alert lifecycle steps: hysteresis decides, the store records, and every
// change is handed on (to the live channel). Signals for subjects that recover must keep
// coming (with a low value) so their alerts can clear.
import type { Alert, AlertRuleId } from '../../protocol/alerts.ts';
import type { AlertRule } from './alert-rules.ts';
import { CONDITION_CLEARED, type AlertStore } from './alert-store.ts';
import { ConditionTracker } from './condition-tracker.ts';

export interface AlertSignal {
  ruleId: AlertRuleId;
  scope: string;
  value: number | null;
}

const keyOf = (ruleId: string, scope: string) => `${ruleId}|${scope}`;

export class AlertEngine {
  private readonly trackers: Map<AlertRuleId, ConditionTracker>;
  /** Open alert ids by rule and scope, to resolve the right one when a condition clears. */
  private readonly openIds = new Map<string, string>();
  private evaluating: Promise<void> | undefined;

  constructor(
    private readonly store: AlertStore,
    private readonly rules: Record<AlertRuleId, AlertRule>,
    private readonly onChange: (alert: Alert) => void,
  ) {
    this.trackers = new Map(
      Object.values(rules).map((rule) => [rule.id, new ConditionTracker(rule)] as const),
    );
  }

  /** Picks up the alerts left open by a previous run, so they can still clear. */
  async restore(): Promise<void> {
    for (const alert of await this.store.open()) {
      this.openIds.set(keyOf(alert.ruleId, alert.scope), alert.id);
      this.trackers.get(alert.ruleId)?.restore(alert.scope);
    }
  }

  /** Evaluations never overlap: a slow database delays the next one instead of racing it. */
  evaluate(signals: readonly AlertSignal[], nowMs: number): Promise<void> {
    if (this.evaluating) return this.evaluating;
    this.evaluating = this.run(signals, nowMs).finally(() => (this.evaluating = undefined));
    return this.evaluating;
  }

  private async run(signals: readonly AlertSignal[], nowMs: number): Promise<void> {
    for (const signal of signals) {
      const rule = this.rules[signal.ruleId];
      if (!rule.enabled) continue;
      const transition = this.trackers
        .get(signal.ruleId)!
        .update(signal.scope, signal.value, nowMs);
      const key = keyOf(signal.ruleId, signal.scope);
      if (transition === 'raise') {
        const { alert } = await this.store.raise({
          ruleId: rule.id,
          scope: signal.scope,
          severity: rule.severity,
          value: signal.value,
          threshold: rule.raiseAbove,
          unit: rule.unit,
          atMs: nowMs,
        });
        this.openIds.set(key, alert.id);
        this.onChange(alert);
      } else if (transition === 'clear') {
        const id = this.openIds.get(key);
        this.openIds.delete(key);
        if (!id) continue;
        const alert = await this.store
          .resolve(id, CONDITION_CLEARED, undefined, nowMs)
          .catch(() => undefined);
        if (alert) this.onChange(alert); // resolved by hand meanwhile: nothing to do
      }
    }
  }

  /** A person resolved an alert by hand: forget it, so a recurrence raises a new one. */
  forget(alert: Alert): void {
    if (alert.state === 'resolved') this.openIds.delete(keyOf(alert.ruleId, alert.scope));
  }
}
