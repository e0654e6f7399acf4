// The past, kept in memory for replay: the port state at hour boundaries and the stored
// events of each hour. A seek then folds at most an hour of events onto a kept state and
// reads a day of events without the database, and scrubbing through a day reads and folds
// each hour once. A committed event older than a kept state makes that state (and every
// later one) wrong, and its own hour's events incomplete, so commits drop them: this
// process's at once, other server instances' at the next read (catchUp); a read that
// raced such a commit is answered but not kept.
import type { Queryable } from '../../db/queryable.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import { readCheckpoint } from '../kpi/checkpoints.ts';
import { cloneState, emptyPortState, foldEvents, type PortState } from '../kpi/port-state.ts';
import { readStoredEvents } from '../kpi/stored-events.ts';
import { HOUR_MS } from '../kpi/statistics.ts';

/**
 * Two days of hours: a 24-hour KPI window at any instant of a replayed day. A day of the
 * demo port is about 160,000 events; each kept state holds the terminal's boxes.
 */
const DEFAULT_KEPT_HOURS = 48;
/** A batch's transaction is far shorter than this: its rows' received_at is no older. */
const COMMIT_MARGIN_MS = 30_000;

export interface WindowInputs {
  /** The fold of every stored event before baseMs (an hour boundary at or before fromMs). */
  base: PortState;
  baseMs: number;
  /** The actual events with baseMs <= time < toMs, in fold order. */
  events: StoredEvent[];
}

export const hourFloor = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;

/** A bounded map that forgets what was used least recently. */
class Recent<V> {
  private readonly entries = new Map<number, V>();
  constructor(private readonly max: number) {}
  get(key: number): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }
  set(key: number, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }
  /** Every entry, oldest use first, without counting as a use. */
  entriesNow(): [number, V][] {
    return [...this.entries];
  }
  /** Drops every key the test picks; tells whether any went. */
  dropWhere(test: (key: number) => boolean): boolean {
    let dropped = false;
    for (const key of [...this.entries.keys()])
      if (test(key)) dropped = this.entries.delete(key) || dropped;
    return dropped;
  }
}

export class ReplayCache {
  /** Hour boundary -> the fold of every event before it. */
  private readonly states: Recent<PortState>;
  /** Hour start -> the events of that hour, in fold order. */
  private readonly hours: Recent<StoredEvent[]>;
  /** Bumped by a commit that makes a read in flight wrong (an event before what it reads up to). */
  private generation = 0;
  /** How far each read in flight reaches: a commit later than all of them changes none. */
  private readonly inFlight = new Set<{ upToMs: number }>();
  /** The database's clock at the last look for other instances' commits (none yet: nothing kept). */
  private lookedAtMs: number | undefined;

  constructor(
    private readonly db: Queryable,
    private readonly keptHours = DEFAULT_KEPT_HOURS,
  ) {
    this.states = new Recent(keptHours);
    this.hours = new Recent(keptHours);
  }

  /** Events at these times were committed: what should have held them is dropped. */
  committed(events: readonly { timeMs: number }[]): void {
    if (events.length === 0) return;
    const earliest = events.reduce((min, e) => Math.min(min, e.timeMs), Infinity);
    this.states.dropWhere((atMs) => atMs > earliest);
    this.hours.dropWhere((startMs) => startMs + HOUR_MS > earliest);
    // Live commits (now) leave a read of yesterday alone; an older one spoils it.
    for (const read of this.inFlight)
      if (earliest < read.upToMs) {
        this.generation += 1;
        break;
      }
  }

  /** Runs a read that reaches up to upToMs, known to commits while it is out. */
  private async whileReading<T>(upToMs: number, read: () => Promise<T>): Promise<T> {
    const entry = { upToMs };
    this.inFlight.add(entry);
    try {
      return await read();
    } finally {
      this.inFlight.delete(entry);
    }
  }

  /**
   * Catches the commits this process did not see, those of other server instances on the
   * same database: the events stored since the last look (by received_at, a BRIN-indexed
   * append order) drop what they make wrong, as committed() does for this process's own.
   * The look goes back a margin, for transactions that began before it and ended after.
   */
  async catchUp(): Promise<void> {
    const since = this.lookedAtMs === undefined ? undefined : this.lookedAtMs - COMMIT_MARGIN_MS;
    const { rows } = await this.db.query<{ earliest_ms: number | null; now_ms: number }>(
      since === undefined
        ? `SELECT NULL::float8 AS earliest_ms, extract(epoch FROM now())::float8 * 1000 AS now_ms`
        : `SELECT extract(epoch FROM min(time))::float8 * 1000 AS earliest_ms,
                  extract(epoch FROM now())::float8 * 1000 AS now_ms
           FROM ingested_event WHERE received_at > to_timestamp($1 / 1000.0)`,
      since === undefined ? [] : [since],
    );
    const { earliest_ms: earliest, now_ms: now } = rows[0]!;
    this.lookedAtMs = now;
    if (earliest !== null) this.committed([{ timeMs: earliest }]);
  }

  /** What a KPI window [fromMs, toMs) needs: a base state at or before fromMs and the events since. */
  async window(fromMs: number, toMs: number): Promise<WindowInputs> {
    await this.catchUp();
    const baseMs = hourFloor(fromMs);
    const base = await this.stateAt(baseMs);
    return { base, baseMs, events: await this.events(baseMs, toMs) };
  }

  /** The fold of every stored event before hourMs (an hour boundary). Do not change it. */
  async stateAt(hourMs: number): Promise<PortState> {
    const kept = this.states.get(hourMs);
    if (kept) return kept;
    // Taken before anything is read: a commit during any of it must stop the keeping.
    const generation = this.generation;
    return this.whileReading(hourMs, () => this.foldUpTo(hourMs, generation));
  }

  private async foldUpTo(hourMs: number, generation: number): Promise<PortState> {
    const start = await this.startBefore(hourMs);
    // Before every kept state and checkpoint: fold from the first stored event.
    const fromMs = start.atMs === -Infinity ? await this.firstEventHour(hourMs) : start.atMs;
    // Hour by hour, keeping the last hours passed: the next seek nearby starts from one.
    const keepFromMs = hourMs - this.keptHours * HOUR_MS;
    const events = await this.events(fromMs, hourMs);
    let state = cloneState(start.state);
    let i = 0;
    // From the hour after the start (a checkpoint need not lie on an hour) to hourMs.
    for (let next = hourFloor(fromMs) + HOUR_MS; next <= hourMs; next += HOUR_MS) {
      const first = i;
      while (i < events.length && events[i]!.timeMs < next) i += 1;
      state = foldEvents(state, events.slice(first, i));
      if (next > keepFromMs && generation === this.generation) {
        this.states.set(next, state);
        if (next < hourMs) state = cloneState(state);
      }
    }
    return state;
  }

  /**
   * The stored events of [fromMs, toMs) in fold order: from the kept hours when the span
   * fits them (fromMs an hour boundary), else read whole, once, without keeping.
   */
  async events(fromMs: number, toMs: number): Promise<StoredEvent[]> {
    if (fromMs % HOUR_MS !== 0 || toMs - fromMs > this.keptHours * HOUR_MS)
      return this.whileReading(toMs, () => readStoredEvents(this.db, fromMs, toMs));
    const missing: number[] = [];
    for (let hour = fromMs; hour < toMs; hour += HOUR_MS)
      if (this.hours.get(hour) === undefined) missing.push(hour);
    if (missing.length > 0) await this.readHours(missing[0]!, missing.at(-1)! + HOUR_MS);
    const events: StoredEvent[] = [];
    for (let hour = fromMs; hour < toMs; hour += HOUR_MS) {
      const ofHour =
        this.hours.get(hour) ?? (await readStoredEvents(this.db, hour, hour + HOUR_MS));
      for (const event of ofHour) if (event.timeMs < toMs) events.push(event);
    }
    return events;
  }

  private async readHours(fromMs: number, toMs: number): Promise<void> {
    const generation = this.generation;
    const events = await this.whileReading(toMs, () => readStoredEvents(this.db, fromMs, toMs));
    if (generation === this.generation) {
      let i = 0;
      for (let hour = fromMs; hour < toMs; hour += HOUR_MS) {
        const start = i;
        while (i < events.length && events[i]!.timeMs < hour + HOUR_MS) i += 1;
        this.hours.set(hour, events.slice(start, i));
      }
    }
  }

  /** The newest kept state or checkpoint before hourMs; the empty state before all events. */
  private async startBefore(hourMs: number): Promise<{ atMs: number; state: PortState }> {
    let best: { atMs: number; state: PortState } = { atMs: -Infinity, state: emptyPortState() };
    for (const [atMs, state] of this.states.entriesNow())
      if (atMs < hourMs && atMs > best.atMs) best = { atMs, state };
    const checkpoint = await readCheckpoint(this.db, hourMs);
    if (checkpoint && checkpoint.atMs > best.atMs) best = checkpoint;
    return best;
  }

  /** The hour of the first stored event (hourMs when there is none before it). */
  private async firstEventHour(hourMs: number): Promise<number> {
    const { rows } = await this.db.query<{ first_ms: number | null }>(
      `SELECT extract(epoch FROM min(time))::float8 * 1000 AS first_ms FROM ingested_event`,
    );
    const first = rows[0]?.first_ms;
    return first === null || first === undefined ? hourMs : Math.min(hourFloor(first), hourMs);
  }
}
