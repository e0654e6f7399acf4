import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.ts';
import { AppointmentProfile } from './appointment-profile.ts';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 27);

describe('AppointmentProfile', () => {
  const profile = new AppointmentProfile('Asia/Shanghai');

  it('peaks in the local morning, not the UTC one', () => {
    // 09:30 in Shanghai is 01:30 UTC; 03:30 in Shanghai is 19:30 UTC the day before.
    expect(profile.intensity(T0 + 1.5 * 3_600_000)).toBeGreaterThan(1.5);
    expect(profile.intensity(T0 - 4.5 * 3_600_000)).toBeLessThan(0.4);
  });

  it('averages the daily rate asked for over a week', () => {
    const times = profile.stream(T0, T0 + 7 * DAY, 2_000, createRng(1));
    expect(times.length / 7).toBeGreaterThan(1_900);
    expect(times.length / 7).toBeLessThan(2_100);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('draws times within the window, mostly in busy hours', () => {
    const rng = createRng(2);
    const times = Array.from({ length: 5_000 }, () => profile.sampleBetween(T0, T0 + DAY, rng));
    expect(times.every((t) => t >= T0 && t < T0 + DAY)).toBe(true);
    const busy = times.filter((t) => profile.intensity(t) > 1).length;
    expect(busy / times.length).toBeGreaterThan(0.6);
  });
});
