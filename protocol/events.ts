// Logistics events as feeds send them to POST /api/v1/events: one discriminated union on
// `type`. Every event carries an `eventId` chosen by its source: resending an event with
// an id already stored does not store it twice. Codes follow the standards verbatim:
// DCSA Track & Trace equipment event codes, DCSA Just-In-Time port-call timestamps.
import Type, { type Static } from 'typebox';
import { EquipmentKind, EquipmentState } from './equipment.ts';
import { EntityId, WireTime } from './telemetry.ts';

export const EventId = Type.String({
  minLength: 1,
  maxLength: 100,
  description: 'unique per source and event; the idempotency key',
});

export const ContainerNumber = Type.String({
  maxLength: 11,
  description: 'ISO 6346, with a valid check digit (e.g. CSQU3054383)',
});
export const ImoNumber = Type.String({
  maxLength: 7,
  description: '7 digits with a valid IMO check digit',
});

/** DCSA T&T equipmentEventTypeCode. */
export const CONTAINER_EVENT_CODES = [
  'LOAD', // loaded onto a vessel
  'DISC', // discharged from a vessel
  'GTIN', // gated in
  'GTOT', // gated out
  'STUF', // stuffed
  'STRP', // stripped
  'PICK', // picked up (from a yard slot)
  'DROP', // dropped off (into a yard slot)
  'INSP', // seal inspected
  'RSEA', // resealed
  'RMVD', // seal removed
  'AVPU', // available for pick-up
  'AVDO', // available for drop-off
  'CUSS', // customs selected for scan
  'CUSI', // customs selected for inspection
  'CUSR', // customs released
  'WAYP', // waypoint crossed
] as const;
export type ContainerEventCode = (typeof CONTAINER_EVENT_CODES)[number];

export const CONTAINER_FLOWS = ['import', 'export', 'transshipment', 'empty'] as const;

const common = { eventId: EventId, time: WireTime };

export const ContainerEvent = Type.Object(
  {
    type: Type.Literal('container'),
    ...common,
    eventTypeCode: Type.Enum([...CONTAINER_EVENT_CODES]),
    eventClassifierCode: Type.Optional(Type.Enum(['ACT', 'EST', 'PLN'])),
    containerNumber: ContainerNumber,
    isoEquipmentCode: Type.Optional(
      Type.String({ pattern: '^[0-9A-Z]{4}$', description: 'ISO 6346 size/type, e.g. 45G1' }),
    ),
    emptyIndicatorCode: Type.Optional(Type.Enum(['EMPTY', 'LADEN'])),
    flow: Type.Optional(Type.Enum([...CONTAINER_FLOWS])),
    /** The vessel call a DISC or LOAD belongs to. */
    callId: Type.Optional(EntityId),
    /** Where it happened: a berth, yard block, gate lane or inspection lane of the port model. */
    facilityId: Type.Optional(EntityId),
    /** The crane or vehicle that did it. */
    equipmentId: Type.Optional(EntityId),
  },
  { additionalProperties: false },
);
export type ContainerEvent = Static<typeof ContainerEvent>;

/** DCSA JIT port-call timestamps Quayside keeps (E = estimated, P = planned, A = actual). */
export const PORT_CALL_TIMESTAMPS = [
  'ETA-Berth',
  'PTA-Berth',
  'ETD-Berth',
  'ATA-PBP', // pilot boarding place
  'ATA-Anchorage',
  'ATD-Anchorage',
  'ATA-Berth', // all fast
  'ATS-Cargo Ops',
  'ATC-Cargo Ops',
  'ATD-Berth', // last line released
] as const;
export type PortCallTimestamp = (typeof PORT_CALL_TIMESTAMPS)[number];
/** Estimates and plans may lie in the future; actuals may not. */
export const isActualTimestamp = (code: PortCallTimestamp) => code.startsWith('A');

export const PortCallEvent = Type.Object(
  {
    type: Type.Literal('port_call'),
    ...common,
    callId: EntityId,
    timestamp: Type.Enum([...PORT_CALL_TIMESTAMPS]),
    vesselImo: ImoNumber,
    vesselName: Type.Optional(Type.String({ maxLength: 120 })),
    mmsi: Type.Optional(Type.String({ pattern: '^\\d{9}$' })),
    berthId: Type.Optional(EntityId),
    /** Moves (discharge + load) planned for the call, when known (e.g. from the bay plan). */
    plannedMoves: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type PortCallEvent = Static<typeof PortCallEvent>;

export const GateEvent = Type.Object(
  {
    type: Type.Literal('gate'),
    ...common,
    gateId: EntityId,
    laneId: EntityId,
    direction: Type.Enum(['in', 'out']),
    /** arrived = joined the queue; started/completed = the lane transaction; rejected = turned away. */
    phase: Type.Enum(['arrived', 'started', 'completed', 'rejected']),
    /** One truck visit, from arrival at the in-gate to completion at the out-gate. */
    visitId: EntityId,
    /** The truck's plate as written, in any script (e.g. 沪A12345). */
    truckId: Type.String({ minLength: 1, maxLength: 20 }),
    containerNumber: Type.Optional(ContainerNumber),
    appointmentId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
export type GateEvent = Static<typeof GateEvent>;

export const InspectionEvent = Type.Object(
  {
    type: Type.Literal('inspection'),
    ...common,
    laneId: EntityId,
    containerNumber: ContainerNumber,
    method: Type.Enum(['scan', 'manual']),
    phase: Type.Enum(['queued', 'started', 'completed']),
    /** With phase completed: cleared, or held for further action. */
    outcome: Type.Optional(Type.Enum(['cleared', 'held'])),
  },
  { additionalProperties: false },
);
export type InspectionEvent = Static<typeof InspectionEvent>;

export const CustomsEvent = Type.Object(
  {
    type: Type.Literal('customs'),
    ...common,
    declarationId: EntityId,
    containerNumber: ContainerNumber,
    status: Type.Enum(['declared', 'selected_scan', 'selected_inspection', 'released', 'held']),
    /** Risk channel: green = release, yellow = document check or scan, red = physical inspection. */
    channel: Type.Enum(['green', 'yellow', 'red']),
    /** The trader is an Authorised Economic Operator (inspected less often). */
    aeo: Type.Boolean(),
  },
  { additionalProperties: false },
);
export type CustomsEvent = Static<typeof CustomsEvent>;

export const EquipmentStateEvent = Type.Object(
  {
    type: Type.Literal('equipment_state'),
    ...common,
    equipmentId: EntityId,
    kind: EquipmentKind,
    state: EquipmentState,
    /** Why, for faults and waits (a fault code, "waiting for truck", ...). */
    reason: Type.Optional(Type.String({ maxLength: 200 })),
    /** The vessel call a quay crane is working, while it works one. */
    callId: Type.Optional(EntityId),
  },
  { additionalProperties: false },
);
export type EquipmentStateEvent = Static<typeof EquipmentStateEvent>;

/** Each event type's schema, so an item is judged against its own type only. */
export const EVENT_SCHEMAS = {
  container: ContainerEvent,
  port_call: PortCallEvent,
  gate: GateEvent,
  inspection: InspectionEvent,
  customs: CustomsEvent,
  equipment_state: EquipmentStateEvent,
} as const;
export type EventType = keyof typeof EVENT_SCHEMAS;
export const EVENT_TYPES = Object.keys(EVENT_SCHEMAS) as EventType[];

export type PortEvent =
  ContainerEvent | PortCallEvent | GateEvent | InspectionEvent | CustomsEvent | EquipmentStateEvent;

/** An event after validation: time normalised to epoch milliseconds (per member of the union). */
export type StoredEvent<E extends PortEvent = PortEvent> = E extends PortEvent
  ? Omit<E, 'time'> & { timeMs: number }
  : never;
