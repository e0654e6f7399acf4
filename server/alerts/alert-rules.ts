// The alert rules: what each watches, its thresholds with hysteresis, and its severity.
// Defaults follow common terminal practice (domain.md: berth occupancy above ~65-70 %
// queues vessels, yards above ~80 % rehandle); a port changes them with a JSON file
// named by QUAYSIDE_ALERT_RULES: { "<ruleId>": { "raiseAbove": n, ... }, ... }.
import { readFileSync } from 'node:fs';
import { ALERT_RULE_IDS, type AlertRuleId, type AlertSeverity } from '../../protocol/alerts.ts';
import { ConfigError } from '../config.ts';
import type { Hysteresis } from './condition-tracker.ts';

export interface AlertRule extends Hysteresis {
  id: AlertRuleId;
  severity: AlertSeverity;
  unit: string;
  enabled: boolean;
}

const MIN = 60_000;

export const DEFAULT_ALERT_RULES: Record<AlertRuleId, AlertRule> = {
  crane_idle_at_berth: {
    id: 'crane_idle_at_berth',
    severity: 'warning',
    unit: 's',
    enabled: true,
    raiseAbove: 10 * 60,
    clearBelow: 60,
    raiseAfterMs: 0,
    clearAfterMs: 0,
  },
  berth_occupancy_high: {
    id: 'berth_occupancy_high',
    severity: 'warning',
    unit: 'ratio',
    enabled: true,
    raiseAbove: 0.85,
    clearBelow: 0.8,
    raiseAfterMs: 15 * MIN,
    clearAfterMs: 15 * MIN,
  },
  yard_block_fill_high: {
    id: 'yard_block_fill_high',
    severity: 'warning',
    unit: 'ratio',
    enabled: true,
    raiseAbove: 0.85,
    clearBelow: 0.8,
    raiseAfterMs: 5 * MIN,
    clearAfterMs: 15 * MIN,
  },
  anchorage_wait_long: {
    id: 'anchorage_wait_long',
    severity: 'warning',
    unit: 's',
    enabled: true,
    raiseAbove: 6 * 3600,
    clearBelow: 6 * 3600,
    raiseAfterMs: 0,
    clearAfterMs: 0,
  },
  inspection_queue_long: {
    id: 'inspection_queue_long',
    severity: 'warning',
    unit: 'count',
    enabled: true,
    raiseAbove: 10,
    clearBelow: 6,
    raiseAfterMs: 5 * MIN,
    clearAfterMs: 10 * MIN,
  },
  inspection_wait_long: {
    id: 'inspection_wait_long',
    severity: 'warning',
    unit: 's',
    enabled: true,
    raiseAbove: 3600,
    clearBelow: 2700,
    raiseAfterMs: 5 * MIN,
    clearAfterMs: 10 * MIN,
  },
  truck_turn_p90_high: {
    id: 'truck_turn_p90_high',
    severity: 'warning',
    unit: 's',
    enabled: true,
    raiseAbove: 2 * 3600,
    clearBelow: 1.75 * 3600,
    raiseAfterMs: 10 * MIN,
    clearAfterMs: 20 * MIN,
  },
  equipment_fault: {
    id: 'equipment_fault',
    severity: 'critical',
    unit: 'state',
    enabled: true,
    raiseAbove: 0.5,
    clearBelow: 0.5,
    raiseAfterMs: 0,
    clearAfterMs: 0,
  },
  feed_silent: {
    id: 'feed_silent',
    severity: 'critical',
    unit: 's',
    enabled: true,
    raiseAbove: 60,
    clearBelow: 60,
    raiseAfterMs: 0,
    clearAfterMs: 0,
  },
};

const OVERRIDABLE = [
  'severity',
  'enabled',
  'raiseAbove',
  'clearBelow',
  'raiseAfterMs',
  'clearAfterMs',
] as const;

/** The rules in force: the defaults, with a file's overrides checked and applied. */
export function loadAlertRules(path: string | undefined): Record<AlertRuleId, AlertRule> {
  const rules = structuredClone(DEFAULT_ALERT_RULES);
  if (!path) return rules;
  let overrides: Record<string, Record<string, unknown>>;
  try {
    overrides = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Record<string, unknown>>;
  } catch (error) {
    throw new ConfigError(
      `alert rules ${path}: cannot read it as JSON: ${(error as Error).message}`,
    );
  }
  const problems: string[] = [];
  for (const [id, fields] of Object.entries(overrides)) {
    if (!(ALERT_RULE_IDS as readonly string[]).includes(id)) {
      problems.push(`unknown rule ${id}; rules are ${ALERT_RULE_IDS.join(', ')}`);
      continue;
    }
    const rule = rules[id as AlertRuleId] as unknown as Record<string, unknown>;
    for (const [field, value] of Object.entries(fields ?? {})) {
      if (!(OVERRIDABLE as readonly string[]).includes(field))
        problems.push(`${id}.${field} cannot be set`);
      else if (typeof value !== typeof rule[field])
        problems.push(`${id}.${field} must be a ${typeof rule[field]}`);
      else rule[field] = value;
    }
    const r = rules[id as AlertRuleId];
    if (r.clearBelow > r.raiseAbove)
      problems.push(`${id}: clearBelow must not be above raiseAbove`);
  }
  if (problems.length > 0)
    throw new Error(`alert rules ${path} are invalid:\n  ${problems.join('\n  ')}`);
  return rules;
}
