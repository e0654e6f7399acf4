import { describe, expect, it } from 'vitest';
import type { PositionColumns } from '../../../protocol/live.ts';
import { EntityBuffers } from './entity-buffers.ts';
import { TRAIL_SAMPLES, TrailHistory } from './trail-history.ts';

const fix = (id: string, kind: 'agv' | 'sts', lon: number, timeMs: number, state: string) =>
  ({
    ids: [id],
    kinds: [kind],
    timeMs: [timeMs],
    lon: [lon],
    lat: [30],
    headingDeg: [null],
    speedMps: [null],
    state: [state],
  }) as PositionColumns;

describe('the trail history', () => {
  it('keeps the track of loaded vehicles only, a sample a second', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    for (let s = 0; s < 5; s += 1) {
      buffers.apply(fix('AGV1', 'agv', 122 + s * 1e-4, s * 1000, 'travelling_loaded'), s * 1000);
      buffers.apply(fix('AGV2', 'agv', 122 + s * 1e-4, s * 1000, 'travelling_empty'), s * 1000);
      buffers.apply(fix('QC1', 'sts', 122 + s * 1e-4, s * 1000, 'working'), s * 1000);
      buffers.interpolate(s * 1000 + 999);
      expect(history.sample(buffers, s * 1000 + 999)).toBe(true);
      expect(history.sample(buffers, s * 1000 + 999.5)).toBe(false); // not due yet
    }
    const trips = history.current();
    expect(trips.map((t) => t.id)).toEqual(['AGV1']);
    expect(trips[0]!.path).toHaveLength(5);
    expect(trips[0]!.timestamps).toEqual([0.999, 1.999, 2.999, 3.999, 4.999]);
  });

  it('is bounded, and adds no point while a vehicle stands still', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    for (let s = 0; s < TRAIL_SAMPLES + 20; s += 1) {
      const lon = s < TRAIL_SAMPLES + 10 ? 122 + s * 1e-4 : 122.5;
      buffers.apply(fix('AGV1', 'agv', lon, s * 1000, 'travelling_loaded'), s * 1000);
      buffers.interpolate(s * 1000 + 999);
      history.sample(buffers, s * 1000 + 999);
    }
    const [trip] = history.current();
    expect(trip!.path).toHaveLength(TRAIL_SAMPLES);
    expect(trip!.path.filter((p) => p[0] === 122.5)).toHaveLength(1);
  });

  it('forgets a vehicle that left the picture', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    buffers.apply(fix('AGV1', 'agv', 122, 0, 'travelling_loaded'), 0);
    history.sample(buffers, 0);
    buffers.apply(fix('AGV1', 'agv', 122.001, 1000, 'travelling_loaded'), 1000);
    buffers.interpolate(5_000);
    history.sample(buffers, 5_000);
    expect(history.current()).toHaveLength(1);
    buffers.clear();
    history.sample(buffers, 10_000);
    expect(history.current()).toEqual([]);
  });
});
