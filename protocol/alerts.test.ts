import { describe, expect, it } from 'vitest';
import { alertAsAt, type Alert } from './alerts.ts';

const alert: Alert = {
  id: 'a1',
  ruleId: 'berth_occupancy_high',
  scope: 'berth:T1-B2',
  severity: 'warning',
  state: 'resolved',
  value: 0.97,
  threshold: 0.9,
  unit: 'ratio',
  raisedAt: '2026-11-30T02:00:00.000Z',
  acknowledgedAt: '2026-11-30T02:01:00.000Z',
  acknowledgedBy: 'duty manager',
  resolvedAt: '2026-11-30T03:00:00.000Z',
  resolvedBy: 'condition cleared',
};
const at = (iso: string) => alertAsAt(alert, Date.parse(iso));

describe('an alert as it stood at an instant', () => {
  it('is not there before it was raised, nor from its resolution on', () => {
    expect(at('2026-11-30T01:59:59.999Z')).toBeUndefined();
    expect(at('2026-11-30T03:00:00.000Z')).toBeUndefined();
  });

  it('is raised, without the later acknowledgement, until acknowledged', () => {
    const raised = at('2026-11-30T02:00:30.000Z');
    expect(raised).toMatchObject({ id: 'a1', state: 'raised' });
    expect(raised).not.toHaveProperty('acknowledgedAt');
    expect(raised).not.toHaveProperty('acknowledgedBy');
    expect(raised).not.toHaveProperty('resolvedAt');
  });

  it('is acknowledged, by whom, until resolved', () => {
    const { resolvedAt: _at, resolvedBy: _by, ...unresolved } = alert;
    expect(at('2026-11-30T02:30:00.000Z')).toStrictEqual({ ...unresolved, state: 'acknowledged' });
  });

  it('stays open to now when never resolved', () => {
    const { resolvedAt: _at, resolvedBy: _by, ...open } = alert;
    expect(alertAsAt({ ...open, state: 'raised' }, Date.parse('2026-12-30T00:00:00Z'))?.state).toBe(
      'acknowledged',
    );
  });
});
