// A gate lane's or an inspection lane's queue over a window: who joined it when (a truck
// arriving, a box queued) and when they left it (the transaction started, or the truck
// was turned away), the queue length every 5 minutes from that, the transactions
// completed and the latest events. Each part is one query on the lane's index.
import type { HistoryEntry, LaneHistory } from '../../protocol/history.ts';
import { epochMs, optionalMs, present } from './history-rows.ts';
import { isoTime, type Queryable } from './insert-rows.ts';

export const QUEUE_SAMPLE_MS = 5 * 60_000;
/** Who is still queued at the window's start joined at most this long before it. */
const LONGEST_WAIT = '24 hours';
const RECENT_EVENTS = 20;

export type LaneKind = 'gate' | 'inspection';

/**
 * How each kind of lane logs its queue: the table, who queues, which phases join and
 * leave it, and what its history lines name as `by` and `note` (as a container's story
 * does: a gate's truck and direction, an inspection's box and outcome).
 */
const LANES: Record<
  LaneKind,
  { table: string; key: string; joins: string; leaves: string[]; by: string; note: string }
> = {
  gate: {
    table: 'gate_event',
    key: 'visit_id',
    joins: 'arrived',
    leaves: ['started', 'completed', 'rejected'],
    by: 'truck_id',
    note: 'direction',
  },
  inspection: {
    table: 'inspection_event',
    key: 'container_number',
    joins: 'queued',
    leaves: ['started', 'completed'],
    by: 'container_number',
    note: 'outcome',
  },
};

/** One wait in the queue: from joining until leaving (absent while still waiting). */
export interface Wait {
  joinedMs: number;
  leftMs?: number;
}

export const queueAt = (waits: readonly Wait[], atMs: number) =>
  waits.filter((w) => w.joinedMs <= atMs && (w.leftMs === undefined || w.leftMs > atMs)).length;

/** The queue at every whole 5 minutes of [fromMs, toMs]. */
export function queueSamples(
  waits: readonly Wait[],
  fromMs: number,
  toMs: number,
): LaneHistory['queue'] {
  const samples: LaneHistory['queue'] = [];
  const first = Math.ceil(fromMs / QUEUE_SAMPLE_MS) * QUEUE_SAMPLE_MS;
  for (let timeMs = first; timeMs <= toMs; timeMs += QUEUE_SAMPLE_MS)
    samples.push({ timeMs, length: queueAt(waits, timeMs) });
  return samples;
}

async function readWaits(db: Queryable, kind: LaneKind, laneId: string, from: string, to: string) {
  const { table, key, joins, leaves } = LANES[kind];
  const { rows } = await db.query<{ joined_ms: number; left_ms: number | null }>(
    `SELECT ${epochMs('joined')} AS joined_ms, ${epochMs('left_at')} AS left_ms FROM (
       SELECT min(time) FILTER (WHERE phase = $4) AS joined,
              min(time) FILTER (WHERE phase = ANY($5::text[])) AS left_at
       FROM ${table}
       WHERE lane_id = $1
         AND time BETWEEN $2::timestamptz - interval '${LONGEST_WAIT}' AND $3::timestamptz
       GROUP BY ${key}
     ) waits WHERE joined IS NOT NULL`,
    [laneId, from, to, joins, leaves],
  );
  return rows.map((row): Wait => ({
    joinedMs: Math.round(row.joined_ms),
    ...present({ leftMs: optionalMs(row.left_ms) }),
  }));
}

async function readCompleted(
  db: Queryable,
  kind: LaneKind,
  laneId: string,
  from: string,
  to: string,
) {
  const { rows } = await db.query<{ completed: number }>(
    `SELECT count(*)::int AS completed FROM ${LANES[kind].table}
     WHERE lane_id = $1 AND phase = 'completed' AND time BETWEEN $2::timestamptz AND $3::timestamptz`,
    [laneId, from, to],
  );
  return rows[0]?.completed ?? 0;
}

interface EventRow {
  time_ms: number;
  phase: string;
  by: string;
  note: string | null;
}

async function readRecent(db: Queryable, kind: LaneKind, laneId: string, from: string, to: string) {
  const { table, by, note } = LANES[kind];
  const { rows } = await db.query<EventRow>(
    `SELECT ${epochMs('time')} AS time_ms, phase, ${by} AS by, ${note} AS note
     FROM ${table} WHERE lane_id = $1 AND time BETWEEN $2::timestamptz AND $3::timestamptz
     ORDER BY time DESC LIMIT ${RECENT_EVENTS}`,
    [laneId, from, to],
  );
  return rows.map((row): HistoryEntry => ({
    timeMs: Math.round(row.time_ms),
    type: kind,
    code: row.phase,
    placeId: laneId,
    by: row.by,
    ...present({ note: row.note }),
  }));
}

export async function readLaneHistory(
  db: Queryable,
  kind: LaneKind,
  laneId: string,
  fromMs: number,
  toMs: number,
  nowMs: number,
): Promise<LaneHistory> {
  const [from, to] = [isoTime(fromMs), isoTime(toMs)];
  const [waits, completed, recent] = await Promise.all([
    readWaits(db, kind, laneId, from, to),
    readCompleted(db, kind, laneId, from, to),
    readRecent(db, kind, laneId, from, to),
  ]);
  // The queue is not known beyond now: a window reaching into the future stops there.
  const knownToMs = Math.min(toMs, nowMs);
  return {
    laneId,
    fromMs,
    toMs,
    queueNow: queueAt(waits, knownToMs),
    queue: queueSamples(waits, fromMs, knownToMs),
    completed,
    recent,
  };
}
