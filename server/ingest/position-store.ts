// Reads and writes equipment positions. Writes are multi-row (unnest arrays) in one
// transaction, so a batch is stored whole or not at all, and idempotent: a fix already
// stored for the same entity and instant is skipped.
import type pg from 'pg';
import type { EquipmentPosition } from '../../protocol/telemetry.ts';
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';

interface LatestRow {
  id: string;
  kind: EquipmentKind;
  time_ms: number;
  lon: number;
  lat: number;
  heading_deg: number | null;
  speed_mps: number | null;
  state: EquipmentState | null;
}

const INSERT_POSITIONS = `
  INSERT INTO equipment_position (time, equipment_id, lon, lat, heading_deg, speed_mps, state)
  SELECT to_timestamp(t / 1000.0), id, lon, lat, heading, speed, state
  FROM unnest($1::float8[], $2::text[], $3::float8[], $4::float8[], $5::float4[], $6::float4[], $7::text[])
    AS u(t, id, lon, lat, heading, speed, state)
  ON CONFLICT (equipment_id, time) DO NOTHING`;

const UPSERT_EQUIPMENT = `
  INSERT INTO equipment (id, kind, first_seen, last_seen)
  SELECT id, kind, to_timestamp(first_ms / 1000.0), to_timestamp(last_ms / 1000.0)
  FROM unnest($1::text[], $2::text[], $3::float8[], $4::float8[]) AS u(id, kind, first_ms, last_ms)
  ON CONFLICT (id) DO UPDATE SET
    kind = EXCLUDED.kind,
    first_seen = LEAST(equipment.first_seen, EXCLUDED.first_seen),
    last_seen = GREATEST(equipment.last_seen, EXCLUDED.last_seen)`;

const LATEST_POSITIONS = `
  SELECT e.id, e.kind, extract(epoch FROM p.time)::float8 * 1000 AS time_ms,
         p.lon, p.lat, p.heading_deg, p.speed_mps, p.state
  FROM equipment e
  CROSS JOIN LATERAL (
    SELECT time, lon, lat, heading_deg, speed_mps, state FROM equipment_position
    WHERE equipment_id = e.id ORDER BY time DESC LIMIT 1
  ) p`;

export class PositionStore {
  constructor(private readonly pool: pg.Pool) {}

  async insert(positions: readonly EquipmentPosition[]): Promise<void> {
    if (positions.length === 0) return;
    const seen = new Map<string, { kind: string; first: number; last: number }>();
    for (const p of positions) {
      const entry = seen.get(p.equipmentId);
      if (!entry) seen.set(p.equipmentId, { kind: p.kind, first: p.timeMs, last: p.timeMs });
      else {
        entry.first = Math.min(entry.first, p.timeMs);
        entry.last = Math.max(entry.last, p.timeMs);
        entry.kind = p.kind;
      }
    }
    // A stable order of upserted keys keeps concurrent batches from deadlocking.
    const ids = [...seen.keys()].sort();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(UPSERT_EQUIPMENT, [
        ids,
        ids.map((id) => seen.get(id)!.kind),
        ids.map((id) => seen.get(id)!.first),
        ids.map((id) => seen.get(id)!.last),
      ]);
      await client.query(INSERT_POSITIONS, [
        positions.map((p) => p.timeMs),
        positions.map((p) => p.equipmentId),
        positions.map((p) => p.lon),
        positions.map((p) => p.lat),
        positions.map((p) => p.headingDeg ?? null),
        positions.map((p) => p.speedMps ?? null),
        positions.map((p) => p.state ?? null),
      ]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }

  /** The last known fix of every piece of equipment (the live picture after a restart). */
  async latest(): Promise<EquipmentPosition[]> {
    const { rows } = await this.pool.query<LatestRow>(LATEST_POSITIONS);
    return rows.map((row) => ({
      equipmentId: row.id,
      kind: row.kind,
      timeMs: Math.round(row.time_ms),
      lon: row.lon,
      lat: row.lat,
      ...(row.heading_deg === null ? {} : { headingDeg: row.heading_deg }),
      ...(row.speed_mps === null ? {} : { speedMps: row.speed_mps }),
      ...(row.state === null ? {} : { state: row.state }),
    }));
  }
}
