// The stored events of a time range, read back from their tables as the StoredEvent
// objects ingest stored (an optional field stored as NULL comes back absent), in fold
// order. Only actual events are read: estimates and plans never move the KPI state.
// One query per table, each a time-range scan (the BRIN indexes on time).
import type { Queryable } from '../../db/queryable.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import { compareEvents } from './port-state.ts';

type Row = Record<string, unknown> & { time_ms: number; event_id: string };

/** Optional columns: SQL NULL becomes an absent property, never a null value. */
function present(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null));
}

const common = (row: Row) => ({ eventId: row.event_id, timeMs: Math.round(row.time_ms) });

const TABLES: { table: string; where: string; event: (row: Row) => Record<string, unknown> }[] = [
  {
    table: 'container_event',
    where: `classifier = 'ACT'`,
    event: (r) => ({
      type: 'container',
      eventTypeCode: r.event_type_code,
      eventClassifierCode: r.classifier,
      containerNumber: r.container_number,
      ...present({
        isoEquipmentCode: r.iso_equipment_code,
        emptyIndicatorCode: r.empty_indicator,
        flow: r.flow,
        callId: r.call_id,
        facilityId: r.facility_id,
        equipmentId: r.equipment_id,
      }),
    }),
  },
  {
    table: 'port_call_event',
    where: `timestamp_code LIKE 'A%'`,
    event: (r) => ({
      type: 'port_call',
      callId: r.call_id,
      timestamp: r.timestamp_code,
      vesselImo: r.vessel_imo,
      ...present({
        vesselName: r.vessel_name,
        mmsi: r.mmsi,
        berthId: r.berth_id,
        plannedMoves: r.planned_moves,
      }),
    }),
  },
  {
    table: 'gate_event',
    where: 'true',
    event: (r) => ({
      type: 'gate',
      gateId: r.gate_id,
      laneId: r.lane_id,
      direction: r.direction,
      phase: r.phase,
      visitId: r.visit_id,
      truckId: r.truck_id,
      ...present({ containerNumber: r.container_number, appointmentId: r.appointment_id }),
    }),
  },
  {
    table: 'inspection_event',
    where: 'true',
    event: (r) => ({
      type: 'inspection',
      laneId: r.lane_id,
      containerNumber: r.container_number,
      method: r.method,
      phase: r.phase,
      ...present({ outcome: r.outcome }),
    }),
  },
  {
    table: 'customs_event',
    where: 'true',
    event: (r) => ({
      type: 'customs',
      declarationId: r.declaration_id,
      containerNumber: r.container_number,
      status: r.status,
      channel: r.channel,
      aeo: r.aeo,
    }),
  },
  {
    table: 'equipment_state_event',
    where: 'true',
    event: (r) => ({
      type: 'equipment_state',
      equipmentId: r.equipment_id,
      kind: r.kind,
      state: r.state,
      ...present({ reason: r.reason, callId: r.call_id }),
    }),
  },
];

/** An instant as a timestamptz parameter; ±Infinity are PostgreSQL's ±infinity. */
export function sqlTime(ms: number): string {
  if (ms === Infinity) return 'infinity';
  if (ms === -Infinity) return '-infinity';
  return new Date(ms).toISOString();
}

/** The actual events with fromMs <= time < toMs (either end may be infinite), in fold order. */
export async function readStoredEvents(
  db: Queryable,
  fromMs: number,
  toMs: number,
): Promise<StoredEvent[]> {
  const perTable = await Promise.all(
    TABLES.map(async ({ table, where, event }) => {
      const { rows } = await db.query<Row>(
        `SELECT (extract(epoch FROM time) * 1000)::float8 AS time_ms, *
         FROM ${table}
         WHERE time >= $1::timestamptz AND time < $2::timestamptz AND ${where}
         ORDER BY time`,
        [sqlTime(fromMs), sqlTime(toMs)],
      );
      return rows.map((row) => ({ ...event(row), ...common(row) }) as unknown as StoredEvent);
    }),
  );
  return perTable.flat().sort(compareEvents);
}
