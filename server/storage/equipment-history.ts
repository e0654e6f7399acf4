// One machine's past over a window: its state timeline (the span in force at the start
// included, so the strip begins filled), and the boxes it handled, in total, per hour and
// the latest ones. Each part is one indexed query on the machine's id.
import type { EquipmentHistory, HistoryEntry, StateSpan } from '../../protocol/history.ts';
import { epochMs, present } from './history-rows.ts';
import { isoTime, type Queryable } from './insert-rows.ts';

export const HOUR_MS = 3_600_000;
/** A move is a box lifted or set down: on or off a ship, off or onto a yard stack. */
export const MOVE_CODES = ['DISC', 'LOAD', 'PICK', 'DROP'] as const;
const RECENT_MOVES = 20;

export interface StateChange {
  timeMs: number;
  state: string;
  reason?: string;
  callId?: string;
}

/**
 * Spans from state changes sorted by time: each lasts until the next change; one that
 * repeats the state in force (same reason and call) continues it. The last span is open
 * unless a change after the window (`closedBy`) ends it.
 */
export function stateSpans(changes: readonly StateChange[], closedBy?: number): StateSpan[] {
  const spans: StateSpan[] = [];
  for (const change of changes) {
    if (spans.at(-1)?.fromMs === change.timeMs) spans.pop(); // superseded at the same instant
    const last = spans.at(-1);
    if (
      last &&
      last.state === change.state &&
      last.reason === change.reason &&
      last.callId === change.callId
    ) {
      delete last.toMs;
      continue;
    }
    if (last) last.toMs = change.timeMs;
    spans.push({
      state: change.state,
      fromMs: change.timeMs,
      ...(change.reason !== undefined && { reason: change.reason }),
      ...(change.callId !== undefined && { callId: change.callId }),
    });
  }
  const last = spans.at(-1);
  if (last && closedBy !== undefined) last.toMs = closedBy;
  return spans;
}

/** Hour buckets covering [fromMs, toMs], zeros included, so bars line up with the axis. */
export function hourlyMoves(
  counts: ReadonlyMap<number, number>,
  fromMs: number,
  toMs: number,
): EquipmentHistory['movesPerHour'] {
  const hours: EquipmentHistory['movesPerHour'] = [];
  for (let hourMs = Math.floor(fromMs / HOUR_MS) * HOUR_MS; hourMs <= toMs; hourMs += HOUR_MS)
    hours.push({ hourMs, moves: counts.get(hourMs) ?? 0 });
  return hours;
}

interface StateRow {
  part: 'before' | 'within' | 'after';
  time_ms: number;
  state: string;
  reason: string | null;
  call_id: string | null;
}

async function readStateChanges(db: Queryable, id: string, from: string, to: string) {
  const columns = `${epochMs('time')} AS time_ms, state, reason, call_id`;
  const { rows } = await db.query<StateRow>(
    `(SELECT 'before' AS part, ${columns} FROM equipment_state_event
      WHERE equipment_id = $1 AND time < $2::timestamptz ORDER BY time DESC LIMIT 1)
     UNION ALL
     (SELECT 'within', ${columns} FROM equipment_state_event
      WHERE equipment_id = $1 AND time BETWEEN $2::timestamptz AND $3::timestamptz)
     UNION ALL
     (SELECT 'after', ${columns} FROM equipment_state_event
      WHERE equipment_id = $1 AND time > $3::timestamptz ORDER BY time LIMIT 1)`,
    [id, from, to],
  );
  const changes = rows
    .filter((row) => row.part !== 'after')
    .map((row) => ({
      timeMs: Math.round(row.time_ms),
      state: row.state,
      ...present({ reason: row.reason, callId: row.call_id }),
    }))
    .sort((a, b) => a.timeMs - b.timeMs);
  const after = rows.find((row) => row.part === 'after');
  return { changes, closedBy: after && Math.round(after.time_ms) };
}

const MOVES_WHERE = `equipment_id = $1 AND time BETWEEN $2::timestamptz AND $3::timestamptz
  AND classifier = 'ACT' AND event_type_code = ANY($4::text[])`;

async function readMoveCounts(db: Queryable, id: string, from: string, to: string) {
  const { rows } = await db.query<{ hour_ms: number; moves: number }>(
    `SELECT floor(${epochMs('time')} / ${HOUR_MS}) * ${HOUR_MS} AS hour_ms, count(*)::int AS moves
     FROM container_event WHERE ${MOVES_WHERE} GROUP BY 1`,
    [id, from, to, MOVE_CODES],
  );
  return new Map(rows.map((row) => [Math.round(row.hour_ms), row.moves]));
}

interface MoveRow {
  time_ms: number;
  event_type_code: string;
  container_number: string;
  facility_id: string | null;
  call_id: string | null;
}

async function readRecentMoves(db: Queryable, id: string, from: string, to: string) {
  const { rows } = await db.query<MoveRow>(
    `SELECT ${epochMs('time')} AS time_ms, event_type_code, container_number, facility_id, call_id
     FROM container_event WHERE ${MOVES_WHERE} ORDER BY time DESC LIMIT ${RECENT_MOVES}`,
    [id, from, to, MOVE_CODES],
  );
  return rows.map((row): HistoryEntry => ({
    timeMs: Math.round(row.time_ms),
    type: 'container',
    code: row.event_type_code,
    note: row.container_number,
    ...present({ placeId: row.facility_id, by: row.call_id }),
  }));
}

export async function readEquipmentHistory(
  db: Queryable,
  equipmentId: string,
  fromMs: number,
  toMs: number,
): Promise<EquipmentHistory> {
  const [from, to] = [isoTime(fromMs), isoTime(toMs)];
  const [{ changes, closedBy }, counts, recentMoves] = await Promise.all([
    readStateChanges(db, equipmentId, from, to),
    readMoveCounts(db, equipmentId, from, to),
    readRecentMoves(db, equipmentId, from, to),
  ]);
  const movesPerHour = hourlyMoves(counts, fromMs, toMs);
  return {
    equipmentId,
    fromMs,
    toMs,
    states: stateSpans(changes, closedBy),
    moves: movesPerHour.reduce((sum, hour) => sum + hour.moves, 0),
    movesPerHour,
    recentMoves,
  };
}
