import { describe, expect, it } from 'vitest';
import { REPLAY_SPEEDS } from './replay-clock.ts';
import { EMIT_MS, frameStepAt, positionStepAt } from './replay-source.ts';

describe('what the replay reads at each speed', () => {
  it('reads every fix at slow speeds and about one fix per emit when fast', () => {
    expect(REPLAY_SPEEDS.map(positionStepAt)).toEqual([
      1_000, 1_000, 10_000, 60_000, 60_000, 300_000,
    ]);
    // Never coarser than the data time one emit covers: the map glides between fixes.
    for (const speed of REPLAY_SPEEDS)
      expect(positionStepAt(speed)).toBeLessThanOrEqual(Math.max(1_000, speed * EMIT_MS));
  });

  it('reads a frame of KPIs every two real seconds, and not more than one every five data seconds', () => {
    expect(REPLAY_SPEEDS.map(frameStepAt)).toEqual([
      5_000, 20_000, 120_000, 600_000, 1_800_000, 7_200_000,
    ]);
  });
});
