import { describe, expect, it } from 'vitest';
import type { VesselPosition } from '../../protocol/vessel.ts';
import {
  at,
  directCall,
  expectValid,
  type Fix,
  fullCall,
  HOUR_S,
  newTracker,
  run,
  T0,
  VESSEL,
} from './test-support/vessel-call-fixture.ts';

describe('VesselCallTracker: fix order and replays', () => {
  it('ignores out-of-order and duplicate fixes', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const noisy: Fix[] = [];
    track.fixes.forEach((fix, i) => {
      noisy.push(fix);
      if (i % 7 === 3) noisy.push(fix); // the same fix from a second receiver
      if (i % 7 === 4) noisy.push({ ...fix, position: { ...fix.position, lon: 121.5 } }); // same instant
      if (i % 11 === 5 && i >= 150) {
        // A stale fix, delayed in some queue, from a quite different place.
        const old = track.fixes[i - 150]!;
        noisy.push({ ...old, position: { ...old.position, sogKnots: 0, navStatus: 5 } });
      }
    });
    expect(noisy.length).toBeGreaterThan(track.fixes.length * 1.3);
    expect(run(newTracker(), noisy)).toEqual(baseline);
  });

  it('gives identical events, ids included, when the same track is replayed', () => {
    const tracks = [fullCall().track, directCall().track, fullCall('420000008', T0 + 5_000).track];
    const all = tracks
      .flatMap((t) => t.fixes)
      .sort((a, b) => a.position.timeMs - b.position.timeMs);
    const first = run(newTracker(), all);
    const second = run(newTracker(), all);
    expect(first).toHaveLength(13);
    expect(second).toEqual(first);
    expectValid(first, tracks[0]!);
  });
});

describe('VesselCallTracker: memory and input', () => {
  it('forgets vessels not seen for 7 days, and keeps at most maxVessels', () => {
    const tracker = newTracker({ maxVessels: 3 });
    const fix = (mmsi: string, timeMs: number): VesselPosition => {
      const [lon, lat] = at(0, -20_000);
      return { mmsi, timeMs, lon, lat, sogKnots: 12 };
    };
    tracker.update(fix('100000001', T0), {});
    tracker.update(fix('100000002', T0 + 1_000), {});
    expect(tracker.vesselCount).toBe(2);
    tracker.update(fix('100000003', T0 + 8 * 24 * HOUR_S * 1000), {});
    expect(tracker.vesselCount).toBe(1);
    expect(tracker.status('100000001')).toBeUndefined();
    for (let i = 4; i <= 7; i += 1) tracker.update(fix(`10000000${i}`, T0 + 9e8 + i), {});
    expect(tracker.vesselCount).toBe(3);
    expect(tracker.status('100000007')).toBeDefined();
    expect(tracker.status('100000004')).toBeUndefined();
  });

  it('ignores positions that are not positions', () => {
    const tracker = newTracker();
    const [lon, lat] = at(0, 0);
    expect(tracker.update({ mmsi: '12345', timeMs: T0, lon, lat }, VESSEL)).toEqual([]);
    expect(tracker.update({ mmsi: '123456789', timeMs: NaN, lon, lat }, VESSEL)).toEqual([]);
    expect(tracker.vesselCount).toBe(0);
  });
});
