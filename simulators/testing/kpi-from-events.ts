// KPIs computed from emitted events with the definitions of ../shared/docs/domain.md
// section 1, for the simulator's tests. The server's KPI engine (coming in issue 6) will
// replace this: then the tests compare against it instead.
import type { PortEvent } from '../../protocol/events.ts';

export interface Window {
  fromMs: number;
  toMs: number;
}

const HOUR = 3_600_000;
const timeOf = (e: PortEvent) => e.time as number;
const clip = (from: number, to: number, w: Window) =>
  Math.max(0, Math.min(to, w.toMs) - Math.max(from, w.fromMs));

/**
 * Gross crane productivity: container moves (DISC + LOAD; hatch covers not counted) per
 * hour of allocated crane time, a crane being allocated from the first state it reports
 * with a call to the first it reports without one.
 */
export function grossCraneRate(events: PortEvent[], window: Window) {
  const sorted = [...events].sort((a, b) => timeOf(a) - timeOf(b));
  const allocatedSince = new Map<string, number>();
  let allocatedMs = 0;
  let moves = 0;
  for (const e of sorted) {
    if (e.type === 'equipment_state' && e.kind === 'sts') {
      const since = allocatedSince.get(e.equipmentId);
      if (e.callId !== undefined && since === undefined)
        allocatedSince.set(e.equipmentId, timeOf(e));
      if (e.callId === undefined && since !== undefined) {
        allocatedMs += clip(since, timeOf(e), window);
        allocatedSince.delete(e.equipmentId);
      }
    }
    const t = timeOf(e);
    if (e.type === 'container' && (e.eventTypeCode === 'DISC' || e.eventTypeCode === 'LOAD'))
      if (t >= window.fromMs && t < window.toMs) moves += 1;
  }
  for (const since of allocatedSince.values()) allocatedMs += clip(since, window.toMs, window);
  return { moves, craneHours: allocatedMs / HOUR, movesPerHour: moves / (allocatedMs / HOUR) };
}

/** Berth occupancy: gross berth hours (all fast to last line) over the berth hours available. */
export function berthOccupancy(events: PortEvent[], window: Window, berthCount: number): number {
  const alongside = new Map<string, { from?: number; to?: number }>();
  for (const e of events) {
    if (e.type !== 'port_call') continue;
    const call = alongside.get(e.callId) ?? {};
    if (e.timestamp === 'ATA-Berth') call.from = timeOf(e);
    if (e.timestamp === 'ATD-Berth') call.to = timeOf(e);
    alongside.set(e.callId, call);
  }
  let occupiedMs = 0;
  for (const { from, to } of alongside.values())
    if (from !== undefined || to !== undefined)
      occupiedMs += clip(from ?? window.fromMs, to ?? window.toMs, window);
  return occupiedMs / (berthCount * (window.toMs - window.fromMs));
}

/** Truck turn times in minutes: gate-in completion to gate-out completion, per visit. */
export function truckTurnTimesMinutes(events: PortEvent[]): number[] {
  const inAt = new Map<string, number>();
  const turns: number[] = [];
  for (const e of [...events].sort((a, b) => timeOf(a) - timeOf(b))) {
    if (e.type !== 'gate' || e.phase !== 'completed') continue;
    if (e.direction === 'in') inAt.set(e.visitId, timeOf(e));
    else if (inAt.has(e.visitId)) turns.push((timeOf(e) - inAt.get(e.visitId)!) / 60_000);
  }
  return turns;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/**
 * Customs selection: of the declarations made in the window, how many went to each risk
 * channel, how many by AEO traders, and how many boxes were selected for a scan or an
 * examination (CUSS or CUSI) at all.
 */
export function customsSelection(events: PortEvent[], window: Window) {
  const declared = new Map<string, { channel: string; aeo: boolean }>();
  const selected = new Set<string>();
  for (const e of events) {
    if (e.type === 'customs' && e.status === 'declared') {
      const t = timeOf(e);
      if (t >= window.fromMs && t < window.toMs)
        declared.set(e.containerNumber, { channel: e.channel, aeo: e.aeo });
    }
    if (e.type === 'container' && (e.eventTypeCode === 'CUSS' || e.eventTypeCode === 'CUSI'))
      selected.add(e.containerNumber);
  }
  const byChannel = { green: 0, yellow: 0, red: 0 };
  let aeo = 0;
  let aeoSelected = 0;
  let inspected = 0;
  for (const [number, d] of declared) {
    byChannel[d.channel as keyof typeof byChannel] += 1;
    const isSelected = selected.has(number);
    if (isSelected) inspected += 1;
    if (d.aeo) {
      aeo += 1;
      if (isSelected) aeoSelected += 1;
    }
  }
  return { declared: declared.size, byChannel, aeo, aeoSelected, selected: inspected };
}
