// The rollups replay and KPIs read, over a window, with the same answers on every engine:
// from the continuous aggregates of 0004_rollups where TimescaleDB is on, computed from
// the raw tables otherwise. A bucket is returned whole when the window touches it, so a
// window that cuts a bucket gives the same answer on both paths.
//
// Under TimescaleDB a late row inside a bucket that was already materialized shows once
// the refresh policy has run again (within a minute, or half an hour for the hourly
// rollups); rows newer than the last refresh show at once (real-time aggregation).
import type { Queryable } from './queryable.ts';

/** [fromMs, toMs) in epoch milliseconds. */
export interface RollupWindow {
  fromMs: number;
  toMs: number;
}

export interface CraneMoves {
  bucketMs: number;
  craneId: string;
  callId: string | null;
  discharges: number;
  loads: number;
}

export interface GateTransactions {
  bucketMs: number;
  gateId: string;
  laneId: string;
  entries: number;
  exits: number;
}

/** The last fix of one entity within a 10 s bucket. */
export interface PositionSample {
  bucketMs: number;
  equipmentId: string;
  timeMs: number;
  lon: number;
  lat: number;
  state: string | null;
}

export interface InspectionCompletions {
  bucketMs: number;
  laneId: string;
  cleared: number;
  held: number;
  completed: number;
}

interface Rollup<Row, Out> {
  widthMs: number;
  /** The continuous aggregate. */
  view: string;
  /** The view's columns computed from the raw table, for rows whose time is in [$1, $2). */
  raw: string;
  /** Read from the view or from `raw` alike. */
  columns: string;
  orderBy: string;
  toOutput(row: Row): Out;
}

// time_bucket's default origin, so date_bin and time_bucket cut the same buckets. Every
// width here divides a day, so buckets also align with the epoch (see aligned()).
const bucket = (width: string) =>
  `date_bin(INTERVAL '${width}', time, TIMESTAMPTZ '2000-01-03 00:00:00+00')`;
/** column in [$1, $2), epoch milliseconds. */
const within = (column: string) =>
  `${column} >= to_timestamp($1 / 1000.0) AND ${column} < to_timestamp($2 / 1000.0)`;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const craneMovesRollup: Rollup<
  { bucket: Date; crane_id: string; call_id: string | null; discharges: number; loads: number },
  CraneMoves
> = {
  widthMs: MINUTE,
  view: 'crane_moves_1m',
  raw: `
    SELECT ${bucket('1 minute')} AS bucket, equipment_id AS crane_id, call_id,
           count(*) FILTER (WHERE event_type_code = 'DISC') AS discharges,
           count(*) FILTER (WHERE event_type_code = 'LOAD') AS loads
    FROM container_event
    WHERE event_type_code IN ('DISC', 'LOAD') AND classifier = 'ACT' AND equipment_id IS NOT NULL
      AND ${within('time')}
    GROUP BY 1, 2, 3`,
  columns: 'bucket, crane_id, call_id, discharges::int AS discharges, loads::int AS loads',
  orderBy: 'bucket, crane_id COLLATE "C", call_id COLLATE "C"',
  toOutput: (row) => ({
    bucketMs: row.bucket.getTime(),
    craneId: row.crane_id,
    callId: row.call_id,
    discharges: row.discharges,
    loads: row.loads,
  }),
};

const gateTransactionsRollup: Rollup<
  { bucket: Date; gate_id: string; lane_id: string; entries: number; exits: number },
  GateTransactions
> = {
  widthMs: HOUR,
  view: 'gate_transactions_1h',
  raw: `
    SELECT ${bucket('1 hour')} AS bucket, gate_id, lane_id,
           count(*) FILTER (WHERE direction = 'in') AS entries,
           count(*) FILTER (WHERE direction = 'out') AS exits
    FROM gate_event
    WHERE phase = 'completed' AND ${within('time')}
    GROUP BY 1, 2, 3`,
  columns: 'bucket, gate_id, lane_id, entries::int AS entries, exits::int AS exits',
  orderBy: 'bucket, gate_id COLLATE "C", lane_id COLLATE "C"',
  toOutput: (row) => ({
    bucketMs: row.bucket.getTime(),
    gateId: row.gate_id,
    laneId: row.lane_id,
    entries: row.entries,
    exits: row.exits,
  }),
};

const positionSamplesRollup: Rollup<
  {
    bucket: Date;
    equipment_id: string;
    last_time: Date;
    lon: number;
    lat: number;
    state: string | null;
  },
  PositionSample
> = {
  widthMs: 10_000,
  view: 'equipment_position_10s',
  // (equipment_id, time) is unique, so "the last fix" is never a tie.
  raw: `
    SELECT DISTINCT ON (equipment_id, bucket)
           ${bucket('10 seconds')} AS bucket, equipment_id, time AS last_time, lon, lat, state
    FROM equipment_position
    WHERE ${within('time')}
    ORDER BY equipment_id, bucket, time DESC`,
  columns: 'bucket, equipment_id, last_time, lon, lat, state',
  orderBy: 'bucket, equipment_id COLLATE "C"',
  toOutput: (row) => ({
    bucketMs: row.bucket.getTime(),
    equipmentId: row.equipment_id,
    timeMs: row.last_time.getTime(),
    lon: row.lon,
    lat: row.lat,
    state: row.state,
  }),
};

const inspectionCompletionsRollup: Rollup<
  { bucket: Date; lane_id: string; cleared: number; held: number; completed: number },
  InspectionCompletions
> = {
  widthMs: HOUR,
  view: 'inspection_completions_1h',
  raw: `
    SELECT ${bucket('1 hour')} AS bucket, lane_id,
           count(*) FILTER (WHERE outcome = 'cleared') AS cleared,
           count(*) FILTER (WHERE outcome = 'held') AS held,
           count(*) AS completed
    FROM inspection_event
    WHERE phase = 'completed' AND ${within('time')}
    GROUP BY 1, 2`,
  columns:
    'bucket, lane_id, cleared::int AS cleared, held::int AS held, completed::int AS completed',
  orderBy: 'bucket, lane_id COLLATE "C"',
  toOutput: (row) => ({
    bucketMs: row.bucket.getTime(),
    laneId: row.lane_id,
    cleared: row.cleared,
    held: row.held,
    completed: row.completed,
  }),
};

/** The window widened to whole buckets: from the start of the first it touches to the end of the last. */
function aligned({ fromMs, toMs }: RollupWindow, widthMs: number): [number, number] {
  return [Math.floor(fromMs / widthMs) * widthMs, Math.ceil(toMs / widthMs) * widthMs];
}

async function query<Row extends object, Out>(
  db: Queryable,
  timescaledb: boolean,
  rollup: Rollup<Row, Out>,
  window: RollupWindow,
): Promise<Out[]> {
  // An empty window touches no bucket (widened, it would touch the one it sits in).
  if (window.toMs <= window.fromMs) return [];
  const source = timescaledb
    ? `(SELECT * FROM ${rollup.view} WHERE ${within('bucket')})`
    : `(${rollup.raw})`;
  const { rows } = await db.query<Row>(
    `SELECT ${rollup.columns} FROM ${source} AS r ORDER BY ${rollup.orderBy}`,
    aligned(window, rollup.widthMs),
  );
  return rows.map(rollup.toOutput);
}

/** Crane moves (actual DISC and LOAD events with a crane) per crane and call, per minute. */
export const craneMoves = (db: Queryable, timescaledb: boolean, window: RollupWindow) =>
  query(db, timescaledb, craneMovesRollup, window);

/** Completed gate transactions per lane, by direction, per hour. */
export const gateTransactions = (db: Queryable, timescaledb: boolean, window: RollupWindow) =>
  query(db, timescaledb, gateTransactionsRollup, window);

/** Each entity's last fix per 10 s, for replay at a fraction of the raw rows. */
export const positionSamples = (db: Queryable, timescaledb: boolean, window: RollupWindow) =>
  query(db, timescaledb, positionSamplesRollup, window);

/** Completed inspections per lane, by outcome, per hour. */
export const inspectionCompletions = (db: Queryable, timescaledb: boolean, window: RollupWindow) =>
  query(db, timescaledb, inspectionCompletionsRollup, window);
