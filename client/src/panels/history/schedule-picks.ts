// What the details pane shows of the berth schedule: a vessel's call (the one alongside,
// else the last one, else the next), and a berth's calls in order of arrival.
import type { ScheduledCall } from '../../../../protocol/history.ts';

export type WhichCall = 'current' | 'last' | 'next';

const startOf = (call: ScheduledCall) => call.atbMs ?? call.etaMs ?? Infinity;

export function callOfVessel(
  calls: readonly ScheduledCall[],
  mmsi: string,
  nowMs: number,
): { call: ScheduledCall; which: WhichCall } | undefined {
  const own = calls.filter((c) => c.mmsi === mmsi).sort((a, b) => startOf(a) - startOf(b));
  const alongside = own.filter((c) => c.atbMs !== undefined && c.atdMs === undefined).at(-1);
  if (alongside) return { call: alongside, which: 'current' };
  const left = own.filter((c) => c.atdMs !== undefined && c.atdMs <= nowMs).at(-1);
  if (left) return { call: left, which: 'last' };
  const next = own.find((c) => c.atbMs === undefined);
  return next && { call: next, which: 'next' };
}

export function callsAtBerth(calls: readonly ScheduledCall[], berthId: string): ScheduledCall[] {
  return calls.filter((c) => c.berthId === berthId).sort((a, b) => startOf(a) - startOf(b));
}
