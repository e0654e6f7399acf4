// The live KPIs: the same computation as history, over a window that slides with the
// clock. It keeps a base state and the events since it in memory; as time passes, events
// leaving the window are folded into the base. The base lags the window's start by a
// tolerance for late events, so an event up to that late still takes its place in time
// order (computeKpis folds the events between base and window start unobserved); later
// ones are folded into the base at once, out of order, and counted in lateEvents.
//
// Window length: 24 h by default, the span of the day the control room reviews (berth
// occupancy, dwell, calls completed). Fast-moving KPIs (gate throughput and turn time,
// inspection queue and wait, crane rates) read better over the last hour: run a second
// instance with HOUR_WINDOW_MS; each holds only its own window's events.
import type { Queryable } from '../../db/queryable.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import type { KpiValue } from '../../protocol/kpi.ts';
import { CHECKPOINT_INTERVAL_MS, checkpointDue, type Checkpoint } from './checkpoints.ts';
import { computeWindow } from './compute-kpis.ts';
import { loadKpiInputs } from './history.ts';
import type { PortFacts } from './port-facts.ts';
import {
  applyEvent,
  cloneState,
  compareEvents,
  isActualEvent,
  type PortState,
} from './port-state.ts';
import { HOUR_MS } from './statistics.ts';

export const DAY_WINDOW_MS = 24 * HOUR_MS;
export const HOUR_WINDOW_MS = HOUR_MS;

export interface LiveKpisOptions {
  /** Length of the window (default DAY_WINDOW_MS). */
  windowMs?: number;
  /** How late an event may arrive and still be folded in time order (default 1 h). */
  lateToleranceMs?: number;
  /** Checkpoints fall on multiples of this (default hourly). */
  checkpointIntervalMs?: number;
}

export interface LiveStart {
  /** The fold of every event before atMs. */
  state: PortState;
  atMs: number;
  /** Events from atMs on, in any order. */
  events: readonly StoredEvent[];
}

export class LiveKpis {
  private readonly windowMs: number;
  private readonly lateToleranceMs: number;
  private readonly checkpointIntervalMs: number;
  private readonly base: PortState;
  private baseMs: number;
  private nowMs: number;
  /** Events at or after baseMs; sorted before use. */
  private events: StoredEvent[] = [];
  private sorted = true;
  private readonly eventIds = new Set<string>();
  private pending: Checkpoint | undefined;
  private late = 0;
  private stateAtNow: PortState | undefined;

  /** Starts from history: the state and events the database holds for the window. */
  static async fromHistory(
    db: Queryable,
    facts: PortFacts,
    nowMs: number,
    options: LiveKpisOptions = {},
  ): Promise<LiveKpis> {
    const atMs = nowMs - (options.windowMs ?? DAY_WINDOW_MS) - (options.lateToleranceMs ?? HOUR_MS);
    const { state, events } = await loadKpiInputs(db, atMs, Infinity);
    return new LiveKpis(facts, { state, atMs, events }, nowMs, options);
  }

  constructor(
    private readonly facts: PortFacts,
    start: LiveStart,
    nowMs: number,
    options: LiveKpisOptions = {},
  ) {
    this.windowMs = options.windowMs ?? DAY_WINDOW_MS;
    this.lateToleranceMs = options.lateToleranceMs ?? HOUR_MS;
    this.checkpointIntervalMs = options.checkpointIntervalMs ?? CHECKPOINT_INTERVAL_MS;
    this.base = cloneState(start.state);
    this.baseMs = start.atMs;
    this.nowMs = nowMs;
    this.add(start.events);
    this.tick(nowMs);
  }

  /** Events that arrived too late to be folded in time order, since the start. */
  get lateEvents(): number {
    return this.late;
  }

  /**
   * Committed events, in any order, each once (as ingest commits an id once). An id still
   * held in the window is not taken twice; one already folded into the base would be.
   */
  add(events: readonly StoredEvent[]): void {
    for (const given of events) {
      if (!isActualEvent(given) || this.eventIds.has(given.eventId)) continue;
      // Storage keeps whole milliseconds (a Date drops the fraction of epoch ms): so must we.
      const event = Number.isInteger(given.timeMs)
        ? given
        : { ...given, timeMs: new Date(given.timeMs).getTime() };
      if (event.timeMs < this.baseMs) {
        applyEvent(this.base, event);
        this.late += 1;
        continue;
      }
      const last = this.events.at(-1);
      if (last && compareEvents(last, event) > 0) this.sorted = false;
      this.events.push(event);
      this.eventIds.add(event.eventId);
    }
  }

  /** Moves the window to end at nowMs (never backwards). */
  tick(nowMs: number): void {
    this.nowMs = Math.max(this.nowMs, nowMs);
    const newBaseMs = this.nowMs - this.windowMs - this.lateToleranceMs;
    if (newBaseMs <= this.baseMs) return;
    const events = this.ordered();
    let folded = 0;
    const foldUntil = (untilMs: number) => {
      for (; folded < events.length && events[folded]!.timeMs < untilMs; folded += 1) {
        applyEvent(this.base, events[folded]!);
        this.eventIds.delete(events[folded]!.eventId);
      }
    };
    const checkpointMs = checkpointDue(this.baseMs, newBaseMs, this.checkpointIntervalMs);
    if (checkpointMs !== undefined) {
      foldUntil(checkpointMs);
      this.pending = { atMs: checkpointMs, state: cloneState(this.base) };
    }
    foldUntil(newBaseMs);
    this.events = events.slice(folded);
    this.baseMs = newBaseMs;
  }

  /** The KPIs of [now − window, now). */
  current(): KpiValue[] {
    const { kpis, stateAtTo } = computeWindow(
      this.base,
      this.ordered(),
      this.nowMs - this.windowMs,
      this.nowMs,
      this.facts,
    );
    this.stateAtNow = stateAtTo;
    return kpis;
  }

  /** The window's events from fromMs on, in time order (shared: not to be changed). */
  eventsSince(fromMs: number): readonly StoredEvent[] {
    const events = this.ordered();
    let low = 0;
    let high = events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (events[middle]!.timeMs < fromMs) low = middle + 1;
      else high = middle;
    }
    return events.slice(low);
  }

  /** The port's state at the end of the window, as the last current() found it. */
  get latestState(): PortState | undefined {
    return this.stateAtNow;
  }

  /**
   * The newest checkpoint the base has passed since the last call, for writeCheckpoint
   * (an older one not taken in time is superseded: it would only have saved history time).
   */
  takeCheckpoint(): Checkpoint | undefined {
    const checkpoint = this.pending;
    this.pending = undefined;
    return checkpoint;
  }

  private ordered(): StoredEvent[] {
    if (!this.sorted) {
      this.events.sort(compareEvents);
      this.sorted = true;
    }
    return this.events;
  }
}
