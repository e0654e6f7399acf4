// Checkpoints of the KPI state: written by the live side as its base state passes each
// boundary (hourly by default, aligned to the epoch so every instance picks the same
// instants), read by history to start folding close to a window instead of at the
// beginning. A checkpoint at T holds the fold of every event before T.
import type { Queryable } from '../../db/queryable.ts';
import { STATE_FORMAT, stateFromJson, stateToJson } from './port-state-json.ts';
import type { PortState } from './port-state.ts';
import { HOUR_MS } from './statistics.ts';
import { sqlTime } from './stored-events.ts';

export const CHECKPOINT_INTERVAL_MS = HOUR_MS;

export interface Checkpoint {
  atMs: number;
  state: PortState;
}

/** The newest checkpoint instant in (afterMs, upToMs] (a multiple of the interval), if any. */
export function checkpointDue(
  afterMs: number,
  upToMs: number,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): number | undefined {
  const atMs = Math.floor(upToMs / intervalMs) * intervalMs;
  return atMs > afterMs ? atMs : undefined;
}

export async function writeCheckpoint(
  db: Queryable,
  atMs: number,
  state: PortState,
): Promise<void> {
  await db.query(
    `INSERT INTO kpi_checkpoint (time, state) VALUES ($1::timestamptz, $2::jsonb)
     ON CONFLICT (time) DO UPDATE SET state = EXCLUDED.state`,
    [sqlTime(atMs), JSON.stringify(stateToJson(state))],
  );
}

/** The newest checkpoint at or before atMs in the current state format, if any. */
export async function readCheckpoint(db: Queryable, atMs: number): Promise<Checkpoint | undefined> {
  const { rows } = await db.query<{ time_ms: number; state: unknown }>(
    `SELECT (extract(epoch FROM time) * 1000)::float8 AS time_ms, state FROM kpi_checkpoint
     WHERE time <= $1::timestamptz AND state->>'format' = $2
     ORDER BY time DESC LIMIT 1`,
    [sqlTime(atMs), String(STATE_FORMAT)],
  );
  const row = rows[0];
  const state = row && stateFromJson(row.state);
  return row && state ? { atMs: Math.round(row.time_ms), state } : undefined;
}
