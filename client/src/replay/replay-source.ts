// The replay data source: the same callbacks as the live one, fed from the past. A seek
// asks the server for the snapshot of the instant (everything filled at once); while the
// clock runs, fixes and frames (KPIs with the picture) are read ahead in chunks sized to
// the speed, positions are placed at the clock every EMIT_MS and glide between, and the
// alerts of the day are shown as they stood at the clock. Panels keep their last values
// while a seek is on its way: nothing goes blank.
import { alertAsAt, type Alert } from '../../../protocol/alerts.ts';
import {
  POSITION_STEPS_MS,
  type ReplayFrame,
  type ReplayFrames,
  type ReplayPositions,
  type ReplaySnapshot,
} from '../../../protocol/replay.ts';
import { getJson } from '../api/get-json.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import type {
  Playback,
  PlaybackState,
  PortSource,
  PortSourceEvents,
} from '../source/port-source.ts';
import { ReplayClock, stepMsAt, type ReplaySpeed } from './replay-clock.ts';
import { ReplayTracks } from './replay-tracks.ts';

/** Positions go to the map this often; they glide in between. */
export const EMIT_MS = 200;
const RETRY_MS = 2_000;
/** All of a day's alerts (the route's default, 500, would lose a busy day's earliest). */
const DAY_ALERTS_LIMIT = 10_000;
/** How far ahead of the clock chunks are read, in real seconds of play. */
const READ_AHEAD_S = 10;

export interface ReplayOptions {
  /** The replayed span (a port day). */
  fromMs: number;
  toMs: number;
  atMs: number;
  speed: ReplaySpeed;
  /** Flows counted from the span's start (true) or over the hour before the clock. */
  accumulateFlows: boolean;
}

/** Fixes read about one step per emit (the map glides between): more would never be seen. */
export function positionStepAt(speed: ReplaySpeed): number {
  const wanted = speed * EMIT_MS;
  return [...POSITION_STEPS_MS].reverse().find((step) => step <= wanted) ?? POSITION_STEPS_MS[0];
}

/**
 * A frame of KPIs every two real seconds of play, and not more than one every five data
 * seconds: each is a fold of the day so far on the server.
 */
export function frameStepAt(speed: ReplaySpeed): number {
  return Math.max(5_000, speed * 2_000);
}

/** What tests and the seek benchmark read from the page. */
export interface ReplayDebug {
  seeks: number;
  landed: number;
  /** From each seek to the first animation frame after its snapshot was applied. */
  seekToFrameMs: number[];
  /** Ticks of a playing clock that ran past the fixes read so far (the map waited for data). */
  starvedTicks: number;
  playingTicks: number;
  state(): PlaybackState;
}

declare global {
  interface Window {
    quaysideReplay?: ReplayDebug;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Which alerts are open and in what state: the list is sent again only when this changes. */
const signatureOf = (alerts: readonly Alert[]) => alerts.map((a) => `${a.id}:${a.state}`).join(',');

/** Keeps what has been read ahead of the clock for one kind of chunk. */
interface ReadAhead {
  stepMs: number;
  /** Read up to here (exclusive), a whole millisecond (the routes take no fractions). */
  toMs: number;
  reading: boolean;
  /** Bumped when reading starts again from the clock: answers to older reads are dropped. */
  run: number;
}

export function openReplaySource(
  buffers: EntityBuffers,
  events: PortSourceEvents,
  options: ReplayOptions,
): PortSource & { playback: Playback } {
  const clock = new ReplayClock(
    options.fromMs,
    options.toMs,
    options.atMs,
    options.speed,
    performance.now(),
  );
  const tracks = new ReplayTracks();
  const listeners = new Set<() => void>();
  let frames: ReplayFrame[] = [];
  let shownFrame: ReplayFrame | undefined;
  let dayAlerts: Alert[] | undefined;
  let shownAlerts = '';
  let lookbackMs = 15 * 60_000;
  /** Bumped by every seek: answers to older requests are dropped. */
  let generation = 0;
  /** Aborted by a seek (chunks and snapshots) or by closing (everything). */
  let controller = new AbortController();
  const lifetime = new AbortController();
  let landedAtMs: number | undefined;
  let seeking = false;
  let pendingSeek: { atMs: number; startedAt: number } | undefined;
  let problem: string | undefined;
  let closed = false;
  let lastEmitted: number | undefined;
  let wasPlaying = false;
  const positionsAhead: ReadAhead = { stepMs: 0, toMs: 0, reading: false, run: 0 };
  const framesAhead: ReadAhead = { stepMs: 0, toMs: 0, reading: false, run: 0 };
  const debug: ReplayDebug = {
    seeks: 0,
    landed: 0,
    seekToFrameMs: [],
    starvedTicks: 0,
    playingTicks: 0,
    state: () => state(),
  };
  window.quaysideReplay = debug;

  const state = (): PlaybackState => ({
    ...clock.state(performance.now()),
    seeking,
    ...(problem === undefined ? {} : { problem }),
  });
  const changed = () => {
    // A listener that throws (a browser refusing one more history entry) must not stop replay.
    for (const listener of listeners)
      try {
        listener();
      } catch (error) {
        console.warn('replay: a playback listener failed', error);
      }
  };
  const fail = (error: unknown) => {
    if ((error as Error).name === 'AbortError' || closed) return;
    problem = (error as Error).message;
    events.onStatus('offline');
    changed();
  };
  const recovered = () => {
    if (problem === undefined) return;
    problem = undefined;
    events.onStatus('replay');
    changed();
  };
  const windowQuery = () =>
    `kpiFrom=${iso(options.fromMs)}` +
    (options.accumulateFlows ? `&flowFrom=${iso(options.fromMs)}` : '');

  const showFrame = (frame: ReplayFrame) => {
    if (frame === shownFrame) return;
    shownFrame = frame;
    events.onKpis(frame.kpis, frame.atMs);
    events.onPicture(frame.picture);
  };
  const showAlertsAt = (atMs: number) => {
    if (!dayAlerts) return;
    const open = dayAlerts.map((a) => alertAsAt(a, atMs)).filter((a): a is Alert => !!a);
    const signature = signatureOf(open);
    if (signature === shownAlerts) return;
    shownAlerts = signature;
    events.onAlerts(open);
  };

  const land = (snapshot: ReplaySnapshot, startedAt: number) => {
    lookbackMs = snapshot.lookbackMs;
    buffers.clear();
    tracks.clear();
    tracks.add(snapshot.positions);
    buffers.apply(snapshot.positions, Date.now());
    frames = [snapshot];
    // The jump first: the KPIs' course starts again with this instant's values.
    events.onJump(snapshot.atMs);
    shownFrame = undefined;
    showFrame(snapshot);
    shownAlerts = signatureOf(snapshot.alerts);
    events.onAlerts(snapshot.alerts);
    events.onData(buffers.count);
    landedAtMs = snapshot.atMs;
    lastEmitted = snapshot.atMs;
    for (const ahead of [positionsAhead, framesAhead]) {
      ahead.toMs = Math.floor(snapshot.atMs);
      ahead.stepMs = 0;
      ahead.run += 1;
    }
    debug.landed += 1;
    requestAnimationFrame(() =>
      requestAnimationFrame(() => debug.seekToFrameMs.push(performance.now() - startedAt)),
    );
  };

  const seekTo = (atMs: number, startedAt: number) => {
    generation += 1;
    controller.abort();
    controller = new AbortController();
    positionsAhead.reading = false;
    framesAhead.reading = false;
    seeking = true;
    const mine = generation;
    changed();
    getJson<ReplaySnapshot>(`/api/v1/snapshot?at=${iso(atMs)}&${windowQuery()}`, controller.signal)
      .then((snapshot) => {
        if (closed || mine !== generation) return;
        recovered();
        land(snapshot, startedAt);
      })
      .catch((error: unknown) => {
        fail(error);
        if (mine === generation && !closed)
          setTimeout(() => !closed && mine === generation && seekTo(atMs, startedAt), RETRY_MS);
      })
      .finally(() => {
        if (mine !== generation) return;
        seeking = false;
        // A newer seek asked while this one was out (a scrub): this one was its preview.
        const next = pendingSeek;
        pendingSeek = undefined;
        if (next) seekTo(next.atMs, next.startedAt);
        else changed();
      });
  };

  const seek = (atMs: number) => {
    debug.seeks += 1;
    const startedAt = performance.now();
    clock.seek(atMs, startedAt);
    // One snapshot out at a time; the newest asked for goes next, the ones between are skipped.
    if (seeking) {
      pendingSeek = { atMs: clock.at(startedAt), startedAt };
      changed();
    } else seekTo(clock.at(startedAt), startedAt);
  };

  /** Reads the next chunk of a kind when what is read runs less than half a chunk ahead. */
  const readAhead = <T>(
    ahead: ReadAhead,
    stepMs: number,
    steps: number,
    atMs: number,
    path: (fromMs: number, toMs: number) => string,
    take: (reply: T) => void,
  ) => {
    if (ahead.stepMs !== stepMs) {
      // Another speed: read from the clock at the new step.
      ahead.stepMs = stepMs;
      ahead.toMs = Math.floor(Math.max(atMs, landedAtMs ?? atMs));
      ahead.reading = false;
      ahead.run += 1;
    }
    const chunkMs = stepMs * steps;
    if (ahead.reading || ahead.toMs >= options.toMs || ahead.toMs - atMs > (chunkMs * 3) / 4)
      return;
    const fromMs = ahead.toMs;
    // Nothing read ahead yet (play just started, or the speed changed): a quarter chunk
    // first, which comes back sooner, so the map moves at once.
    const first = ahead.toMs <= atMs;
    const toMs = Math.min(
      Math.ceil(options.toMs),
      fromMs + (first ? Math.ceil(steps / 4) * stepMs : chunkMs),
    );
    const mine = generation;
    const run = ahead.run;
    const current = () => !closed && mine === generation && run === ahead.run;
    ahead.reading = true;
    getJson<T>(path(fromMs, toMs), controller.signal)
      .then((reply) => {
        if (!current()) return;
        take(reply);
        ahead.toMs = toMs;
        recovered();
      })
      .catch(fail)
      .finally(() => {
        if (current()) ahead.reading = false;
      });
  };

  const tick = () => {
    const real = performance.now();
    const now = clock.state(real);
    if (now.playing !== wasPlaying) {
      wasPlaying = now.playing;
      changed(); // it reached the end
    }
    if (landedAtMs === undefined || seeking) return;
    const t = now.atMs;
    if (now.playing) {
      debug.playingTicks += 1;
      if (t > positionsAhead.toMs && positionsAhead.toMs < options.toMs) debug.starvedTicks += 1;
    }
    if (t !== lastEmitted) {
      lastEmitted = t;
      const placed = tracks.at(t, {
        lookbackMs,
        maxGapMs: 3 * Math.max(positionsAhead.stepMs, 1_000),
      });
      if (placed.ids.length < buffers.count) buffers.retain(new Set(placed.ids));
      buffers.apply(placed, Date.now(), EMIT_MS);
      tracks.prune(t - lookbackMs - 60_000);
      let latest: ReplayFrame | undefined;
      for (const frame of frames) if (frame.atMs <= t) latest = frame;
      if (latest) {
        showFrame(latest);
        frames = frames.filter((f) => f.atMs >= latest.atMs);
      }
      showAlertsAt(t);
    }
    events.onData(buffers.count);
    // Paused, nothing is read ahead: a seek then has the server to itself.
    if (!now.playing) return;
    const speed = now.speed;
    const positionStep = positionStepAt(speed);
    readAhead<ReplayPositions>(
      positionsAhead,
      positionStep,
      Math.max(60, Math.ceil((speed * READ_AHEAD_S * 1_000) / positionStep)),
      t,
      (from, to) => `/api/v1/replay/positions?from=${from}&to=${to}&step=${positionStep}`,
      (reply) => tracks.add(reply.positions),
    );
    const frameStep = frameStepAt(speed);
    readAhead<ReplayFrames>(
      framesAhead,
      frameStep,
      READ_AHEAD_S / 2,
      t,
      (from, to) =>
        `/api/v1/replay/frames?from=${from}&to=${to}&step=${frameStep}&${windowQuery()}`,
      (reply) => (frames = [...frames, ...reply.frames].sort((a, b) => a.atMs - b.atMs)),
    );
  };

  const loadDayAlerts = () => {
    getJson<{ alerts: Alert[] }>(
      `/api/v1/alerts?from=${iso(options.fromMs)}&to=${iso(options.toMs)}&limit=${DAY_ALERTS_LIMIT}`,
      lifetime.signal,
    )
      .then(({ alerts }) => {
        if (closed) return;
        dayAlerts = alerts;
      })
      .catch((error: unknown) => {
        fail(error);
        if (!closed) setTimeout(() => !closed && loadDayAlerts(), RETRY_MS);
      });
  };

  events.onStatus('replay');
  loadDayAlerts();
  seekTo(clock.at(performance.now()), performance.now());
  const timer = setInterval(tick, EMIT_MS);

  const playback: Playback = {
    state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: () => {
      const real = performance.now();
      const before = clock.at(real);
      clock.play(real);
      if (clock.at(real) !== before) seek(clock.at(real)); // played at the end: the day again
      changed();
    },
    pause: () => {
      clock.pause(performance.now());
      changed();
    },
    seek,
    setSpeed: (speed) => {
      clock.setSpeed(speed, performance.now());
      changed();
    },
    step: (direction) => {
      const now = clock.state(performance.now());
      seek(now.atMs + direction * stepMsAt(now.speed));
    },
  };

  return {
    clock: () => clock.at(performance.now()),
    playback,
    close: () => {
      closed = true;
      clearInterval(timer);
      controller.abort();
      lifetime.abort();
      listeners.clear();
      if (window.quaysideReplay === debug) delete window.quaysideReplay;
    },
  };
}
