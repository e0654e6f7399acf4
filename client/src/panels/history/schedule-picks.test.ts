import { describe, expect, it } from 'vitest';
import type { ScheduledCall } from '../../../../protocol/history.ts';
import { callOfVessel, callsAtBerth } from './schedule-picks.ts';

const H = 3_600_000;
const call = (callId: string, fields: Partial<ScheduledCall>): ScheduledCall => ({
  callId,
  vesselImo: '9074729',
  mmsi: '477553000',
  movesDone: 0,
  ...fields,
});

describe('callOfVessel', () => {
  const departed = call('C1', { berthId: 'B1', atbMs: -20 * H, atdMs: -10 * H });
  const alongside = call('C2', { berthId: 'B2', atbMs: -2 * H });
  const coming = call('C3', { etaMs: 10 * H });

  it('prefers the call alongside, then the last one, then the next', () => {
    expect(callOfVessel([departed, alongside, coming], '477553000', 0)).toEqual({
      call: alongside,
      which: 'current',
    });
    expect(callOfVessel([coming, departed], '477553000', 0)).toEqual({
      call: departed,
      which: 'last',
    });
    expect(callOfVessel([coming], '477553000', 0)).toEqual({ call: coming, which: 'next' });
  });

  it('finds nothing for another vessel', () => {
    expect(callOfVessel([departed, alongside], '412345678', 0)).toBeUndefined();
  });
});

describe('callsAtBerth', () => {
  it('lists the berth’s calls in order of arrival, actual or estimated', () => {
    const a = call('A', { berthId: 'B1', etaMs: 5 * H });
    const b = call('B', { berthId: 'B1', atbMs: -5 * H, etaMs: -6 * H });
    const c = call('C', { berthId: 'B2', atbMs: 0 });
    expect(callsAtBerth([a, b, c], 'B1').map((x) => x.callId)).toEqual(['B', 'A']);
  });
});
