import { describe, expect, it } from 'vitest';
import type { PositionColumns } from '../../../protocol/live.ts';
import { EntityBuffers } from './entity-buffers.ts';
import {
  MAX_TRAILS,
  TRAIL_SAMPLE_MS as STEP,
  TRAIL_SAMPLES,
  TrailHistory,
} from './trail-history.ts';

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
  it('keeps the track of loaded vehicles only, a sample every step', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    for (let s = 0; s < 5; s += 1) {
      const at = s * STEP;
      buffers.apply(fix('AGV1', 'agv', 122 + s * 1e-4, at, 'travelling_loaded'), at);
      buffers.apply(fix('AGV2', 'agv', 122 + s * 1e-4, at, 'travelling_empty'), at);
      buffers.apply(fix('QC1', 'sts', 122 + s * 1e-4, at, 'working'), at);
      buffers.interpolate(at + STEP - 1);
      expect(history.sample(buffers, at + STEP - 1)).toBe(true);
      expect(history.sample(buffers, at + STEP - 0.5)).toBe(false); // not due yet
    }
    const trips = history.current();
    expect(trips.map((t) => t.id)).toEqual(['AGV1']);
    expect(trips[0]!.path).toHaveLength(5);
    expect(trips[0]!.timestamps).toEqual([1, 2, 3, 4, 5].map((k) => (k * STEP - 1) / 1000));
  });

  it('is bounded, and adds no point while a vehicle stands still', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    for (let s = 0; s < TRAIL_SAMPLES + 20; s += 1) {
      const lon = s < TRAIL_SAMPLES + 10 ? 122 + s * 1e-4 : 122.5;
      buffers.apply(fix('AGV1', 'agv', lon, s * STEP, 'travelling_loaded'), s * STEP);
      buffers.interpolate(s * STEP + STEP - 1);
      history.sample(buffers, s * STEP + STEP - 1);
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
    buffers.apply(fix('AGV1', 'agv', 122.001, STEP, 'travelling_loaded'), STEP);
    buffers.interpolate(5 * STEP);
    history.sample(buffers, 5 * STEP);
    expect(history.current()).toHaveLength(1);
    buffers.clear();
    history.sample(buffers, 10 * STEP);
    expect(history.current()).toEqual([]);
  });

  it('draws at most MAX_TRAILS at once, however many vehicles are loaded', () => {
    const buffers = new EntityBuffers();
    const history = new TrailHistory(0);
    for (let s = 0; s < 2; s += 1)
      for (let v = 0; v < MAX_TRAILS + 50; v += 1) {
        const at = s * STEP;
        buffers.apply(fix(`AGV${v}`, 'agv', 122 + s * 1e-4, at, 'travelling_loaded'), at);
        buffers.interpolate(at + STEP - 1);
        if (v === MAX_TRAILS + 49) history.sample(buffers, at + STEP - 1);
      }
    expect(history.current()).toHaveLength(MAX_TRAILS);
  });
});
