import { describe, expect, it } from 'vitest';
import { stateColour, stripPieces } from './state-strip.ts';

const H = 3_600_000;

describe('stripPieces', () => {
  it('clips the span in force at the start and ends the open one with the window', () => {
    const spans = [
      { state: 'idle', fromMs: -2 * H, toMs: 1 * H },
      { state: 'working', fromMs: 1 * H, toMs: 3 * H },
      { state: 'fault', fromMs: 3 * H },
    ];
    const pieces = stripPieces(spans, 0, 4 * H);
    expect(pieces.map((p) => [p.span.state, p.from, p.to])).toEqual([
      ['idle', 0, 1 / 4],
      ['working', 1 / 4, 3 / 4],
      ['fault', 3 / 4, 1],
    ]);
  });

  it('drops spans wholly outside the window', () => {
    const spans = [
      { state: 'idle', fromMs: -3 * H, toMs: -1 * H },
      { state: 'working', fromMs: 5 * H, toMs: 6 * H },
      { state: 'fault', fromMs: 4 * H },
    ];
    expect(stripPieces(spans, 0, 4 * H)).toEqual([]);
  });
});

describe('stateColour', () => {
  it('uses the map colours and grey for an unknown state', () => {
    expect(stateColour('working')).toBe('rgb(46, 204, 113)');
    expect(stateColour('dancing')).toBe('rgb(90, 100, 110)');
  });
});
