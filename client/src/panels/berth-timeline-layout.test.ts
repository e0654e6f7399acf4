import { describe, expect, it } from 'vitest';
import type { ScheduledCall } from '../../../protocol/history.ts';
import {
  ASSUMED_STAY_MS,
  axisTicks,
  isLate,
  layoutTimeline,
  progressOf,
  zoneOffsetMs,
} from './berth-timeline-layout.ts';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const at = (hours: number) => NOW + hours * H;
/** A fraction of the 48 h window, from hours relative to now. */
const x = (hours: number) => (hours + 24) / 48;

const call = (callId: string, fields: Partial<ScheduledCall>): ScheduledCall => ({
  callId,
  vesselImo: '9074729',
  vesselName: callId,
  movesDone: 0,
  ...fields,
});

describe('layoutTimeline', () => {
  it('has a row per berth in the model’s order, and one more only for calls with no berth', () => {
    const alongside = call('A', { berthId: 'B2', atbMs: at(-2), etaMs: at(-2), etdMs: at(10) });
    expect(layoutTimeline(['B1', 'B2'], [alongside], NOW).rows.map((r) => r.berthId)).toEqual([
      'B1',
      'B2',
    ]);
    const coming = call('C', { etaMs: at(5) });
    const elsewhere = call('E', { berthId: 'X9', etaMs: at(6) });
    const layout = layoutTimeline(['B1', 'B2'], [alongside, coming, elsewhere], NOW);
    expect(layout.rows.map((r) => r.berthId)).toEqual(['B1', 'B2', undefined]);
    expect(layout.rows[2]!.bars.map((b) => b.call.callId)).toEqual(['C', 'E']);
    expect(layout.now).toBe(0.5);
  });

  it('draws an alongside call solid from ATB to now, planned from ETA to ETD, with progress', () => {
    const alongside = call('A', {
      berthId: 'B1',
      etaMs: at(-3),
      atbMs: at(-2),
      etdMs: at(10),
      plannedMoves: 400,
      movesDone: 100,
    });
    const [bar] = layoutTimeline(['B1'], [alongside], NOW).rows[0]!.bars;
    expect(bar!.extent).toEqual({ from: x(-2), to: x(10) });
    expect(bar!.actual).toEqual({ from: x(-2), to: x(0) });
    expect(bar!.planned).toEqual({ from: x(-3), to: x(10) });
    expect(bar!.progress).toBe(0.25);
    expect(bar!.late).toBe(false);
  });

  it('ends a departed call at its ATD, and clips what lies outside the window', () => {
    const departed = call('D', {
      berthId: 'B1',
      etaMs: at(-40),
      atbMs: at(-30),
      atdMs: at(-4),
      etdMs: at(-6),
    });
    const [bar] = layoutTimeline(['B1'], [departed], NOW).rows[0]!.bars;
    expect(bar!.extent).toEqual({ from: 0, to: x(-4) });
    expect(bar!.actual).toEqual({ from: 0, to: x(-4) });
  });

  it('plans a call with only an ETA for an assumed stay, and leaves out calls outside the window', () => {
    const coming = call('C', { berthId: 'B1', etaMs: at(20) });
    const [bar] = layoutTimeline(['B1'], [coming], NOW).rows[0]!.bars;
    expect(bar!.actual).toBeUndefined();
    expect(bar!.extent).toEqual({ from: x(20), to: 1 });
    expect(at(20) + ASSUMED_STAY_MS).toBeGreaterThan(at(24));
    const gone = call('G', { berthId: 'B1', atbMs: at(-50), atdMs: at(-30) });
    const later = call('L', { berthId: 'B1', etaMs: at(30) });
    const unplaceable = call('U', { berthId: 'B1', atdMs: at(-1) });
    expect(layoutTimeline(['B1'], [gone, later, unplaceable], NOW).rows[0]!.bars).toEqual([]);
  });

  it('gives overlapping calls at one berth lanes of their own, and reuses a lane once free', () => {
    const first = call('1', { berthId: 'B1', atbMs: at(-10), atdMs: at(-2) });
    const second = call('2', { berthId: 'B1', atbMs: at(-5), etdMs: at(5) });
    const third = call('3', { berthId: 'B1', etaMs: at(6), etdMs: at(12) });
    const row = layoutTimeline(['B1'], [third, second, first], NOW).rows[0]!;
    expect(row.lanes).toBe(2);
    expect(Object.fromEntries(row.bars.map((b) => [b.call.callId, b.lane]))).toEqual({
      '1': 0,
      '2': 1,
      '3': 0,
    });
  });
});

describe('isLate and progressOf', () => {
  it('is late past its ETD while still alongside, or when berthed more than an hour after its ETA', () => {
    expect(isLate(call('a', { atbMs: at(-10), etdMs: at(-1) }), NOW)).toBe(true);
    expect(isLate(call('b', { atbMs: at(-10), etdMs: at(-1), atdMs: at(-0.5) }), NOW)).toBe(false);
    expect(isLate(call('c', { etaMs: at(-5), atbMs: at(-3.9) }), NOW)).toBe(true);
    expect(isLate(call('d', { etaMs: at(-5), atbMs: at(-4.1), etdMs: at(3) }), NOW)).toBe(false);
    expect(isLate(call('e', { etaMs: at(-5) }), NOW)).toBe(false); // not arrived: no ATB to judge
  });

  it('has no progress without planned moves and never shows more than all of it', () => {
    expect(progressOf(call('a', { movesDone: 5 }))).toBeUndefined();
    expect(progressOf(call('b', { movesDone: 5, plannedMoves: 0 }))).toBeUndefined();
    expect(progressOf(call('c', { movesDone: 12, plannedMoves: 10 }))).toBe(1);
  });
});

describe('axis ticks in port time', () => {
  it('knows a zone’s offset', () => {
    expect(zoneOffsetMs('Asia/Shanghai', NOW)).toBe(8 * H);
    expect(zoneOffsetMs('UTC', NOW)).toBe(0);
    expect(zoneOffsetMs('America/New_York', NOW)).toBe(-5 * H);
    expect(zoneOffsetMs('Asia/Kolkata', NOW)).toBe(5.5 * H);
  });

  it('puts ticks on whole six hours of port time', () => {
    const ticks = axisTicks(at(-24), at(24), 6 * H, 8 * H);
    // NOW is 20:00 in Shanghai: ticks at 00:00, 06:00, ... local, i.e. 16:00, 22:00 UTC.
    expect(ticks).toHaveLength(8);
    expect(new Date(ticks[0]!.timeMs).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(ticks[0]!.at).toBeCloseTo(4 / 48);
  });
});
