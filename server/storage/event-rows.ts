// Logistics events into their tables. Idempotent: an event id already stored (in this
// batch or before) is skipped, so a feed may resend after a timeout without doubling.
import type {
  ContainerEvent,
  CustomsEvent,
  EquipmentStateEvent,
  EventType,
  GateEvent,
  InspectionEvent,
  PortCallEvent,
  StoredEvent,
} from '../../protocol/events.ts';
import { insertRows, isoTime, type Column, type Queryable } from './insert-rows.ts';
import { sightings, upsertEquipment } from './position-rows.ts';

const common = <E extends StoredEvent>(): Column<E>[] => [
  { name: 'time', type: 'timestamptz', value: (e) => isoTime(e.timeMs) },
  { name: 'event_id', type: 'text', value: (e) => e.eventId },
];

type EventOfType<T extends EventType> = Extract<StoredEvent, { type: T }>;

const TABLES: { [T in EventType]: { table: string; columns: Column<EventOfType<T>>[] } } = {
  container: {
    table: 'container_event',
    columns: [
      ...common<StoredEvent<ContainerEvent>>(),
      { name: 'event_type_code', type: 'text', value: (e) => e.eventTypeCode },
      { name: 'classifier', type: 'text', value: (e) => e.eventClassifierCode ?? 'ACT' },
      { name: 'container_number', type: 'text', value: (e) => e.containerNumber },
      { name: 'iso_equipment_code', type: 'text', value: (e) => e.isoEquipmentCode },
      { name: 'empty_indicator', type: 'text', value: (e) => e.emptyIndicatorCode },
      { name: 'flow', type: 'text', value: (e) => e.flow },
      { name: 'call_id', type: 'text', value: (e) => e.callId },
      { name: 'facility_id', type: 'text', value: (e) => e.facilityId },
      { name: 'equipment_id', type: 'text', value: (e) => e.equipmentId },
    ],
  },
  port_call: {
    table: 'port_call_event',
    columns: [
      ...common<StoredEvent<PortCallEvent>>(),
      { name: 'call_id', type: 'text', value: (e) => e.callId },
      { name: 'timestamp_code', type: 'text', value: (e) => e.timestamp },
      { name: 'vessel_imo', type: 'text', value: (e) => e.vesselImo },
      { name: 'vessel_name', type: 'text', value: (e) => e.vesselName },
      { name: 'mmsi', type: 'text', value: (e) => e.mmsi },
      { name: 'berth_id', type: 'text', value: (e) => e.berthId },
      { name: 'planned_moves', type: 'int4', value: (e) => e.plannedMoves },
    ],
  },
  gate: {
    table: 'gate_event',
    columns: [
      ...common<StoredEvent<GateEvent>>(),
      { name: 'gate_id', type: 'text', value: (e) => e.gateId },
      { name: 'lane_id', type: 'text', value: (e) => e.laneId },
      { name: 'direction', type: 'text', value: (e) => e.direction },
      { name: 'phase', type: 'text', value: (e) => e.phase },
      { name: 'visit_id', type: 'text', value: (e) => e.visitId },
      { name: 'truck_id', type: 'text', value: (e) => e.truckId },
      { name: 'container_number', type: 'text', value: (e) => e.containerNumber },
      { name: 'appointment_id', type: 'text', value: (e) => e.appointmentId },
    ],
  },
  inspection: {
    table: 'inspection_event',
    columns: [
      ...common<StoredEvent<InspectionEvent>>(),
      { name: 'lane_id', type: 'text', value: (e) => e.laneId },
      { name: 'container_number', type: 'text', value: (e) => e.containerNumber },
      { name: 'method', type: 'text', value: (e) => e.method },
      { name: 'phase', type: 'text', value: (e) => e.phase },
      { name: 'outcome', type: 'text', value: (e) => e.outcome },
    ],
  },
  customs: {
    table: 'customs_event',
    columns: [
      ...common<StoredEvent<CustomsEvent>>(),
      { name: 'declaration_id', type: 'text', value: (e) => e.declarationId },
      { name: 'container_number', type: 'text', value: (e) => e.containerNumber },
      { name: 'status', type: 'text', value: (e) => e.status },
      { name: 'channel', type: 'text', value: (e) => e.channel },
      { name: 'aeo', type: 'bool', value: (e) => e.aeo },
    ],
  },
  equipment_state: {
    table: 'equipment_state_event',
    columns: [
      ...common<StoredEvent<EquipmentStateEvent>>(),
      { name: 'equipment_id', type: 'text', value: (e) => e.equipmentId },
      { name: 'kind', type: 'text', value: (e) => e.kind },
      { name: 'state', type: 'text', value: (e) => e.state },
      { name: 'reason', type: 'text', value: (e) => e.reason },
      { name: 'call_id', type: 'text', value: (e) => e.callId },
    ],
  },
};

/** Stores the events not stored before; returns those (resends and repeats left out). */
export async function insertEvents(
  db: Queryable,
  events: readonly StoredEvent[],
): Promise<StoredEvent[]> {
  if (events.length === 0) return [];
  const firstById = new Map<string, StoredEvent>();
  for (const event of events)
    if (!firstById.has(event.eventId)) firstById.set(event.eventId, event);
  const candidates = [...firstById.values()];
  const { rows } = await db.query<{ event_id: string }>(
    `INSERT INTO ingested_event (event_id, event_type, time)
     SELECT * FROM unnest($1::text[], $2::text[], $3::timestamptz[])
     ON CONFLICT (event_id) DO NOTHING RETURNING event_id`,
    [
      candidates.map((e) => e.eventId),
      candidates.map((e) => e.type),
      candidates.map((e) => isoTime(e.timeMs)),
    ],
  );
  const fresh = new Set(rows.map((r) => r.event_id));
  const newEvents = candidates.filter((e) => fresh.has(e.eventId));

  for (const type of Object.keys(TABLES) as EventType[]) {
    const { table, columns } = TABLES[type];
    const ofType = newEvents.filter((e) => e.type === type);
    await insertRows(db, table, columns as Column<StoredEvent>[], ofType);
  }
  await upsertEquipment(
    db,
    sightings(
      newEvents.flatMap((e) =>
        e.type === 'equipment_state' ? [{ id: e.equipmentId, kind: e.kind, timeMs: e.timeMs }] : [],
      ),
    ),
  );
  return newEvents;
}
