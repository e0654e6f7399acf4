// Where each call sits on the berth timeline: one row per berth of the port model (and
// one for calls with no berth yet), a bar from ATB (or ETA) to ATD (or ETD), its planned
// and actual parts, progress and lateness. Positions are fractions of the window, so
// the view can draw them at any size. Calls that overlap in a row get lanes of their own.
import type { ScheduledCall } from '../../../protocol/history.ts';
import type { FeatureOfKind, PortModel } from '../../../protocol/port-model.ts';

const HOUR_MS = 3_600_000;
export const TIMELINE_BEFORE_MS = 24 * HOUR_MS;
export const TIMELINE_AFTER_MS = 24 * HOUR_MS;
/** A call arriving more than this after its ETA counts as late. */
export const LATE_ARRIVAL_MS = HOUR_MS;
/** When neither ATD nor ETD is known, a call is drawn as planned for this long. */
export const ASSUMED_STAY_MS = 12 * HOUR_MS;

/** A stretch of the window, as fractions 0..1 of its width. */
export interface Span {
  from: number;
  to: number;
}

export interface TimelineBar {
  call: ScheduledCall;
  /** The whole bar: its plan, and what actually happened, together. */
  extent: Span;
  /** Planned, or estimated: from ETA (or ATB) to ETD; hatched. */
  planned?: Span;
  /** Alongside: ATB to ATD, or to now while it lasts; solid. */
  actual?: Span;
  /** movesDone / plannedMoves, 0..1, when moves are planned. */
  progress?: number;
  late: boolean;
  /** Which lane of its row (0 = top), when calls in a row overlap. */
  lane: number;
}

export interface TimelineRow {
  /** The berth's id, or undefined for the calls with no berth (yet) in the model. */
  berthId: string | undefined;
  lanes: number;
  bars: TimelineBar[];
}

export interface TimelineLayout {
  fromMs: number;
  toMs: number;
  /** Where now is, 0..1. */
  now: number;
  rows: TimelineRow[];
}

export function isLate(call: ScheduledCall, nowMs: number): boolean {
  const overstaying =
    call.atbMs !== undefined &&
    call.atdMs === undefined &&
    call.etdMs !== undefined &&
    nowMs > call.etdMs;
  const arrivedLate =
    call.atbMs !== undefined &&
    call.etaMs !== undefined &&
    call.atbMs - call.etaMs > LATE_ARRIVAL_MS;
  return overstaying || arrivedLate;
}

export function progressOf(call: ScheduledCall): number | undefined {
  if (!call.plannedMoves) return undefined;
  return Math.min(1, call.movesDone / call.plannedMoves);
}

/** A call's bar in ms, or undefined when it has neither an arrival nor an ATB. */
function barTimes(call: ScheduledCall, nowMs: number) {
  const start = call.atbMs ?? call.etaMs;
  if (start === undefined) return undefined;
  const plannedStart = call.etaMs ?? start;
  const plannedEnd = call.etdMs ?? plannedStart + ASSUMED_STAY_MS;
  const actual =
    call.atbMs === undefined
      ? undefined
      : { from: call.atbMs, to: call.atdMs ?? Math.max(nowMs, call.atbMs) };
  const end =
    actual && call.atdMs !== undefined ? call.atdMs : Math.max(plannedEnd, actual?.to ?? 0);
  return { start, end, planned: { from: plannedStart, to: plannedEnd }, actual };
}

/** Greedy lanes: each bar goes in the first lane whose last bar ended before it starts. */
function assignLanes(bars: Omit<TimelineBar, 'lane'>[]): { bars: TimelineBar[]; lanes: number } {
  const laneEnds: number[] = [];
  const placed = [...bars]
    .sort((a, b) => a.extent.from - b.extent.from)
    .map((bar) => {
      let lane = laneEnds.findIndex((end) => end <= bar.extent.from);
      if (lane === -1) lane = laneEnds.push(0) - 1;
      laneEnds[lane] = bar.extent.to;
      return { ...bar, lane };
    });
  return { bars: placed, lanes: Math.max(1, laneEnds.length) };
}

/** The berths' ids in the model's order (along the quay). */
export function berthIdsOf(model: PortModel): string[] {
  return berthsOf(model).map((f) => f.properties.id);
}

/** What a row is called: the berth's name in the model, else its id. */
export function berthNamesOf(model: PortModel): Map<string, string> {
  return new Map(
    berthsOf(model).map((f) => [f.properties.id, f.properties.name ?? f.properties.id]),
  );
}

const berthsOf = (model: PortModel) =>
  model.features.filter((f): f is FeatureOfKind<'berth'> => f.properties.kind === 'berth');

export function layoutTimeline(
  berthIds: readonly string[],
  calls: readonly ScheduledCall[],
  nowMs: number,
): TimelineLayout {
  const fromMs = nowMs - TIMELINE_BEFORE_MS;
  const toMs = nowMs + TIMELINE_AFTER_MS;
  const x = (ms: number) => Math.min(1, Math.max(0, (ms - fromMs) / (toMs - fromMs)));
  const span = (s: { from: number; to: number }): Span => ({ from: x(s.from), to: x(s.to) });
  const known = new Set(berthIds);
  const byRow = new Map<string | undefined, Omit<TimelineBar, 'lane'>[]>();
  for (const call of calls) {
    const times = barTimes(call, nowMs);
    if (!times || times.end < fromMs || times.start > toMs) continue;
    const row = call.berthId !== undefined && known.has(call.berthId) ? call.berthId : undefined;
    const progress = progressOf(call);
    byRow.set(row, [
      ...(byRow.get(row) ?? []),
      {
        call,
        extent: span({ from: times.start, to: times.end }),
        planned: span(times.planned),
        ...(times.actual && { actual: span(times.actual) }),
        ...(progress !== undefined && { progress }),
        late: isLate(call, nowMs),
      },
    ]);
  }
  const rows: TimelineRow[] = berthIds.map((berthId) => ({
    berthId,
    ...assignLanes(byRow.get(berthId) ?? []),
  }));
  const unberthed = byRow.get(undefined);
  if (unberthed) rows.push({ berthId: undefined, ...assignLanes(unberthed) });
  return { fromMs, toMs, now: x(nowMs), rows };
}

/** How far the zone's clock is ahead of UTC at that instant ("GMT+08:00" → 8 h). */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const name = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(atMs)
    .find((part) => part.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0; // "GMT" itself
  const sign = match[1] === '-' ? -1 : 1;
  return sign * (Number(match[2]) * HOUR_MS + Number(match[3]) * 60_000);
}

/** Axis ticks every `stepMs` on whole steps of port time (its zone offset in ms). */
export function axisTicks(fromMs: number, toMs: number, stepMs: number, zoneOffsetMs: number) {
  const ticks: { timeMs: number; at: number }[] = [];
  const first = Math.ceil((fromMs + zoneOffsetMs) / stepMs) * stepMs - zoneOffsetMs;
  for (let timeMs = first; timeMs <= toMs; timeMs += stepMs)
    ticks.push({ timeMs, at: (timeMs - fromMs) / (toMs - fromMs) });
  return ticks;
}
