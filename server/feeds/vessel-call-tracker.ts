// Port-call timestamps derived from AIS traffic: arrival at the pilot boarding place,
// arrival at and departure from the anchorage, berthing and unberthing, as DCSA JIT
// port-call events (ATA-PBP, ATA-Anchorage, ATD-Anchorage, ATA-Berth, ATD-Berth), so that
// waiting time and port hours per call come from real traffic.
//
// A pure, deterministic state machine: no I/O, no timers, no clock. Time comes from the
// positions, so replaying the same AIS log gives the same events with the same ids (the
// server stores events idempotently by eventId, so a replay never duplicates a call).
//
// The parts: vessel-call-zones (the port model as geofences), vessel-call-motion (speed
// and what it means), vessel-call-state (the per-vessel rules below), vessel-call-events
// (holding events until the IMO is known); this module keeps the vessels by MMSI.
//
// What counts (the defaults, DEFAULT_CALL_TRACKER_OPTIONS in vessel-call-options.ts, say
// why each number is what it is):
//
// - At anchor: inside an anchorage polygon and slow (SOG < 3 kn) for 10 minutes. A vessel
//   crossing an anchorage at speed is not anchoring. ATA-Anchorage is when the vessel
//   entered the polygon (waiting time is time in the anchorage polygon before berthing);
//   ATD-Anchorage is when it left: once it has been more than 500 m outside the polygon for
//   2 minutes, the later of the moment it crossed out of the polygon and the moment it got
//   under way (≥ 3 kn). The 500 m allow for a ship anchored near the edge swinging round its
//   anchor with wind and tide.
// - Berthed: within 30 m of a berth polygon and still (SOG < 0.5 kn) for 5 minutes, the
//   run continuing while it stays within 60 m of a berth and below 1 kn (hysteresis: a
//   moored ship's SOG and position jitter do not restart it). ATA-Berth is the START of that
//   run; the berth is the one most of the run's fixes were nearest. ATD-Berth: once the
//   vessel has been more than 60 m from its berth for 2 minutes, having made more than
//   1 kn, stamped when it started moving: its first fix no longer still (0.5 kn or more;
//   more than 1 kn while it says "moored") after the last still fix alongside.
// - ATA-PBP (when the model has a pilot_boarding_place): the vessel came within 1 NM of it,
//   reported only once the call is real (the vessel anchors or berths within 24 hours);
//   a vessel that passes and leaves never gets one.
// - Navigational status is a fallback, because crews often leave it stale: "moored" (5)
//   makes a fix still unless the SOG is above 1 kn; "at anchor" (1) or "moored" make a fix
//   slow for the anchorage when there is no speed. Without an SOG, the speed is derived
//   from the distance between fixes at least 2 and at most 15 minutes apart (shorter
//   baselines turn GPS jitter into knots).
//
// Calls. A call starts at its first arrival (ATA-PBP, ATA-Anchorage or ATA-Berth) and ends
// at ATD-Berth, or when the vessel has been out of port for an hour without berthing; a
// vessel that comes back starts a new call. callId = `ais-<mmsi>-<epoch seconds of the
// first arrival>`, eventId = `<callId>:<timestamp code>`: each code is reported at most once
// per call (the first occurrence: a second anchorage stay in the same call reports
// nothing new). A berth shift is therefore an ATD-Berth ending one call and an ATA-Berth
// starting the next. "In port" (for ending a call without a berthing): within 1 km of an
// anchorage, a berth, a channel (its polygon, or its centre line widened by its widthM) or
// a pilot boarding place (1 NM round it). The port model has no port-limits kind yet; a
// Polygon feature of kind "port_limits", should a model get one, is added to that union.
//
// Reception gaps. A gap never changes state by itself: a ship unseen for hours is still
// where it was last seen (ships at berth and at anchor are the ones most often unheard, or
// with AIS off). The first fix after a gap of more than 30 minutes shows where the vessel
// is now, but not when it got there: an arrival (ATA-*) seen only after such a gap is not
// reported (its time is unknown; the call goes on and its later events are reported), and
// a departure (ATD-*) that happened in such a gap is stamped with the last fix that still
// showed the vessel there ("last seen alongside"), so that the call is closed rather than
// left alongside forever. After a shorter gap an event is stamped with the first fix that
// shows the change (late by at most the gap). A vessel's first fix ever counts as a long
// gap: a vessel already alongside when the tracker starts gets no ATA-Berth.
//
// IMO numbers. Events need a valid IMO number; AIS gives it in the static report (type 5),
// which may come minutes after the positions or never (IMO 0000000 and numbers with a
// leading zero are placeholders, not IMO numbers). Until the vessel's IMO is known its
// completed events are held and released, with their own times and ids, by the first
// update() or identify() that brings it. Held events older than 48 hours (by that vessel's
// latest fix) are dropped, and at most 32 are held per vessel.
//
// Memory. State is per MMSI; vessels unseen for 7 days (by the newest fix of any vessel)
// are forgotten, with their open call, and at most 100,000 vessels are kept (the least
// recently updated go first). Fixes older than, or as old as, the last one seen for that
// MMSI are ignored (out of order or duplicated by two receivers).
//
// Restarts. The state is in memory. A fresh tracker cannot know the calls in progress:
// warm it up by replaying the stored vessel positions of the last 7 days through it (the
// same positions give the same callIds, and the server ignores events it already has); a
// call that began before the replayed window gets another callId, without its arrivals.
import type { PortCallEvent } from '../../protocol/events.ts';
import { mmsiProblem } from '../../protocol/identifiers.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import { identifyVessel, releaseHeld, type VesselIdentity } from './vessel-call-events.ts';
import { DEFAULT_CALL_TRACKER_OPTIONS, type CallTrackerOptions } from './vessel-call-options.ts';
import { CallStateMachine, type VesselState } from './vessel-call-state.ts';
import { callZones, type CallZones } from './vessel-call-zones.ts';

// The tracker's public API: what its constructor, update() and identify() take.
export { DEFAULT_CALL_TRACKER_OPTIONS, type CallTrackerOptions } from './vessel-call-options.ts';
export { usableImo, type VesselIdentity } from './vessel-call-events.ts';

/** Where a tracked vessel stands, for diagnostics and tests. */
export interface VesselCallStatus {
  mmsi: string;
  lastFixMs: number;
  callId?: string;
  phase: 'none' | 'anchorage' | 'anchored' | 'berthed';
  berthId?: string;
  heldEvents: number;
}

/** The vessels' call states by MMSI: fix order, IMO holding, and memory bounds. */
export class VesselCallTracker {
  private readonly options: CallTrackerOptions;
  private readonly zones: CallZones;
  private readonly machine: CallStateMachine;
  private readonly vessels = new Map<string, VesselState>();
  /** The newest fix time of any vessel: the tracker's clock, for eviction. */
  private clockMs = -Infinity;

  constructor(model: PortModel, options: Partial<CallTrackerOptions> = {}) {
    this.options = { ...DEFAULT_CALL_TRACKER_OPTIONS, ...options };
    this.zones = callZones(model, this.options.pbpRadiusM);
    this.machine = new CallStateMachine(this.zones, this.options);
  }

  /** How many vessels the tracker holds state for. */
  get vesselCount(): number {
    return this.vessels.size;
  }

  /** What the tracker knows of one vessel, or undefined when it tracks none by that MMSI. */
  status(mmsi: string): VesselCallStatus | undefined {
    const state = this.vessels.get(mmsi);
    if (!state) return undefined;
    const berth = state.berthed ? this.zones.berths[state.berthed.index]!.id : undefined;
    return {
      mmsi,
      lastFixMs: state.lastFixMs ?? -Infinity,
      ...(state.call ? { callId: state.call.callId } : {}),
      phase: state.berthed
        ? 'berthed'
        : state.anchorage?.anchored
          ? 'anchored'
          : state.anchorage
            ? 'anchorage'
            : 'none',
      ...(berth ? { berthId: berth } : {}),
      heldEvents: state.held.length,
    };
  }

  /**
   * One AIS position with what is known of the vessel: the port-call events this fix
   * completes (and any held events this vessel's IMO number releases), oldest first.
   */
  update(position: VesselPosition, vessel: VesselIdentity = {}): PortCallEvent[] {
    const { mmsi, timeMs: t, lon, lat } = position;
    if (
      mmsiProblem(mmsi) !== undefined ||
      !Number.isFinite(t) ||
      !Number.isFinite(lon) ||
      !Number.isFinite(lat)
    )
      return [];
    let state = this.vessels.get(mmsi);
    if (!state) {
      state = { mmsi, lastFixMs: undefined, pbpInside: false, held: [] };
      this.vessels.set(mmsi, state);
    }
    identifyVessel(state, vessel);
    if (state.lastFixMs !== undefined && t <= state.lastFixMs)
      return releaseHeld(state, this.options);

    state.held.push(...this.machine.step(state, position));
    // Most recently updated last, so the stalest are first in line for eviction.
    this.vessels.delete(mmsi);
    this.vessels.set(mmsi, state);
    this.clockMs = Math.max(this.clockMs, t);
    this.evict();
    return releaseHeld(state, this.options);
  }

  /** Static data without a position (an AIS type 5 report): releases held events. */
  identify(mmsi: string, vessel: VesselIdentity): PortCallEvent[] {
    const state = this.vessels.get(mmsi);
    if (!state) return [];
    identifyVessel(state, vessel);
    return releaseHeld(state, this.options);
  }

  private evict(): void {
    const { evictAfterMs, maxVessels } = this.options;
    for (const [mmsi, state] of this.vessels) {
      const stale = (state.lastFixMs ?? -Infinity) < this.clockMs - evictAfterMs;
      if (!stale && this.vessels.size <= maxVessels) break;
      this.vessels.delete(mmsi);
    }
  }
}
