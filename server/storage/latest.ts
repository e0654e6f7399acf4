// The last known picture: read at start so the live map is full after a restart, and as
// at a past instant for replay (each entity's last fix before it, if recent enough).
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type { EquipmentPosition } from '../../protocol/telemetry.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import type { Queryable } from './insert-rows.ts';
import { sqlTime } from '../kpi/stored-events.ts';

/** Fixes at or before atMs and less than lookbackMs older; by default the newest of all. */
export interface AsAt {
  atMs: number;
  lookbackMs: number;
}

const NEWEST: AsAt = { atMs: Infinity, lookbackMs: Infinity };
const bounds = ({ atMs, lookbackMs }: AsAt) => [
  sqlTime(atMs),
  sqlTime(lookbackMs === Infinity ? -Infinity : atMs - lookbackMs),
];

interface EquipmentRow {
  id: string;
  kind: EquipmentKind;
  time_ms: number;
  lon: number;
  lat: number;
  heading_deg: number | null;
  speed_mps: number | null;
  state: EquipmentState | null;
}

interface VesselRow {
  mmsi: string;
  time_ms: number;
  lon: number;
  lat: number;
  sog_knots: number | null;
  cog_deg: number | null;
  heading_deg: number | null;
  nav_status: number | null;
}

/** Optional columns: SQL NULL becomes an absent property, never a null value. */
export function present<T extends Record<string, unknown>>(
  fields: T,
): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as Partial<{
    [K in keyof T]: NonNullable<T[K]>;
  }>;
}

export async function latestEquipmentPositions(
  db: Queryable,
  asAt: AsAt = NEWEST,
): Promise<EquipmentPosition[]> {
  const { rows } = await db.query<EquipmentRow>(
    `
    SELECT e.id, e.kind, extract(epoch FROM p.time)::float8 * 1000 AS time_ms,
           p.lon, p.lat, p.heading_deg, p.speed_mps, p.state
    FROM equipment e
    CROSS JOIN LATERAL (
      SELECT time, lon, lat, heading_deg, speed_mps, state FROM equipment_position
      WHERE equipment_id = e.id AND time <= $1::timestamptz AND time > $2::timestamptz
      ORDER BY time DESC LIMIT 1
    ) p
    WHERE e.first_seen <= $1::timestamptz AND e.last_seen > $2::timestamptz`,
    bounds(asAt),
  );
  return rows.map((row) => ({
    equipmentId: row.id,
    kind: row.kind,
    timeMs: Math.round(row.time_ms),
    lon: row.lon,
    lat: row.lat,
    ...present({ headingDeg: row.heading_deg, speedMps: row.speed_mps, state: row.state }),
  }));
}

export async function latestVesselPositions(
  db: Queryable,
  asAt: AsAt = NEWEST,
): Promise<VesselPosition[]> {
  const { rows } = await db.query<VesselRow>(
    `
    SELECT v.mmsi, extract(epoch FROM p.time)::float8 * 1000 AS time_ms,
           p.lon, p.lat, p.sog_knots, p.cog_deg, p.heading_deg, p.nav_status
    FROM vessel v
    CROSS JOIN LATERAL (
      SELECT time, lon, lat, sog_knots, cog_deg, heading_deg, nav_status FROM vessel_position
      WHERE mmsi = v.mmsi AND time <= $1::timestamptz AND time > $2::timestamptz
      ORDER BY time DESC LIMIT 1
    ) p`,
    bounds(asAt),
  );
  return rows.map((row) => ({
    mmsi: row.mmsi,
    timeMs: Math.round(row.time_ms),
    lon: row.lon,
    lat: row.lat,
    ...present({
      sogKnots: row.sog_knots,
      cogDeg: row.cog_deg,
      headingDeg: row.heading_deg,
      navStatus: row.nav_status,
    }),
  }));
}
