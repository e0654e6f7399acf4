// The recent track of each vehicle, sampled from the entity buffers every two seconds of
// the data source's clock (a replay lays trails by its own time), so a loaded AGV or
// truck can draw the way its box came (the container flow, animated). Only
// vehicles: cranes and ships draw no trails. Bounded: a fixed number of samples each, and
// at most MAX_TRAILS drawn (every new set of trips is a new upload to the GPU, and a
// software-rendered wall with thousands of vehicles must not spend its frames on it).
import type { EntityBuffers } from './entity-buffers.ts';

const TRAIL_KINDS = new Set(['agv', 'truck']);
/** Samples kept per vehicle: a minute at one every two seconds. */
export const TRAIL_SAMPLES = 30;
export const TRAIL_SAMPLE_MS = 2_000;
/** Trails drawn at once: more than a terminal's loaded vehicles at any moment. */
export const MAX_TRAILS = 400;
/**
 * A replay at high speed samples once a frame, many data seconds apart: the trail then
 * spans what its samples cover, up to this much data time.
 */
const LONGEST_TRAIL_S = 300;

export interface Trip {
  id: string;
  /** [lon, lat] oldest first. */
  path: [number, number][];
  /** Seconds since the history began, one per point. */
  timestamps: number[];
}

interface Track {
  path: [number, number][];
  timestamps: number[];
  seenAtMs: number;
}

export class TrailHistory {
  private readonly tracks = new Map<string, Track>();
  private lastSampleMs = Number.NEGATIVE_INFINITY;
  private trips: Trip[] = [];
  private spanSeconds = 0;

  constructor(private readonly originMs: number) {}

  /** How long a trail is, in data seconds: its samples' span (a minute when live). */
  lengthSeconds(): number {
    const live = (TRAIL_SAMPLES * TRAIL_SAMPLE_MS) / 1000;
    return Math.min(LONGEST_TRAIL_S, Math.max(live, this.spanSeconds));
  }

  /** Seconds since the origin: the clock a TripsLayer animates trails by. */
  secondsAt(nowMs: number): number {
    return (nowMs - this.originMs) / 1000;
  }

  /**
   * Takes a sample when one is due; returns true when it did (the trips changed). A trail
   * is shown only while its vehicle is travelling loaded.
   */
  sample(buffers: EntityBuffers, nowMs: number): boolean {
    if (nowMs - this.lastSampleMs < TRAIL_SAMPLE_MS && nowMs >= this.lastSampleMs) return false;
    // A clock that went back (a replay played from the start again) starts the trails afresh.
    if (nowMs < this.lastSampleMs) this.tracks.clear();
    this.lastSampleMs = nowMs;
    const seconds = this.secondsAt(nowMs);
    const trips: Trip[] = [];
    for (let slot = 0; slot < buffers.count; slot += 1) {
      if (!TRAIL_KINDS.has(buffers.kindOf(slot))) continue;
      const id = buffers.ids[slot]!;
      const track = this.tracks.get(id) ?? { path: [], timestamps: [], seenAtMs: nowMs };
      const point: [number, number] = [
        buffers.positions[slot * 2]!,
        buffers.positions[slot * 2 + 1]!,
      ];
      const last = track.path.at(-1);
      if (!last || last[0] !== point[0] || last[1] !== point[1]) {
        track.path.push(point);
        track.timestamps.push(seconds);
        if (track.path.length > TRAIL_SAMPLES) {
          track.path.shift();
          track.timestamps.shift();
        }
      }
      track.seenAtMs = nowMs;
      this.tracks.set(id, track);
      if (
        trips.length < MAX_TRAILS &&
        buffers.describe(id)?.state === 'travelling_loaded' &&
        track.path.length > 1
      )
        trips.push({ id, path: [...track.path], timestamps: [...track.timestamps] });
    }
    // A vehicle no longer in the picture (a resync dropped it) takes its track with it.
    for (const [id, track] of this.tracks) if (track.seenAtMs !== nowMs) this.tracks.delete(id);
    this.trips = trips;
    this.spanSeconds = trips.reduce(
      (span, trip) => Math.max(span, trip.timestamps.at(-1)! - trip.timestamps[0]!),
      0,
    );
    return true;
  }

  current(): readonly Trip[] {
    return this.trips;
  }
}
