// The berth schedule of a window: every vessel call whose estimates or actuals touch it,
// folded from its DCSA JIT timestamps (the newest report of each kind wins, "newest" by
// when it was received, as a revised ETA replaces the one before), with the moves done so
// far. Two grouped steps in one statement, whatever the number of calls.
import type { ScheduledCall } from '../../protocol/history.ts';
import { epochMs, optionalMs, present } from './history-rows.ts';
import { isoTime, type Queryable } from './insert-rows.ts';
import { sqlTime } from '../kpi/stored-events.ts';

/** A call alongside across the window started at most this long before it. */
const LONGEST_CALL = '30 days';

interface CallRow {
  call_id: string;
  vessel_name: string | null;
  vessel_imo: string;
  mmsi: string | null;
  berth_id: string | null;
  planned_moves: number | null;
  eta_ms: number | null;
  etd_ms: number | null;
  atb_ms: number | null;
  ops_start_ms: number | null;
  ops_end_ms: number | null;
  atd_ms: number | null;
  moves_done: number;
}

/** The newest non-null value of a column over a call's reports. */
const newest = (column: string, where = `${column} IS NOT NULL`) =>
  `(array_agg(${column} ORDER BY received_at DESC, time DESC) FILTER (WHERE ${where}))[1]`;
const newestTime = (codes: string[]) =>
  newest('time', `timestamp_code IN (${codes.map((c) => `'${c}'`).join(', ')})`);

const TIMES = ['eta', 'etd', 'atb', 'ops_start', 'ops_end', 'atd'] as const;
const inWindow = (column: string) => `(${column} BETWEEN $1::timestamptz AND $2::timestamptz)`;

const SCHEDULE_SQL = `
  WITH touched AS (
    SELECT DISTINCT call_id FROM port_call_event
    WHERE time BETWEEN $1::timestamptz - interval '${LONGEST_CALL}' AND $2::timestamptz
  ),
  reports AS (
    SELECT p.*, i.received_at
    FROM port_call_event p
    JOIN touched USING (call_id)
    LEFT JOIN ingested_event i ON i.event_id = p.event_id
    -- As known at $3: what actually happened after it has not happened yet.
    WHERE p.timestamp_code NOT LIKE 'A%' OR p.time <= $3::timestamptz
  ),
  calls AS (
    SELECT call_id,
           ${newest('vessel_name')} AS vessel_name,
           ${newest('vessel_imo')} AS vessel_imo,
           ${newest('mmsi')} AS mmsi,
           ${newest('berth_id')} AS berth_id,
           ${newest('planned_moves')} AS planned_moves,
           ${newestTime(['ETA-Berth', 'PTA-Berth'])} AS eta,
           ${newestTime(['ETD-Berth'])} AS etd,
           ${newestTime(['ATA-Berth'])} AS atb,
           ${newestTime(['ATS-Cargo Ops'])} AS ops_start,
           ${newestTime(['ATC-Cargo Ops'])} AS ops_end,
           ${newestTime(['ATD-Berth'])} AS atd
    FROM reports
    GROUP BY call_id
  )
  SELECT call_id, vessel_name, vessel_imo, mmsi, berth_id, planned_moves,
         ${TIMES.map((t) => `${epochMs(t)} AS ${t}_ms`).join(', ')},
         (SELECT count(*) FROM container_event e
          WHERE e.call_id = calls.call_id AND e.classifier = 'ACT'
            AND e.event_type_code IN ('DISC', 'LOAD') AND e.time <= $3::timestamptz)::int AS moves_done
  FROM calls
  WHERE ${TIMES.map(inWindow).join(' OR ')}
     -- alongside across the window
     OR (atb <= $2::timestamptz AND (atd IS NULL OR atd >= $1::timestamptz))
     -- planned across it, not yet arrived
     OR (atb IS NULL AND eta <= $2::timestamptz AND etd >= $1::timestamptz)
  ORDER BY coalesce(atb, eta, etd, atd), call_id`;

/** The calls of [fromMs, toMs] as known at asAtMs (default: everything stored). */
export async function readBerthSchedule(
  db: Queryable,
  fromMs: number,
  toMs: number,
  asAtMs = Infinity,
): Promise<ScheduledCall[]> {
  const { rows } = await db.query<CallRow>(SCHEDULE_SQL, [
    isoTime(fromMs),
    isoTime(toMs),
    sqlTime(asAtMs),
  ]);
  return rows.map((row) => ({
    callId: row.call_id,
    vesselImo: row.vessel_imo,
    movesDone: row.moves_done,
    ...present({
      vesselName: row.vessel_name,
      mmsi: row.mmsi,
      berthId: row.berth_id,
      plannedMoves: row.planned_moves,
      etaMs: optionalMs(row.eta_ms),
      etdMs: optionalMs(row.etd_ms),
      atbMs: optionalMs(row.atb_ms),
      opsStartMs: optionalMs(row.ops_start_ms),
      opsEndMs: optionalMs(row.ops_end_ms),
      atdMs: optionalMs(row.atd_ms),
    }),
  }));
}
