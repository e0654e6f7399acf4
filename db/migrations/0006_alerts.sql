-- Alerts and their audit trail: raised -> acknowledged (who, when) -> resolved.
CREATE TABLE alert (
  id              text PRIMARY KEY,
  rule_id         text NOT NULL,
  scope           text NOT NULL,
  severity        text NOT NULL,
  state           text NOT NULL,
  value           double precision,
  threshold       double precision,
  unit            text NOT NULL,
  raised_at       timestamptz NOT NULL,
  acknowledged_at timestamptz,
  acknowledged_by text,
  resolved_at     timestamptz,
  resolved_by     text
);
-- At most one open alert per rule and subject.
CREATE UNIQUE INDEX alert_open_once ON alert (rule_id, scope) WHERE state <> 'resolved';
CREATE INDEX alert_raised ON alert (raised_at DESC);

CREATE TABLE alert_audit (
  alert_id text NOT NULL REFERENCES alert (id),
  time     timestamptz NOT NULL,
  action   text NOT NULL,
  actor    text NOT NULL,
  note     text
);
CREATE INDEX alert_audit_alert ON alert_audit (alert_id, time);
