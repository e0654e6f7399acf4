import { describe, expect, it } from 'vitest';
import { ReplayClock, stepMsAt } from './replay-clock.ts';

const H = 3_600_000;
const DAY_START = Date.UTC(2026, 10, 30);
const DAY_END = DAY_START + 24 * H;

describe('ReplayClock', () => {
  it('stands still until played, then moves at its speed', () => {
    const clock = new ReplayClock(DAY_START, DAY_END, DAY_START + 6 * H, 60, 1_000);
    expect(clock.at(5_000)).toBe(DAY_START + 6 * H);
    clock.play(5_000);
    expect(clock.at(6_000)).toBe(DAY_START + 6 * H + 60_000);
    clock.setSpeed(3600, 6_000);
    expect(clock.at(7_000)).toBe(DAY_START + 6 * H + 60_000 + H);
    clock.pause(7_000);
    expect(clock.at(100_000)).toBe(DAY_START + 6 * H + 60_000 + H);
    expect(clock.state(100_000)).toMatchObject({ playing: false, speed: 3600 });
  });

  it('jumps on a seek and keeps playing from there', () => {
    const clock = new ReplayClock(DAY_START, DAY_END, DAY_START, 10, 0);
    clock.play(0);
    clock.seek(DAY_START + 14 * H, 2_000);
    expect(clock.at(3_000)).toBe(DAY_START + 14 * H + 10_000);
  });

  it('keeps to the day: a seek outside lands on its edge, playing stops at its end', () => {
    const clock = new ReplayClock(DAY_START, DAY_END, DAY_START - H, 3600, 0);
    expect(clock.at(0)).toBe(DAY_START);
    clock.seek(DAY_END + H, 0);
    expect(clock.at(0)).toBe(DAY_END);
    clock.seek(DAY_END - H / 2, 0);
    clock.play(0);
    expect(clock.state(1_000)).toMatchObject({ atMs: DAY_END, playing: false });
    // Play at the end starts the day again.
    clock.play(2_000);
    expect(clock.at(2_000)).toBe(DAY_START);
    expect(clock.state(3_000)).toMatchObject({ atMs: DAY_START + H, playing: true });
  });

  it('moves into another day', () => {
    const clock = new ReplayClock(DAY_START, DAY_END, DAY_START, 60, 0);
    clock.setSpan(DAY_END, DAY_END + 24 * H, DAY_END + 8 * H, 0);
    expect(clock.state(0)).toMatchObject({ fromMs: DAY_END, atMs: DAY_END + 8 * H });
  });

  it('steps a minute at slow speeds and ten seconds of play at fast ones', () => {
    expect(stepMsAt(1)).toBe(60_000);
    expect(stepMsAt(60)).toBe(600_000);
    expect(stepMsAt(3600)).toBe(10 * H);
  });
});
