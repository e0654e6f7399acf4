// Completed port-call timestamps become DCSA JIT port-call events only with a valid IMO
// number, which AIS may send late or never: until then they are held, pruned by age and
// count (the rules are described in vessel-call-tracker.ts).
import {
  PORT_CALL_TIMESTAMPS,
  type PortCallEvent,
  type PortCallTimestamp,
} from '../../protocol/events.ts';
import { imoNumberProblem } from '../../protocol/identifiers.ts';
import type { CallTrackerOptions } from './vessel-call-options.ts';

const CODE_ORDER = new Map(PORT_CALL_TIMESTAMPS.map((code, i) => [code, i]));

/** What the vessel registry knows of the vessel (AIS static data). */
export interface VesselIdentity {
  imo?: string;
  name?: string;
}

/** A timestamp of a call, complete but not yet an event. */
export interface Completed {
  callId: string;
  code: PortCallTimestamp;
  timeMs: number;
  berthId?: string;
}

/** The part of a vessel's state that names its events and holds them until it can. */
export interface HeldEvents {
  mmsi: string;
  lastFixMs: number | undefined;
  imo?: string;
  name?: string;
  held: Completed[];
}

/** A usable IMO number: 7 digits, a valid check digit, and not a placeholder. */
export function usableImo(value: string | undefined): string | undefined {
  const imo = value?.trim();
  if (imo === undefined || imo.startsWith('0')) return undefined;
  return imoNumberProblem(imo) === undefined ? imo : undefined;
}

export function identifyVessel(state: HeldEvents, vessel: VesselIdentity): void {
  const imo = usableImo(vessel.imo);
  if (imo !== undefined) state.imo = imo;
  const name = vessel.name?.trim().slice(0, 120);
  if (name) state.name = name;
}

/** The held events, as port-call events, once the IMO is known; prunes them otherwise. */
export function releaseHeld(
  state: HeldEvents,
  { holdMs, maxHeldPerVessel }: CallTrackerOptions,
): PortCallEvent[] {
  if (state.held.length === 0) return [];
  const newest = state.lastFixMs ?? -Infinity;
  state.held = state.held.filter((e) => e.timeMs >= newest - holdMs).slice(-maxHeldPerVessel);
  const imo = state.imo;
  if (imo === undefined) return [];
  const events = state.held
    .sort((a, b) => a.timeMs - b.timeMs || CODE_ORDER.get(a.code)! - CODE_ORDER.get(b.code)!)
    .map((e): PortCallEvent => ({
      type: 'port_call',
      eventId: `${e.callId}:${e.code}`,
      time: new Date(e.timeMs).toISOString(),
      callId: e.callId,
      timestamp: e.code,
      vesselImo: imo,
      ...(state.name ? { vesselName: state.name } : {}),
      mmsi: state.mmsi,
      ...(e.berthId === undefined ? {} : { berthId: e.berthId }),
    }));
  state.held = [];
  return events;
}
