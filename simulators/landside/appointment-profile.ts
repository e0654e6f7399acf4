// When hauliers come: gate appointments follow the working day in the port's own time
// zone, with a morning and an afternoon peak, a dip at lunch and a quiet night.
import type { Rng } from '../rng.ts';

/** Relative arrivals by local hour, 00-01 first. */
const WEIGHT_BY_LOCAL_HOUR = [
  0.35, 0.3, 0.25, 0.25, 0.3, 0.5, 0.8, 1.2, 1.6, 1.7, 1.6, 1.3, 1.0, 1.3, 1.6, 1.6, 1.5, 1.2, 1.0,
  0.9, 0.8, 0.7, 0.6, 0.45,
];
const MEAN_WEIGHT = WEIGHT_BY_LOCAL_HOUR.reduce((a, b) => a + b, 0) / 24;
const MAX_WEIGHT = Math.max(...WEIGHT_BY_LOCAL_HOUR);
const HOUR = 3_600_000;

export class AppointmentProfile {
  private readonly format: Intl.DateTimeFormat;
  private readonly hourCache = new Map<number, number>();

  constructor(timeZone: string) {
    this.format = new Intl.DateTimeFormat('en-GB', { timeZone, hour: 'numeric', hourCycle: 'h23' });
  }

  private localHour(timeMs: number): number {
    const hourStart = Math.floor(timeMs / HOUR) * HOUR;
    let hour = this.hourCache.get(hourStart);
    if (hour === undefined) {
      hour = Number(this.format.format(hourStart)) % 24;
      this.hourCache.set(hourStart, hour);
    }
    return hour;
  }

  /** Arrivals at this instant relative to the daily average (1). */
  intensity(timeMs: number): number {
    return WEIGHT_BY_LOCAL_HOUR[this.localHour(timeMs)]! / MEAN_WEIGHT;
  }

  /** An arrival time in [fromMs, toMs), more likely in busy hours. */
  sampleBetween(fromMs: number, toMs: number, rng: Rng): number {
    for (;;) {
      const t = rng.between(fromMs, toMs);
      if (rng.next() * MAX_WEIGHT < WEIGHT_BY_LOCAL_HOUR[this.localHour(t)]!) return t;
    }
  }

  /** Arrival times of a Poisson stream averaging `perDay`, following the profile. */
  stream(fromMs: number, toMs: number, perDay: number, rng: Rng): number[] {
    const peakPerMs = (perDay / (24 * HOUR)) * (MAX_WEIGHT / MEAN_WEIGHT);
    const times: number[] = [];
    for (
      let t = fromMs + rng.exponential(1 / peakPerMs);
      t < toMs;
      t += rng.exponential(1 / peakPerMs)
    )
      if (rng.next() * MAX_WEIGHT < WEIGHT_BY_LOCAL_HOUR[this.localHour(t)]!) times.push(t);
    return times;
  }
}
