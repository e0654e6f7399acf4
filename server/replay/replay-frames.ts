// KPIs and the operations picture at past instants: the live computation run as at each
// instant, from the historical states and the stored events. One read of the events
// serves every frame of a request; each frame starts from the kept state of its KPI
// window's first hour.
import type { StoredEvent } from '../../protocol/events.ts';
import type { ReplayFrame } from '../../protocol/replay.ts';
import type { Queryable } from '../../db/queryable.ts';
import { computeWindow } from '../kpi/compute-kpis.ts';
import type { PortFacts } from '../kpi/port-facts.ts';
import { DAY_WINDOW_MS } from '../kpi/live-kpis.ts';
import { loadCallRoster } from '../live/call-roster.ts';
import {
  buildOperationsPicture,
  FLOW_WINDOW_MS,
  LONGEST_LEG_MS,
} from '../live/operations-picture.ts';
import { hourFloor, type ReplayCache } from './replay-cache.ts';

export interface ReplayDeps {
  db: Queryable;
  cache: ReplayCache;
  facts: PortFacts;
}

/**
 * Where each frame's KPI window and flow count start: fixed instants (a replayed day from
 * its midnight), or trailing (the live KPIs' 24 hours, the live map's hour of flows).
 */
export interface FrameWindows {
  kpiFromMs?: number;
  flowFromMs?: number;
}

const kpiFrom = (atMs: number, w: FrameWindows) =>
  Math.min(w.kpiFromMs ?? atMs - DAY_WINDOW_MS, atMs);
const flowFrom = (atMs: number, w: FrameWindows) =>
  Math.min(w.flowFromMs ?? atMs - FLOW_WINDOW_MS, atMs);

/** The first index whose event is at or after timeMs (events in time order). */
function firstAtOrAfter(events: readonly StoredEvent[], timeMs: number): number {
  let low = 0;
  let high = events.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (events[mid]!.timeMs < timeMs) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Gives other requests their turn: each frame is a few hundred milliseconds of folding. */
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Frames at the given instants (ascending). An aborted signal (the client went away, as a
 * replay does when it seeks) stops the work between frames, with the frames done so far.
 */
export async function replayFrames(
  deps: ReplayDeps,
  instants: readonly number[],
  windows: FrameWindows = {},
  signal?: AbortSignal,
): Promise<ReplayFrame[]> {
  if (instants.length === 0) return [];
  const first = instants[0]!;
  const last = instants[instants.length - 1]!;
  const earliest = Math.min(kpiFrom(first, windows), flowFrom(first, windows) - LONGEST_LEG_MS);
  const { baseMs, events } = await deps.cache.window(earliest, last + 1);
  const frames: ReplayFrame[] = [];
  for (const atMs of instants) {
    if (signal?.aborted) break;
    if (frames.length > 0) await yieldToOthers();
    const kpiFromMs = kpiFrom(atMs, windows);
    const frameBaseMs = Math.max(baseMs, hourFloor(kpiFromMs));
    const [base, roster] = await Promise.all([
      deps.cache.stateAt(frameBaseMs),
      loadCallRoster(deps.db, atMs),
    ]);
    const upTo = firstAtOrAfter(events, atMs);
    const windowEvents = events.slice(firstAtOrAfter(events, frameBaseMs), upTo);
    const { kpis, stateAtTo } = computeWindow(base, windowEvents, kpiFromMs, atMs, deps.facts);
    const flowFromMs = flowFrom(atMs, windows);
    const picture = buildOperationsPicture({
      state: stateAtTo,
      roster,
      facts: deps.facts,
      recentEvents: events.slice(firstAtOrAfter(events, flowFromMs - LONGEST_LEG_MS), upTo),
      nowMs: atMs,
      flowFromMs,
    });
    frames.push({ atMs, kpis, kpiFromMs, picture });
  }
  return frames;
}
