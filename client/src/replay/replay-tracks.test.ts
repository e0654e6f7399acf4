import { describe, expect, it } from 'vitest';
import type { PositionColumns } from '../../../protocol/live.ts';
import { ReplayTracks } from './replay-tracks.ts';

interface Fix {
  id: string;
  t: number;
  lon: number;
  state?: 'working' | 'idle';
  kind?: 'truck' | 'vessel';
}
const columns = (...fixes: Fix[]): PositionColumns => ({
  ids: fixes.map((f) => f.id),
  kinds: fixes.map((f) => f.kind ?? 'truck'),
  timeMs: fixes.map((f) => f.t),
  lon: fixes.map((f) => f.lon),
  lat: fixes.map(() => 30),
  headingDeg: fixes.map(() => 90),
  speedMps: fixes.map(() => null),
  state: fixes.map((f) => f.state ?? null),
});
const RULES = { lookbackMs: 900_000, maxGapMs: 30_000 };
const place = (tracks: ReplayTracks, t: number) => {
  const c = tracks.at(t, RULES);
  return Object.fromEntries(
    c.ids.map((id, i) => [id, { lon: c.lon[i], state: c.state[i], t: c.timeMs[i] }]),
  );
};

describe('ReplayTracks', () => {
  it('places an entity on the line between the fixes around the instant, with the earlier fix’s state', () => {
    const tracks = new ReplayTracks();
    tracks.add(
      columns(
        { id: 'A', t: 0, lon: 0, state: 'idle' },
        { id: 'A', t: 10_000, lon: 1, state: 'working' },
      ),
    );
    expect(place(tracks, 2_500).A).toEqual({ lon: 0.25, state: 'idle', t: 2_500 });
    expect(place(tracks, 10_000).A).toEqual({ lon: 1, state: 'working', t: 10_000 });
    expect(place(tracks, 12_000).A).toEqual({ lon: 1, state: 'working', t: 12_000 });
  });

  it('does not join fixes too far apart, and leaves out what has no recent fix', () => {
    const tracks = new ReplayTracks();
    tracks.add(
      columns(
        { id: 'A', t: 0, lon: 0 },
        { id: 'A', t: 60_000, lon: 1 },
        { id: 'B', t: 5_000, lon: 7 },
      ),
    );
    expect(place(tracks, 30_000).A?.lon).toBe(0);
    expect(place(tracks, 4_999).B).toBeUndefined(); // not yet there
    expect(place(tracks, 5_000 + 900_000).B?.lon).toBe(7);
    expect(place(tracks, 5_001 + 900_000).B).toBeUndefined(); // gone
  });

  it('takes chunks in any order and does not double a fix it has', () => {
    const tracks = new ReplayTracks();
    tracks.add(columns({ id: 'A', t: 20_000, lon: 2 }, { id: 'A', t: 30_000, lon: 3 }));
    tracks.add(
      columns(
        { id: 'A', t: 0, lon: 0 },
        { id: 'A', t: 10_000, lon: 1 },
        { id: 'A', t: 20_000, lon: 2 },
      ),
    );
    expect(place(tracks, 15_000).A?.lon).toBe(1.5);
    expect(place(tracks, 25_000).A?.lon).toBe(2.5);
  });

  it('forgets old fixes but keeps the one that still places its entity', () => {
    const tracks = new ReplayTracks();
    tracks.add(
      columns(
        { id: 'A', t: 0, lon: 0 },
        { id: 'A', t: 10_000, lon: 1 },
        { id: 'A', t: 20_000, lon: 2 },
        { id: 'GONE', t: 1_000, lon: 9 },
      ),
    );
    tracks.prune(15_000);
    expect(tracks.size).toBe(1);
    expect(place(tracks, 15_000).A?.lon).toBe(1.5);
    expect(place(tracks, 5_000).A).toBeUndefined();
  });
});
