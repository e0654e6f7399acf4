// Terse StoredEvent builders for the KPI tests (times in minutes from T0, ids unique),
// a small port's facts, and computeKpis over them.
import type { EquipmentKind, EquipmentState } from '../../../protocol/equipment.ts';
import type {
  ContainerEvent,
  ContainerEventCode,
  CustomsEvent,
  GateEvent,
  InspectionEvent,
  PortCallTimestamp,
  StoredEvent,
} from '../../../protocol/events.ts';
import type { KpiValue } from '../../../protocol/kpi.ts';
import { computeKpis } from '../compute-kpis.ts';
import { DEFAULT_KPI_CHOICES } from '../kpi-choices.ts';
import type { PortFacts } from '../port-facts.ts';
import { emptyPortState, type PortState } from '../port-state.ts';

/** 2026-01-01T00:00Z. */
export const T0 = Date.UTC(2026, 0, 1);
export const MINUTE_MS = 60_000;
/** An instant, in minutes from T0. */
export const min = (minutes: number) => T0 + minutes * MINUTE_MS;

let serial = 0;
const id = (prefix: string) => `${prefix}-${String((serial += 1)).padStart(6, '0')}`;

type BoxDetails = Partial<
  Omit<StoredEvent<ContainerEvent>, 'type' | 'timeMs' | 'eventTypeCode' | 'containerNumber'>
>;

export function box(
  minutes: number,
  code: ContainerEventCode,
  containerNumber: string,
  extra: BoxDetails = {},
): StoredEvent<ContainerEvent> {
  return {
    type: 'container',
    eventId: id('c'),
    timeMs: min(minutes),
    eventTypeCode: code,
    containerNumber,
    ...extra,
  };
}

export function call(
  minutes: number,
  callId: string,
  timestamp: PortCallTimestamp,
  berthId?: string,
): StoredEvent {
  return {
    type: 'port_call',
    eventId: id('p'),
    timeMs: min(minutes),
    callId,
    timestamp,
    vesselImo: '9074729',
    ...(berthId === undefined ? {} : { berthId }),
  };
}

export function machine(
  minutes: number,
  equipmentId: string,
  kind: EquipmentKind,
  state: EquipmentState,
  callId?: string,
): StoredEvent {
  return {
    type: 'equipment_state',
    eventId: id('s'),
    timeMs: min(minutes),
    equipmentId,
    kind,
    state,
    ...(callId === undefined ? {} : { callId }),
  };
}

export function gate(
  minutes: number,
  visitId: string,
  direction: GateEvent['direction'],
  phase: GateEvent['phase'],
  laneId = direction === 'in' ? 'G-in-01' : 'G-out-01',
): StoredEvent {
  return {
    type: 'gate',
    eventId: id('g'),
    timeMs: min(minutes),
    gateId: 'G',
    laneId,
    direction,
    phase,
    visitId,
    truckId: `T-${visitId}`,
  };
}

export function inspection(
  minutes: number,
  laneId: string,
  containerNumber: string,
  phase: InspectionEvent['phase'],
): StoredEvent {
  return {
    type: 'inspection',
    eventId: id('i'),
    timeMs: min(minutes),
    laneId,
    containerNumber,
    method: 'scan',
    phase,
  };
}

export function customs(
  minutes: number,
  containerNumber: string,
  status: CustomsEvent['status'],
  channel: CustomsEvent['channel'],
): StoredEvent {
  return {
    type: 'customs',
    eventId: id('k'),
    timeMs: min(minutes),
    declarationId: `D-${containerNumber}`,
    containerNumber,
    status,
    channel,
    aeo: false,
  };
}

export const FACTS: PortFacts = {
  berthIds: ['B1', 'B2'],
  blocks: [
    { id: 'Y1', capacityTeu: 10 },
    { id: 'Y2', capacityTeu: 30 },
  ],
  gateLaneIds: ['G-in-01', 'G-out-01'],
  inspectionLaneIds: ['X1', 'X2'],
  choices: DEFAULT_KPI_CHOICES,
};

/** computeKpis over [fromMinutes, toMinutes) with the test facts. */
export function kpisOf(
  events: readonly StoredEvent[],
  fromMinutes: number,
  toMinutes: number,
  base: PortState = emptyPortState(),
  facts: PortFacts = FACTS,
): KpiValue[] {
  return computeKpis(base, events, min(fromMinutes), min(toMinutes), facts);
}

/** The value of one KPI in one scope; throws when it was not produced at all. */
export function valueOf(kpis: readonly KpiValue[], kpiId: string, scope = 'port'): number | null {
  const found = kpis.find((k) => k.id === kpiId && k.scope === scope);
  if (!found) throw new Error(`no ${kpiId} for ${scope}`);
  return found.value;
}
