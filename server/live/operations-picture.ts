// The operations picture from the live port state: each berth's status and vessel, each
// block's fill, each lane's queue, and the recent container flows. Pure: the same state,
// roster and events give the same picture.
import type { StoredEvent } from '../../protocol/events.ts';
import type {
  BerthStatus,
  BlockFill,
  LaneQueue,
  OperationsPicture,
} from '../../protocol/operations.ts';
import type { PortFacts } from '../kpi/port-facts.ts';
import type { CallStatus, PortState } from '../kpi/port-state.ts';
import { teuOf } from '../kpi/accumulators/yard.ts';
import type { CallRoster } from './call-roster.ts';
import { flowArcs } from './flow-arcs.ts';

/** Flows are counted over the last hour: long enough to show a pattern, short enough to be now. */
export const FLOW_WINDOW_MS = 3_600_000;
/** A box's leg from pick-up to put-down takes minutes; two hours covers any that ends in a flow window. */
export const LONGEST_LEG_MS = 2 * 3_600_000;

export interface PictureInputs {
  state: PortState;
  roster: CallRoster;
  facts: PortFacts;
  /** Events in time order, from at least the flow window's start (less a leg's length). */
  recentEvents: readonly StoredEvent[];
  nowMs: number;
  /** Flows are counted from here (default FLOW_WINDOW_MS before nowMs); replay may accumulate a day. */
  flowFromMs?: number;
}

export function buildOperationsPicture(inputs: PictureInputs): OperationsPicture {
  const { nowMs } = inputs;
  const flowFromMs = inputs.flowFromMs ?? nowMs - FLOW_WINDOW_MS;
  return {
    atMs: nowMs,
    berths: berthStatuses(inputs),
    blocks: blockFills(inputs),
    lanes: laneQueues(inputs),
    flows: flowArcs(inputs.recentEvents, flowFromMs, nowMs),
    flowWindowMs: nowMs - flowFromMs,
  };
}

function berthStatuses({ state, roster, facts, nowMs }: PictureInputs): BerthStatus[] {
  const alongside = new Map<string, [string, CallStatus]>();
  for (const [callId, call] of state.calls)
    if (call.berthId !== undefined && call.alongsideSinceMs !== undefined) {
      // Two calls on one berth (a shift not yet reported): the one that came last is there.
      const other = alongside.get(call.berthId)?.[1];
      if (!other || other.alongsideSinceMs! < call.alongsideSinceMs)
        alongside.set(call.berthId, [callId, call]);
    }
  return facts.berthIds.map((berthId) => {
    const found = alongside.get(berthId);
    if (!found) return { berthId, status: 'free' };
    const [callId, call] = found;
    const entry = roster.get(callId);
    const working =
      call.actual['ATS-Cargo Ops'] !== undefined && call.actual['ATC-Cargo Ops'] === undefined;
    const late = entry?.etdMs !== undefined && nowMs > entry.etdMs;
    return {
      berthId,
      status: late ? 'delayed' : working ? 'working' : 'alongside',
      callId,
      ...(entry?.vesselName === undefined ? {} : { vesselName: entry.vesselName }),
      ...(entry ? { vesselImo: entry.vesselImo } : {}),
      ...(entry?.mmsi === undefined ? {} : { mmsi: entry.mmsi }),
      alongsideSinceMs: call.alongsideSinceMs!,
      ...(entry?.etdMs === undefined ? {} : { etdMs: entry.etdMs }),
      movesDone: call.moves,
      ...(entry?.plannedMoves === undefined ? {} : { plannedMoves: entry.plannedMoves }),
      cranes: call.cranes,
    };
  });
}

function blockFills({ state, facts }: PictureInputs): BlockFill[] {
  const held = new Map<string, { boxes: number; teu: number }>();
  for (const box of state.boxes.values()) {
    if (!box.inYard || box.blockId === undefined) continue;
    const block = held.get(box.blockId) ?? { boxes: 0, teu: 0 };
    block.boxes += 1;
    block.teu += teuOf(box.isoCode);
    held.set(box.blockId, block);
  }
  return facts.blocks.map(({ id, capacityTeu }) => {
    const { boxes, teu } = held.get(id) ?? { boxes: 0, teu: 0 };
    return { blockId: id, boxes, teu, capacityTeu, fill: teu / capacityTeu };
  });
}

function laneQueues({ state, facts }: PictureInputs): LaneQueue[] {
  const queues = new Map<string, LaneQueue>();
  const of = (laneId: string) => {
    let queue = queues.get(laneId);
    if (!queue) queues.set(laneId, (queue = { laneId, waiting: 0, inService: 0 }));
    return queue;
  };
  for (const id of [...facts.gateLaneIds, ...facts.inspectionLaneIds]) of(id);
  for (const visit of state.visits.values())
    if (visit.queuedAtLaneId !== undefined) of(visit.queuedAtLaneId).waiting += 1;
  for (const inspection of state.inspections.values()) {
    if (inspection.startedMs !== undefined) of(inspection.laneId).inService += 1;
    else if (inspection.queuedMs !== undefined) of(inspection.laneId).waiting += 1;
  }
  return [...queues.values()];
}
