import { describe, expect, it } from 'vitest';
import { HOUR_MS, hourlyMoves, stateSpans } from './equipment-history.ts';

describe('stateSpans', () => {
  it('makes each change last until the next, the last one open', () => {
    expect(
      stateSpans([
        { timeMs: 0, state: 'idle' },
        { timeMs: 10, state: 'working', callId: 'C1' },
        { timeMs: 25, state: 'fault', reason: 'spreader' },
      ]),
    ).toEqual([
      { state: 'idle', fromMs: 0, toMs: 10 },
      { state: 'working', fromMs: 10, toMs: 25, callId: 'C1' },
      { state: 'fault', fromMs: 25, reason: 'spreader' },
    ]);
  });

  it('continues a span that a repeated state does not change, and ends the last at a later change', () => {
    expect(
      stateSpans(
        [
          { timeMs: 0, state: 'working' },
          { timeMs: 5, state: 'working' },
          { timeMs: 9, state: 'waiting', reason: 'waiting for truck' },
          { timeMs: 12, state: 'waiting', reason: 'waiting for AGV' },
        ],
        30,
      ),
    ).toEqual([
      { state: 'working', fromMs: 0, toMs: 9 },
      { state: 'waiting', fromMs: 9, toMs: 12, reason: 'waiting for truck' },
      { state: 'waiting', fromMs: 12, toMs: 30, reason: 'waiting for AGV' },
    ]);
  });

  it('lets the later of two changes at one instant stand, merging with the span before', () => {
    expect(
      stateSpans([
        { timeMs: 0, state: 'working' },
        { timeMs: 5, state: 'idle' },
        { timeMs: 5, state: 'working' },
      ]),
    ).toEqual([{ state: 'working', fromMs: 0 }]);
    expect(stateSpans([])).toEqual([]);
  });
});

describe('hourlyMoves', () => {
  it('covers every hour of the window, zeros included', () => {
    const from = 10 * HOUR_MS + 1_000;
    const counts = new Map([[11 * HOUR_MS, 7]]);
    expect(hourlyMoves(counts, from, 12 * HOUR_MS + 5)).toEqual([
      { hourMs: 10 * HOUR_MS, moves: 0 },
      { hourMs: 11 * HOUR_MS, moves: 7 },
      { hourMs: 12 * HOUR_MS, moves: 0 },
    ]);
  });
});
