// Equipment and vessel positions, and the reference rows they keep current.
import type { EquipmentPosition } from '../../protocol/telemetry.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import { insertRows, isoTime, type Column, type Queryable } from './insert-rows.ts';

const EQUIPMENT_POSITION: Column<EquipmentPosition>[] = [
  { name: 'time', type: 'timestamptz', value: (p) => isoTime(p.timeMs) },
  { name: 'equipment_id', type: 'text', value: (p) => p.equipmentId },
  { name: 'lon', type: 'float8', value: (p) => p.lon },
  { name: 'lat', type: 'float8', value: (p) => p.lat },
  { name: 'heading_deg', type: 'float8', value: (p) => p.headingDeg },
  { name: 'speed_mps', type: 'float8', value: (p) => p.speedMps },
  { name: 'state', type: 'text', value: (p) => p.state },
];

const VESSEL_POSITION: Column<VesselPosition>[] = [
  { name: 'time', type: 'timestamptz', value: (p) => isoTime(p.timeMs) },
  { name: 'mmsi', type: 'text', value: (p) => p.mmsi },
  { name: 'lon', type: 'float8', value: (p) => p.lon },
  { name: 'lat', type: 'float8', value: (p) => p.lat },
  { name: 'sog_knots', type: 'float8', value: (p) => p.sogKnots },
  { name: 'cog_deg', type: 'float8', value: (p) => p.cogDeg },
  { name: 'heading_deg', type: 'float8', value: (p) => p.headingDeg },
  { name: 'nav_status', type: 'int2', value: (p) => p.navStatus },
];

export interface EquipmentSighting {
  id: string;
  kind: string;
  firstMs: number;
  lastMs: number;
}

const EQUIPMENT: Column<EquipmentSighting>[] = [
  { name: 'id', type: 'text', value: (e) => e.id },
  { name: 'kind', type: 'text', value: (e) => e.kind },
  { name: 'first_seen', type: 'timestamptz', value: (e) => isoTime(e.firstMs) },
  { name: 'last_seen', type: 'timestamptz', value: (e) => isoTime(e.lastMs) },
];

/** One sighting per piece of equipment, sorted by id so concurrent upserts never deadlock. */
export function sightings(
  seen: Iterable<{ id: string; kind: string; timeMs: number }>,
): EquipmentSighting[] {
  const byId = new Map<string, EquipmentSighting>();
  for (const { id, kind, timeMs } of seen) {
    const known = byId.get(id);
    if (!known) byId.set(id, { id, kind, firstMs: timeMs, lastMs: timeMs });
    else {
      known.kind = kind;
      known.firstMs = Math.min(known.firstMs, timeMs);
      known.lastMs = Math.max(known.lastMs, timeMs);
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export async function upsertEquipment(db: Queryable, rows: EquipmentSighting[]): Promise<void> {
  await insertRows(
    db,
    'equipment',
    EQUIPMENT,
    rows,
    `ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind,
       first_seen = LEAST(equipment.first_seen, EXCLUDED.first_seen),
       last_seen = GREATEST(equipment.last_seen, EXCLUDED.last_seen)`,
  );
}

/** Stores fixes; a fix already stored for the same entity and instant is skipped. */
export async function insertEquipmentPositions(
  db: Queryable,
  rows: readonly EquipmentPosition[],
): Promise<void> {
  await insertRows(db, 'equipment_position', EQUIPMENT_POSITION, rows, 'ON CONFLICT DO NOTHING');
}

export async function insertVesselPositions(
  db: Queryable,
  rows: readonly VesselPosition[],
): Promise<void> {
  if (rows.length === 0) return;
  const latest = new Map<string, number>();
  for (const p of rows) latest.set(p.mmsi, Math.max(latest.get(p.mmsi) ?? 0, p.timeMs));
  const mmsis = [...latest.keys()].sort();
  await db.query(
    `INSERT INTO vessel (mmsi, updated_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])
     ON CONFLICT (mmsi) DO UPDATE SET updated_at = GREATEST(vessel.updated_at, EXCLUDED.updated_at)`,
    [mmsis, mmsis.map((m) => isoTime(latest.get(m)!))],
  );
  await insertRows(db, 'vessel_position', VESSEL_POSITION, rows, 'ON CONFLICT DO NOTHING');
}
