// The fixes of the replayed window, per entity, and where each entity is at any instant of
// it: between two fixes close enough in time it is placed on the line between them (a
// replay at 3600x reads one fix in five minutes, and must still move smoothly); its state
// and heading are those of the fix before. An entity with no fix in the lookback before
// the instant is not there (the snapshot's rule, so a seek and a play agree).
import type { LiveEntityKind, PositionColumns } from '../../../protocol/live.ts';
import type { EquipmentState } from '../../../protocol/equipment.ts';

interface Track {
  kind: LiveEntityKind;
  times: number[];
  lon: number[];
  lat: number[];
  heading: (number | null)[];
  speed: (number | null)[];
  state: (EquipmentState | null)[];
}

export interface TrackRules {
  /** A fix older than this before the instant does not place its entity. */
  lookbackMs: number;
  /** Two fixes further apart than this are not joined by a line (the entity was away). */
  maxGapMs: number;
}

/** The last index whose time is at or before t, or -1. */
function lastAtOrBefore(times: readonly number[], t: number): number {
  let low = 0;
  let high = times.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (times[mid]! <= t) low = mid + 1;
    else high = mid;
  }
  return low - 1;
}

export class ReplayTracks {
  private readonly tracks = new Map<string, Track>();

  get size(): number {
    return this.tracks.size;
  }

  clear(): void {
    this.tracks.clear();
  }

  /** Adds fixes (any order); a fix an entity already has at that instant is not doubled. */
  add(columns: PositionColumns): void {
    const touched = new Set<Track>();
    for (let i = 0; i < columns.ids.length; i += 1) {
      const id = columns.ids[i]!;
      let track = this.tracks.get(id);
      if (!track) {
        track = {
          kind: columns.kinds[i]!,
          times: [],
          lon: [],
          lat: [],
          heading: [],
          speed: [],
          state: [],
        };
        this.tracks.set(id, track);
      }
      const time = columns.timeMs[i]!;
      const last = track.times.at(-1);
      if (last !== undefined && time <= last) {
        if (track.times.includes(time)) continue;
        touched.add(track); // out of order: sorted below
      }
      track.times.push(time);
      track.lon.push(columns.lon[i]!);
      track.lat.push(columns.lat[i]!);
      track.heading.push(columns.headingDeg[i]!);
      track.speed.push(columns.speedMps[i]!);
      track.state.push(columns.state[i]!);
    }
    for (const track of touched) sortTrack(track);
  }

  /** Every entity present at atMs, placed there; each fix's time is atMs. */
  at(atMs: number, rules: TrackRules): PositionColumns {
    const out: PositionColumns = {
      ids: [],
      kinds: [],
      timeMs: [],
      lon: [],
      lat: [],
      headingDeg: [],
      speedMps: [],
      state: [],
    };
    for (const [id, track] of this.tracks) {
      const i = lastAtOrBefore(track.times, atMs);
      if (i < 0 || atMs - track.times[i]! > rules.lookbackMs) continue;
      let lon = track.lon[i]!;
      let lat = track.lat[i]!;
      const next = i + 1;
      if (next < track.times.length && track.times[next]! - track.times[i]! <= rules.maxGapMs) {
        const f = (atMs - track.times[i]!) / (track.times[next]! - track.times[i]!);
        lon += (track.lon[next]! - lon) * f;
        lat += (track.lat[next]! - lat) * f;
      }
      out.ids.push(id);
      out.kinds.push(track.kind);
      out.timeMs.push(atMs);
      out.lon.push(lon);
      out.lat.push(lat);
      out.headingDeg.push(track.heading[i]!);
      out.speedMps.push(track.speed[i]!);
      out.state.push(track.state[i]!);
    }
    return out;
  }

  /** Forgets fixes before beforeMs, keeping each entity's last one before it (it may still place it). */
  prune(beforeMs: number): void {
    for (const [id, track] of this.tracks) {
      const keepFrom = lastAtOrBefore(track.times, beforeMs);
      if (keepFrom === track.times.length - 1 && track.times[keepFrom]! < beforeMs) {
        this.tracks.delete(id); // nothing after: it places its entity no more
        continue;
      }
      if (keepFrom <= 0) continue;
      for (const column of [
        track.times,
        track.lon,
        track.lat,
        track.heading,
        track.speed,
        track.state,
      ])
        column.splice(0, keepFrom);
    }
  }
}

function sortTrack(track: Track): void {
  const order = track.times.map((_, i) => i).sort((a, b) => track.times[a]! - track.times[b]!);
  const reorder = <T>(column: T[]) => order.map((i) => column[i]!);
  track.times = reorder(track.times);
  track.lon = reorder(track.lon);
  track.lat = reorder(track.lat);
  track.heading = reorder(track.heading);
  track.speed = reorder(track.speed);
  track.state = reorder(track.state);
}
