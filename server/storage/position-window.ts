// The fixes of a window for replay, equipment and vessels alike, in time order. At the raw
// step every stored fix; at a coarser step the last fix of each entity in each step. Both
// probe the (entity, time) index per entity (and step), so the cost follows what is sent,
// not how much else the window holds (a time scan of 11 million fixes a day is seconds).
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type { LivePosition } from '../../protocol/live.ts';
import { fromEquipment, fromVessel } from '../live/live-positions.ts';
import { sqlTime } from '../kpi/stored-events.ts';
import type { Queryable } from './insert-rows.ts';
import { present } from './latest.ts';

/** Fixes come about once a second: at this step or finer, every fix is sent. */
export const RAW_STEP_MS = 1_000;

export interface PositionWindow {
  fromMs: number;
  toMs: number;
  stepMs: number;
}

interface Row {
  id: string;
  kind: string;
  time_ms: number;
  lon: number;
  lat: number;
  heading_deg: number | null;
  speed_mps: number | null;
  state: string | null;
  sog_knots: number | null;
  cog_deg: number | null;
}

const EQUIPMENT_COLUMNS = `extract(epoch FROM p.time)::float8 * 1000 AS time_ms, p.lon, p.lat,
  p.heading_deg, p.speed_mps, p.state, NULL::float8 AS sog_knots, NULL::float8 AS cog_deg`;
const VESSEL_COLUMNS = `extract(epoch FROM p.time)::float8 * 1000 AS time_ms, p.lon, p.lat,
  p.heading_deg, NULL::float8 AS speed_mps, NULL::text AS state, p.sog_knots, p.cog_deg`;

// Entities present in the window: the equipment table says when each was first and last
// seen, so the probes skip the trucks of other hours.
const PRESENT = `e.first_seen < $2::timestamptz AND e.last_seen >= $1::timestamptz`;

const RAW_SQL = `
  SELECT e.id, e.kind, p.* FROM equipment e
  CROSS JOIN LATERAL (
    SELECT ${EQUIPMENT_COLUMNS} FROM equipment_position p
    WHERE p.equipment_id = e.id AND p.time >= $1::timestamptz AND p.time < $2::timestamptz) p
  WHERE ${PRESENT}
  UNION ALL
  SELECT v.mmsi AS id, 'vessel' AS kind, p.* FROM vessel v
  CROSS JOIN LATERAL (
    SELECT ${VESSEL_COLUMNS} FROM vessel_position p
    WHERE p.mmsi = v.mmsi AND p.time >= $1::timestamptz AND p.time < $2::timestamptz) p
  ORDER BY time_ms, id`;

// Steps start at fromMs: [from, from + step), [from + step, from + 2 step), ...
const STEPS = `generate_series($1::timestamptz, $2::timestamptz - interval '1 millisecond',
  make_interval(secs => $3 / 1000.0)) AS s(start)`;
const IN_STEP = `p.time >= s.start AND p.time < s.start + make_interval(secs => $3 / 1000.0)
  AND p.time < $2::timestamptz`;

const SAMPLED_SQL = `
  SELECT e.id, e.kind, p.* FROM equipment e CROSS JOIN ${STEPS}
  CROSS JOIN LATERAL (
    SELECT ${EQUIPMENT_COLUMNS} FROM equipment_position p
    WHERE p.equipment_id = e.id AND ${IN_STEP} ORDER BY p.time DESC LIMIT 1) p
  WHERE ${PRESENT}
  UNION ALL
  SELECT v.mmsi AS id, 'vessel' AS kind, p.* FROM vessel v CROSS JOIN ${STEPS}
  CROSS JOIN LATERAL (
    SELECT ${VESSEL_COLUMNS} FROM vessel_position p
    WHERE p.mmsi = v.mmsi AND ${IN_STEP} ORDER BY p.time DESC LIMIT 1) p
  ORDER BY time_ms, id`;

function toLive(row: Row): LivePosition {
  const fix = { timeMs: Math.round(row.time_ms), lon: row.lon, lat: row.lat };
  if (row.kind === 'vessel')
    return fromVessel({
      mmsi: row.id,
      ...fix,
      ...present({ sogKnots: row.sog_knots, cogDeg: row.cog_deg, headingDeg: row.heading_deg }),
    });
  return fromEquipment({
    equipmentId: row.id,
    kind: row.kind as EquipmentKind,
    ...fix,
    ...present({
      headingDeg: row.heading_deg,
      speedMps: row.speed_mps,
      state: row.state as EquipmentState | null,
    }),
  });
}

/** The window's fixes in time order (ties by id): all of them, or the last per entity and step. */
export async function positionWindow(
  db: Queryable,
  { fromMs, toMs, stepMs }: PositionWindow,
): Promise<LivePosition[]> {
  const raw = stepMs <= RAW_STEP_MS;
  const { rows } = await db.query<Row>(
    raw ? RAW_SQL : SAMPLED_SQL,
    raw ? [sqlTime(fromMs), sqlTime(toMs)] : [sqlTime(fromMs), sqlTime(toMs), stepMs],
  );
  return rows.map(toLive);
}
