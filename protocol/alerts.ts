// Alerts: raised by rules, acknowledged by a person (who, when), resolved when the
// condition clears or by hand, each step kept in an audit trail. The guidance asks for
// closed-loop supervision: nothing raised disappears without a trace.
import Type, { type Static } from 'typebox';

export const ALERT_RULE_IDS = [
  'crane_idle_at_berth',
  'berth_occupancy_high',
  'yard_block_fill_high',
  'anchorage_wait_long',
  'inspection_queue_long',
  'inspection_wait_long',
  'truck_turn_p90_high',
  'equipment_fault',
  'feed_silent',
] as const;
export type AlertRuleId = (typeof ALERT_RULE_IDS)[number];

export const ALERT_STATES = ['raised', 'acknowledged', 'resolved'] as const;
export type AlertState = (typeof ALERT_STATES)[number];
export const ALERT_SEVERITIES = ['info', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const Alert = Type.Object({
  id: Type.String(),
  ruleId: Type.Enum([...ALERT_RULE_IDS]),
  /** What it is about: "port", "berth:T1-B3", "crane:QC07", "lane:X2", "feed:ais" ... */
  scope: Type.String(),
  severity: Type.Enum([...ALERT_SEVERITIES]),
  state: Type.Enum([...ALERT_STATES]),
  /** The value that raised it and the threshold it crossed, in the rule's unit. */
  value: Type.Union([Type.Number(), Type.Null()]),
  threshold: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.String(),
  raisedAt: Type.String({ format: 'date-time' }),
  acknowledgedAt: Type.Optional(Type.String({ format: 'date-time' })),
  acknowledgedBy: Type.Optional(Type.String()),
  resolvedAt: Type.Optional(Type.String({ format: 'date-time' })),
  /** "condition cleared", or the person who resolved it by hand. */
  resolvedBy: Type.Optional(Type.String()),
});
export type Alert = Static<typeof Alert>;

export const AlertAuditEntry = Type.Object({
  time: Type.String({ format: 'date-time' }),
  action: Type.Enum(['raised', 'acknowledged', 'resolved', 'value']),
  actor: Type.String(),
  note: Type.Optional(Type.String()),
});
export type AlertAuditEntry = Static<typeof AlertAuditEntry>;

export const AlertList = Type.Object({ alerts: Type.Array(Alert) });

export const AlertAction = Type.Object(
  {
    /** Who acts (until sign-in arrives, the client names the person). */
    actor: Type.String({ minLength: 1, maxLength: 80 }),
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type AlertAction = Static<typeof AlertAction>;

/** What each rule is called, for people (the scope and value say which and how much). */
export const ALERT_RULE_NAMES: Record<AlertRuleId, { en: string; 'zh-CN': string }> = {
  crane_idle_at_berth: { en: 'Quay crane idle at a worked berth', 'zh-CN': '岸桥作业中闲置' },
  berth_occupancy_high: { en: 'Berth occupancy high', 'zh-CN': '泊位占用率过高' },
  yard_block_fill_high: { en: 'Yard block nearly full', 'zh-CN': '堆场箱区将满' },
  anchorage_wait_long: { en: 'Long wait at anchorage', 'zh-CN': '锚地等待过久' },
  inspection_queue_long: { en: 'Inspection lane queue long', 'zh-CN': '查验通道排队过长' },
  inspection_wait_long: { en: 'Inspection wait long', 'zh-CN': '查验等待过久' },
  truck_turn_p90_high: { en: 'Truck turn time (P90) high', 'zh-CN': '集卡周转时间（P90）过长' },
  equipment_fault: { en: 'Equipment fault', 'zh-CN': '设备故障' },
  feed_silent: { en: 'Feed silent', 'zh-CN': '数据源中断' },
};

/**
 * An alert as it stood at atMs: undefined unless it was open then (raised at or before,
 * not yet resolved); an acknowledgement made later is not shown yet. Replay uses it to
 * show the alert list of a past instant from the alerts of a window.
 */
export function alertAsAt(alert: Alert, atMs: number): Alert | undefined {
  if (Date.parse(alert.raisedAt) > atMs) return undefined;
  if (alert.resolvedAt !== undefined && Date.parse(alert.resolvedAt) <= atMs) return undefined;
  const { resolvedAt: _resolvedAt, resolvedBy: _resolvedBy, ...open } = alert;
  if (alert.acknowledgedAt !== undefined && Date.parse(alert.acknowledgedAt) <= atMs)
    return { ...open, state: 'acknowledged' };
  const { acknowledgedAt: _at, acknowledgedBy: _by, ...raised } = open;
  return { ...raised, state: 'raised' };
}
