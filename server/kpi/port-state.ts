// The terminal's state at an instant: everything a KPI needs to know from before its
// window (what each machine is doing, which boxes are where, which trucks, inspections
// and calls are open). It is the fold of the event stream: live and history reach the
// same state from the same events, which is what makes their KPIs equal.
//
// Ordering assumption: each event is applied once, in time order, ties broken by event id
// (compareEvents), the order history reads them in and the live window keeps them in.
// The fold is deterministic but neither commutative nor idempotent: a PICK applied
// before its DROP, or a move applied twice, gives another state. LiveKpis folds events
// that arrive later than its tolerance out of order, and counts them.
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type {
  CONTAINER_FLOWS,
  ContainerEvent,
  CustomsEvent,
  GateEvent,
  InspectionEvent,
  PortCallEvent,
  EquipmentStateEvent,
  PortCallTimestamp,
  StoredEvent,
} from '../../protocol/events.ts';
import { isActualTimestamp } from '../../protocol/events.ts';

export type ContainerFlow = (typeof CONTAINER_FLOWS)[number];
export type RiskChannel = CustomsEvent['channel'];
export type ActualTimestamp = Extract<PortCallTimestamp, `A${string}`>;

export interface EquipmentStatus {
  kind: EquipmentKind;
  state: EquipmentState;
  /** The call a quay crane is allocated to (its state events carry the callId). */
  callId?: string;
  sinceMs: number;
}

export interface BoxStatus {
  /** How and when it entered the terminal; absent when first seen in the yard. */
  arrival?: { atMs: number; by: 'DISC' | 'GTIN' };
  flow?: ContainerFlow;
  isoCode?: string;
  /** Standing in the yard now (between a DROP and the next PICK). */
  inYard: boolean;
  /** The block it stands in, when the DROP named one. */
  blockId?: string;
  /** The first DROP since arrival: the start of its dwell. */
  yardInMs?: number;
  /** The latest PICK: the end of its dwell once it leaves the terminal. */
  yardOutMs?: number;
  customsChannel?: RiskChannel;
  customsReleased: boolean;
}

export interface InspectionStatus {
  laneId: string;
  queuedMs?: number;
  startedMs?: number;
}

export interface VisitStatus {
  /** When it joined the in-gate queue, if reported. */
  arrivedMs?: number;
  /** In-gate completion: the truck is in the terminal. */
  inGateMs?: number;
  /** The gate lane it queues at now (in or out), until its transaction there starts. */
  queuedAtLaneId?: string;
}

export interface CallStatus {
  /** The first report of each actual JIT timestamp. */
  actual: Partial<Record<ActualTimestamp, number>>;
  berthId?: string;
  /** Since when it lies at its current berth (a shift to another berth restarts it). */
  alongsideSinceMs?: number;
  moves: number;
  firstLiftMs?: number;
  lastLiftMs?: number;
  /** Quay cranes allocated to it now. */
  cranes: number;
  /** Crane-ms allocated since the first lift, integrated up to craneMsUpToMs. */
  craneMs: number;
  craneMsUpToMs: number;
  /** craneMs as it stood at the last lift: the numerator of crane time intensity. */
  craneMsToLastLift: number;
}

export interface PortState {
  equipment: Map<string, EquipmentStatus>;
  /** Boxes in the terminal, by container number; they leave on GTOT or LOAD. */
  boxes: Map<string, BoxStatus>;
  /**
   * Open truck visits, from joining the in-gate queue (or in-gate completion, when no
   * arrival is reported) to out-gate completion or rejection at the in-gate.
   */
  visits: Map<string, VisitStatus>;
  /** Open inspections, by inspectionKey(lane, box); they leave when completed. */
  inspections: Map<string, InspectionStatus>;
  /** Open calls; they leave at ATD-Berth. */
  calls: Map<string, CallStatus>;
}

export const emptyPortState = (): PortState => ({
  equipment: new Map(),
  boxes: new Map(),
  visits: new Map(),
  inspections: new Map(),
  calls: new Map(),
});

export const cloneState = (state: PortState): PortState => structuredClone(state);

/** Time order, ties by event id (unique, so the order is total and the same everywhere). */
export function compareEvents(a: StoredEvent, b: StoredEvent): number {
  if (a.timeMs !== b.timeMs) return a.timeMs - b.timeMs;
  return a.eventId < b.eventId ? -1 : a.eventId > b.eventId ? 1 : 0;
}

/** Estimates and plans describe the future: only actual events move the state. */
export function isActualEvent(event: StoredEvent): boolean {
  if (event.type === 'container') return (event.eventClassifierCode ?? 'ACT') === 'ACT';
  if (event.type === 'port_call') return isActualTimestamp(event.timestamp);
  return true;
}

/** Lane and container number: neither can hold a space. */
export const inspectionKey = (laneId: string, containerNumber: string) =>
  `${laneId} ${containerNumber}`;

/**
 * Advances the state by one event, in place (a copy per event would cost the live window
 * dearly; cloneState first to keep the old one), and returns it. Deterministic: the result
 * depends on nothing but the state and the event.
 */
export function applyEvent(state: PortState, event: StoredEvent): PortState {
  if (!isActualEvent(event)) return state;
  switch (event.type) {
    case 'container':
      applyContainer(state, event);
      break;
    case 'port_call':
      applyPortCall(state, event);
      break;
    case 'gate':
      applyGate(state, event);
      break;
    case 'inspection':
      applyInspection(state, event);
      break;
    case 'customs':
      applyCustoms(state, event);
      break;
    case 'equipment_state':
      applyEquipmentState(state, event);
      break;
  }
  return state;
}

/** Applies the events in order (sorting a copy), in place; returns the state. */
export function foldEvents(state: PortState, events: readonly StoredEvent[]): PortState {
  for (const event of [...events].sort(compareEvents)) applyEvent(state, event);
  return state;
}

function noteDetails(box: BoxStatus, event: StoredEvent<ContainerEvent>): void {
  if (event.flow) box.flow = event.flow;
  if (event.isoEquipmentCode) box.isoCode = event.isoEquipmentCode;
}

function applyContainer(state: PortState, event: StoredEvent<ContainerEvent>): void {
  const number = event.containerNumber;
  const box = state.boxes.get(number);
  switch (event.eventTypeCode) {
    case 'DISC':
    case 'GTIN': {
      // A box arriving while on record missed its departure: it starts afresh.
      const arrived: BoxStatus = {
        arrival: { atMs: event.timeMs, by: event.eventTypeCode },
        inYard: false,
        customsReleased: false,
      };
      noteDetails(arrived, event);
      state.boxes.set(number, arrived);
      if (event.eventTypeCode === 'DISC') lift(state, event);
      return;
    }
    case 'LOAD':
    case 'GTOT':
      state.boxes.delete(number);
      if (event.eventTypeCode === 'LOAD') lift(state, event);
      return;
    case 'DROP': {
      const dropped = box ?? { inYard: false, customsReleased: false };
      dropped.inYard = true;
      if (event.facilityId) dropped.blockId = event.facilityId;
      else delete dropped.blockId;
      dropped.yardInMs ??= event.timeMs;
      noteDetails(dropped, event);
      state.boxes.set(number, dropped);
      return;
    }
    case 'PICK':
      if (!box) return;
      box.inYard = false;
      delete box.blockId;
      box.yardOutMs = event.timeMs;
      noteDetails(box, event);
      return;
    case 'CUSR':
      if (box) box.customsReleased = true;
      return;
    default:
      if (box) noteDetails(box, event);
  }
}

/** A discharge or load: a move of its call. */
function lift(state: PortState, event: StoredEvent<ContainerEvent>): void {
  const call = event.callId === undefined ? undefined : state.calls.get(event.callId);
  if (!call) return;
  integrateCraneTime(call, event.timeMs);
  call.moves += 1;
  if (call.firstLiftMs === undefined) {
    call.firstLiftMs = event.timeMs;
    call.craneMsUpToMs = event.timeMs;
  }
  call.lastLiftMs = event.timeMs;
  call.craneMsToLastLift = call.craneMs;
}

/** Crane-ms are counted from the first lift on, so intensity covers first to last lift. */
function integrateCraneTime(call: CallStatus, atMs: number): void {
  if (call.firstLiftMs !== undefined) call.craneMs += call.cranes * (atMs - call.craneMsUpToMs);
  call.craneMsUpToMs = atMs;
}

function applyPortCall(state: PortState, event: StoredEvent<PortCallEvent>): void {
  const timestamp = event.timestamp as ActualTimestamp; // applyEvent let actuals through only
  if (timestamp === 'ATD-Berth') {
    state.calls.delete(event.callId);
    return;
  }
  let call = state.calls.get(event.callId);
  if (!call) {
    call = {
      actual: {},
      moves: 0,
      cranes: cranesAllocatedTo(state, event.callId),
      craneMs: 0,
      craneMsUpToMs: event.timeMs,
      craneMsToLastLift: 0,
    };
    state.calls.set(event.callId, call);
  }
  call.actual[timestamp] ??= event.timeMs;
  if (timestamp === 'ATA-Berth') {
    const shifted = event.berthId !== undefined && event.berthId !== call.berthId;
    if (call.alongsideSinceMs === undefined || shifted) call.alongsideSinceMs = event.timeMs;
  }
  if (event.berthId !== undefined) call.berthId = event.berthId;
}

function cranesAllocatedTo(state: PortState, callId: string): number {
  let cranes = 0;
  for (const status of state.equipment.values())
    if (status.kind === 'sts' && status.callId === callId) cranes += 1;
  return cranes;
}

function applyEquipmentState(state: PortState, event: StoredEvent<EquipmentStateEvent>): void {
  const before = state.equipment.get(event.equipmentId);
  const allocate = (status: { kind: EquipmentKind; callId?: string } | undefined, by: number) => {
    const call =
      status?.kind === 'sts' && status.callId ? state.calls.get(status.callId) : undefined;
    if (!call) return;
    integrateCraneTime(call, event.timeMs);
    call.cranes += by;
  };
  allocate(before, -1);
  allocate(event, +1);
  state.equipment.set(event.equipmentId, {
    kind: event.kind,
    state: event.state,
    ...(event.callId === undefined ? {} : { callId: event.callId }),
    sinceMs: event.timeMs,
  });
}

function applyGate(state: PortState, event: StoredEvent<GateEvent>): void {
  const visit = state.visits.get(event.visitId);
  if (event.phase === 'started' || event.phase === 'completed') delete visit?.queuedAtLaneId;
  if (event.direction === 'out') {
    if (event.phase === 'completed') state.visits.delete(event.visitId);
    // Only a visit on record queues at the out-gate: one never seen coming in has no turn.
    else if (event.phase === 'arrived' && visit) visit.queuedAtLaneId = event.laneId;
  } else if (event.phase === 'arrived') {
    if (!visit)
      state.visits.set(event.visitId, { arrivedMs: event.timeMs, queuedAtLaneId: event.laneId });
  } else if (event.phase === 'completed') {
    if (visit?.inGateMs === undefined)
      state.visits.set(event.visitId, { ...visit, inGateMs: event.timeMs });
  } else if (event.phase === 'rejected') state.visits.delete(event.visitId);
}

function applyInspection(state: PortState, event: StoredEvent<InspectionEvent>): void {
  const key = inspectionKey(event.laneId, event.containerNumber);
  if (event.phase === 'queued')
    state.inspections.set(key, { laneId: event.laneId, queuedMs: event.timeMs });
  else if (event.phase === 'started')
    state.inspections.set(key, {
      ...(state.inspections.get(key) ?? { laneId: event.laneId }),
      startedMs: event.timeMs,
    });
  else state.inspections.delete(key);
}

function applyCustoms(state: PortState, event: StoredEvent<CustomsEvent>): void {
  const box = state.boxes.get(event.containerNumber);
  if (!box) return;
  box.customsChannel = event.channel;
  if (event.status === 'released') box.customsReleased = true;
}
