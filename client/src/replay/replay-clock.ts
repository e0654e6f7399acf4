// The replay's one clock: an instant of the replayed day that moves at `speed` times real
// time while playing, stops at the day's end, and jumps on a seek. Every layer and panel
// reads this clock (through the data source), so they never disagree on "now".

export const REPLAY_SPEEDS = [1, 10, 60, 300, 900, 3600] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

export interface ClockState {
  fromMs: number;
  toMs: number;
  atMs: number;
  playing: boolean;
  speed: ReplaySpeed;
}

export class ReplayClock {
  private anchorAtMs: number;
  private anchorRealMs: number;
  private playingNow = false;
  private speedNow: ReplaySpeed;

  constructor(
    private fromMs: number,
    private toMs: number,
    atMs: number,
    speed: ReplaySpeed,
    realMs: number,
  ) {
    this.anchorAtMs = clamp(atMs, fromMs, toMs);
    this.anchorRealMs = realMs;
    this.speedNow = speed;
  }

  /** The replayed instant at real time realMs (performance.now()). */
  at(realMs: number): number {
    if (!this.playingNow) return this.anchorAtMs;
    return clamp(
      this.anchorAtMs + (realMs - this.anchorRealMs) * this.speedNow,
      this.fromMs,
      this.toMs,
    );
  }

  state(realMs: number): ClockState {
    const atMs = this.at(realMs);
    // Reaching the end stops the clock, so a play from there starts again from the end's instant.
    const playing = this.playingNow && atMs < this.toMs;
    return { fromMs: this.fromMs, toMs: this.toMs, atMs, playing, speed: this.speedNow };
  }

  play(realMs: number): void {
    if (this.at(realMs) >= this.toMs) this.seek(this.fromMs, realMs);
    this.reanchor(realMs);
    this.playingNow = true;
  }

  pause(realMs: number): void {
    this.reanchor(realMs);
    this.playingNow = false;
  }

  seek(atMs: number, realMs: number): void {
    this.anchorAtMs = clamp(atMs, this.fromMs, this.toMs);
    this.anchorRealMs = realMs;
  }

  setSpeed(speed: ReplaySpeed, realMs: number): void {
    this.reanchor(realMs);
    this.speedNow = speed;
  }

  /** Another day: the clock moves into its span. */
  setSpan(fromMs: number, toMs: number, atMs: number, realMs: number): void {
    this.fromMs = fromMs;
    this.toMs = toMs;
    this.seek(atMs, realMs);
  }

  private reanchor(realMs: number): void {
    this.anchorAtMs = this.at(realMs);
    this.anchorRealMs = realMs;
  }
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, value));

/** How far one press of step forward or back moves: a minute, or ten real seconds of play. */
export function stepMsAt(speed: ReplaySpeed): number {
  return Math.max(60_000, speed * 10_000);
}
