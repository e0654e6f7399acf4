import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../protocol/alerts.ts';
import { sortAlerts } from './AlertList.tsx';

const alert = (id: string, severity: Alert['severity'], raisedAt: string): Alert => ({
  id,
  ruleId: 'equipment_fault',
  scope: `equipment:${id}`,
  severity,
  state: 'raised',
  value: 1,
  threshold: 0.5,
  unit: 'state',
  raisedAt,
});

describe('the order of the alert list', () => {
  it('puts the most severe first, and the newest first within a severity', () => {
    const sorted = sortAlerts([
      alert('w-old', 'warning', '2026-11-27T01:00:00Z'),
      alert('c-old', 'critical', '2026-11-27T00:00:00Z'),
      alert('w-new', 'warning', '2026-11-27T02:00:00Z'),
      alert('c-new', 'critical', '2026-11-27T03:00:00Z'),
      alert('i', 'info', '2026-11-27T04:00:00Z'),
    ]);
    expect(sorted.map((a) => a.id)).toEqual(['c-new', 'c-old', 'w-new', 'w-old', 'i']);
  });
});
