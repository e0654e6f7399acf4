// Port-call timestamps derived from AIS traffic: arrival at the pilot boarding place,
// arrival at and departure from the anchorage, berthing and unberthing, as DCSA JIT
// port-call events (ATA-PBP, ATA-Anchorage, ATD-Anchorage, ATA-Berth, ATD-Berth), so that
// waiting time and port hours per call come from real traffic.
//
// A pure, deterministic state machine: no I/O, no timers, no clock. Time comes from the
// positions, so replaying the same AIS log gives the same events with the same ids (the
// server stores events idempotently by eventId, so a replay never duplicates a call).
//
// What counts (the defaults, DEFAULT_CALL_TRACKER_OPTIONS, say why each number is what it is):
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
import {
  PORT_CALL_TIMESTAMPS,
  type PortCallEvent,
  type PortCallTimestamp,
} from '../../protocol/events.ts';
import { imoNumberProblem, mmsiProblem } from '../../protocol/identifiers.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import {
  METRES_PER_NAUTICAL_MILE,
  METRES_PER_SECOND_PER_KNOT,
  circleFence,
  corridorFence,
  distanceM,
  nearestFence,
  polygonFence,
  type Fence,
  type LonLat,
} from './geofence.ts';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface CallTrackerOptions {
  /** Below this SOG a vessel in an anchorage is at anchor (3 kn, as the brief and
   * Class A reporting rules have it: AIS treats < 3 kn at anchor as not moving). */
  anchorSpeedKnots: number;
  /** How long a vessel must stay slow in an anchorage to count as anchored (10 min:
   * longer than slowing down to cross it, far shorter than any real wait). */
  anchorConfirmMs: number;
  /** How far outside the anchorage polygon a vessel may be and still be in it (500 m: the
   * swing circle of a large ship anchored near the edge). */
  anchorageExitBufferM: number;
  /** How long beyond that buffer before it has left (2 min). */
  anchorageExitMs: number;
  /** Below this SOG a vessel at a berth is still (0.5 kn: a moored ship shows 0-0.3). */
  berthSpeedKnots: number;
  /** Above this SOG it is moving off (1 kn); between the two a run goes on but does not start. */
  berthLeaveSpeedKnots: number;
  /** How near a berth polygon a still vessel must be (30 m: where the AIS antenna sits on
   * the hull and GPS error put the reported point outside a drawn berth). */
  berthBufferM: number;
  /** How far from its berth a vessel must be to be leaving it (60 m: hysteresis). */
  berthExitBufferM: number;
  /** How long a vessel must stay still alongside to be berthed (5 min). */
  berthConfirmMs: number;
  /** How long beyond the exit buffer, moving, before it has left the berth (2 min). */
  berthExitMs: number;
  /** Arrival at the pilot boarding place: within this distance of the point (1 NM). */
  pbpRadiusM: number;
  /** An arrival at the pilot boarding place counts if the vessel anchors or berths within this time (24 h). */
  pbpPendingMs: number;
  /** Farther than this from every port area, a vessel is out of port (1 km). */
  portBufferM: number;
  /** A call without a berthing ends after this long out of port (1 h). */
  portExitMs: number;
  /** A transition seen only across a longer gap between fixes has no known time (30 min:
   * the error a KPI measured in hours can take; in-port reception gaps are minutes). */
  maxGapMs: number;
  /** Completed events of a vessel whose IMO is not known are dropped after this (48 h). */
  holdMs: number;
  /** And at most this many are held per vessel (32: several calls' worth). */
  maxHeldPerVessel: number;
  /** Vessels unseen for this long are forgotten (7 days). */
  evictAfterMs: number;
  /** At most this many vessels are tracked (100,000: far more than any receiver hears in a week). */
  maxVessels: number;
}

export const DEFAULT_CALL_TRACKER_OPTIONS: Readonly<CallTrackerOptions> = Object.freeze({
  anchorSpeedKnots: 3,
  anchorConfirmMs: 10 * MINUTE_MS,
  anchorageExitBufferM: 500,
  anchorageExitMs: 2 * MINUTE_MS,
  berthSpeedKnots: 0.5,
  berthLeaveSpeedKnots: 1,
  berthBufferM: 30,
  berthExitBufferM: 60,
  berthConfirmMs: 5 * MINUTE_MS,
  berthExitMs: 2 * MINUTE_MS,
  pbpRadiusM: METRES_PER_NAUTICAL_MILE,
  pbpPendingMs: DAY_MS,
  portBufferM: 1_000,
  portExitMs: HOUR_MS,
  maxGapMs: 30 * MINUTE_MS,
  holdMs: 48 * HOUR_MS,
  maxHeldPerVessel: 32,
  evictAfterMs: 7 * DAY_MS,
  maxVessels: 100_000,
});

/** What the vessel registry knows of the vessel (AIS static data). */
export interface VesselIdentity {
  imo?: string;
  name?: string;
}

/** Where a tracked vessel stands, for diagnostics and tests. */
export interface VesselCallStatus {
  mmsi: string;
  lastFixMs: number;
  callId?: string;
  phase: 'none' | 'anchorage' | 'anchored' | 'berthed';
  berthId?: string;
  heldEvents: number;
}

/** Speed baselines for deriving a speed from positions when the SOG is not available. */
const DERIVED_SPEED_MIN_BASE_MS = 2 * MINUTE_MS;
const DERIVED_SPEED_MAX_BASE_MS = 15 * MINUTE_MS;
/** How far exits from the pilot boarding place circle must go before a new arrival counts. */
const PBP_EXIT_EXTRA_M = 500;
/** Width assumed for a channel line that does not give one. */
const DEFAULT_CHANNEL_WIDTH_M = 300;
const CODE_ORDER = new Map(PORT_CALL_TIMESTAMPS.map((code, i) => [code, i]));

/** A fix that started something, with the time of the fix before it (undefined: none). */
interface Mark {
  t: number;
  prevT: number | undefined;
}

interface AnchorageStay {
  index: number;
  entry: Mark;
  anchored: boolean;
  /** Start of the current run of slow fixes within the buffer. */
  slowSinceMs?: number;
  /** First fix of the current run outside the polygon / beyond the buffer / under way. */
  outside?: Mark;
  away?: Mark;
  underway?: Mark;
}

interface BerthRun {
  start: Mark;
  /** Fixes nearest each berth, by berth index, in first-seen order. */
  counts: Map<number, number>;
}

interface Berthed {
  index: number;
  moveStart?: Mark;
  away?: Mark;
  sawMoving: boolean;
}

interface OpenCall {
  callId: string;
  reported: Set<PortCallTimestamp>;
}

interface Completed {
  callId: string;
  code: PortCallTimestamp;
  timeMs: number;
  berthId?: string;
}

interface VesselState {
  mmsi: string;
  lastFixMs: number | undefined;
  imo?: string;
  name?: string;
  speedRef?: { t: number; point: LonLat };
  derived?: { knots: number; t: number };
  call?: OpenCall;
  anchorage?: AnchorageStay;
  berthRun?: BerthRun;
  berthed?: Berthed;
  pbpInside: boolean;
  pbpPending?: Mark;
  outOfPort?: Mark;
  held: Completed[];
}

type BerthMotion = 'still' | 'creeping' | 'moving' | 'unknown';
type AnchorMotion = 'slow' | 'underway' | 'unknown';

interface Area {
  id: string;
  fence: Fence;
}

/** A usable IMO number: 7 digits, a valid check digit, and not a placeholder. */
export function usableImo(value: string | undefined): string | undefined {
  const imo = value?.trim();
  if (imo === undefined || imo.startsWith('0')) return undefined;
  return imoNumberProblem(imo) === undefined ? imo : undefined;
}

const later = (a: Mark | undefined, b: Mark | undefined) =>
  a === undefined ? b : b === undefined || a.t >= b.t ? a : b;

export class VesselCallTracker {
  private readonly options: CallTrackerOptions;
  private readonly berths: Area[] = [];
  private readonly anchorages: Area[] = [];
  private readonly berthFences: Fence[];
  private readonly anchorageFences: Fence[];
  private readonly pilotBoardingPlaces: Fence[] = [];
  private readonly portAreas: Fence[];
  private readonly vessels = new Map<string, VesselState>();
  /** The newest fix time of any vessel: the tracker's clock, for eviction. */
  private clockMs = -Infinity;

  constructor(model: PortModel, options: Partial<CallTrackerOptions> = {}) {
    this.options = { ...DEFAULT_CALL_TRACKER_OPTIONS, ...options };
    const portLimits: Fence[] = [];
    const channels: Fence[] = [];
    for (const feature of model.features) {
      const { geometry, properties } = feature;
      if (properties.kind === 'berth' && geometry.type === 'Polygon')
        this.berths.push({ id: properties.id, fence: polygonFence(geometry.coordinates) });
      else if (properties.kind === 'anchorage' && geometry.type === 'Polygon')
        this.anchorages.push({ id: properties.id, fence: polygonFence(geometry.coordinates) });
      else if (properties.kind === 'pilot_boarding_place' && geometry.type === 'Point')
        this.pilotBoardingPlaces.push(circleFence(geometry.coordinates, this.options.pbpRadiusM));
      else if (properties.kind === 'channel' && geometry.type === 'Polygon')
        channels.push(polygonFence(geometry.coordinates));
      else if (properties.kind === 'channel' && geometry.type === 'LineString')
        channels.push(
          corridorFence(geometry.coordinates, (properties.widthM ?? DEFAULT_CHANNEL_WIDTH_M) / 2),
        );
      // Not a kind of the model yet: used if a model ever has one.
      else if ((properties.kind as string) === 'port_limits' && geometry.type === 'Polygon')
        portLimits.push(polygonFence(geometry.coordinates));
    }
    this.berthFences = this.berths.map((b) => b.fence);
    this.anchorageFences = this.anchorages.map((a) => a.fence);
    // Anchorages often lie outside the port limits, so they are always in port.
    this.portAreas = [
      ...portLimits,
      ...this.anchorageFences,
      ...this.berthFences,
      ...channels,
      ...this.pilotBoardingPlaces,
    ];
  }

  /** How many vessels the tracker holds state for. */
  get vesselCount(): number {
    return this.vessels.size;
  }

  /** What the tracker knows of one vessel, or undefined when it tracks none by that MMSI. */
  status(mmsi: string): VesselCallStatus | undefined {
    const state = this.vessels.get(mmsi);
    if (!state) return undefined;
    const berth = state.berthed ? this.berths[state.berthed.index]!.id : undefined;
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
    this.identifyState(state, vessel);
    if (state.lastFixMs !== undefined && t <= state.lastFixMs) return this.release(state);

    const point: LonLat = [lon, lat];
    const mark: Mark = { t, prevT: state.lastFixMs };
    const knots = this.speedKnots(state, point, t, position.sogKnots);
    const completed: Completed[] = [];
    const emit = (code: PortCallTimestamp, timeMs: number, berthIndex?: number) => {
      const call = state.call;
      if (!call || call.reported.has(code)) return;
      call.reported.add(code);
      completed.push({
        callId: call.callId,
        code,
        timeMs,
        ...(berthIndex === undefined ? {} : { berthId: this.berths[berthIndex]!.id }),
      });
    };

    this.stepPilotBoardingPlace(state, point, mark);
    this.stepAnchorage(
      state,
      point,
      mark,
      anchorMotion(knots, position.navStatus, this.options),
      emit,
    );
    this.stepBerth(state, point, mark, this.berthMotion(knots, position.navStatus), emit);
    this.stepPort(state, point, mark, emit);

    state.lastFixMs = t;
    state.held.push(...completed);
    // Most recently updated last, so the stalest are first in line for eviction.
    this.vessels.delete(mmsi);
    this.vessels.set(mmsi, state);
    this.clockMs = Math.max(this.clockMs, t);
    this.evict();
    return this.release(state);
  }

  /** Static data without a position (an AIS type 5 report): releases held events. */
  identify(mmsi: string, vessel: VesselIdentity): PortCallEvent[] {
    const state = this.vessels.get(mmsi);
    if (!state) return [];
    this.identifyState(state, vessel);
    return this.release(state);
  }

  private identifyState(state: VesselState, vessel: VesselIdentity): void {
    const imo = usableImo(vessel.imo);
    if (imo !== undefined) state.imo = imo;
    const name = vessel.name?.trim().slice(0, 120);
    if (name) state.name = name;
  }

  /** The held events, as port-call events, once the IMO is known; prunes them otherwise. */
  private release(state: VesselState): PortCallEvent[] {
    if (state.held.length === 0) return [];
    const { holdMs, maxHeldPerVessel } = this.options;
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

  private evict(): void {
    const { evictAfterMs, maxVessels } = this.options;
    for (const [mmsi, state] of this.vessels) {
      const stale = (state.lastFixMs ?? -Infinity) < this.clockMs - evictAfterMs;
      if (!stale && this.vessels.size <= maxVessels) break;
      this.vessels.delete(mmsi);
    }
  }

  /** SOG when the vessel sends one, else a speed from its track, else undefined. */
  private speedKnots(
    state: VesselState,
    point: LonLat,
    t: number,
    sogKnots: number | undefined,
  ): number | undefined {
    const ref = state.speedRef;
    if (!ref || t - ref.t > DERIVED_SPEED_MAX_BASE_MS) {
      state.speedRef = { t, point };
      state.derived = undefined;
    } else if (t - ref.t >= DERIVED_SPEED_MIN_BASE_MS) {
      const metresPerSecond = distanceM(ref.point, point) / ((t - ref.t) / 1000);
      state.derived = { knots: metresPerSecond / METRES_PER_SECOND_PER_KNOT, t };
      state.speedRef = { t, point };
    }
    if (sogKnots !== undefined && Number.isFinite(sogKnots)) return sogKnots;
    const derived = state.derived;
    return derived && t - derived.t <= DERIVED_SPEED_MAX_BASE_MS ? derived.knots : undefined;
  }

  private berthMotion(knots: number | undefined, navStatus: number | undefined): BerthMotion {
    const { berthSpeedKnots, berthLeaveSpeedKnots } = this.options;
    const moored = navStatus === 5;
    if (knots === undefined) return moored ? 'still' : 'unknown';
    if (knots < berthSpeedKnots || (moored && knots <= berthLeaveSpeedKnots)) return 'still';
    return knots > berthLeaveSpeedKnots ? 'moving' : 'creeping';
  }

  /** An arrival's event is reported only when the fix before it is not a long gap away. */
  private seen(mark: Mark): boolean {
    return mark.prevT !== undefined && mark.t - mark.prevT <= this.options.maxGapMs;
  }

  /** When a departure happened: its fix, or across a long gap, the last fix before it. */
  private departedAt(mark: Mark): number {
    return this.seen(mark) ? mark.t : (mark.prevT ?? mark.t);
  }

  /**
   * An anchoring or a berthing: opens the call if none is open (at the first arrival: a
   * pending pass of the pilot boarding place, or this), and confirms that pass.
   */
  private arrive(state: VesselState, arrival: Mark, emit: Emit): void {
    const pending = state.pbpPending;
    state.pbpPending = undefined;
    const pbp = pending && arrival.t - pending.t <= this.options.pbpPendingMs ? pending : undefined;
    if (!state.call) {
      const startMs = Math.min(pbp?.t ?? Infinity, arrival.t);
      state.call = {
        callId: `ais-${state.mmsi}-${Math.floor(startMs / 1000)}`,
        reported: new Set(),
      };
    }
    if (pbp) emit('ATA-PBP', pbp.t);
  }

  private stepPilotBoardingPlace(state: VesselState, point: LonLat, mark: Mark): void {
    if (this.pilotBoardingPlaces.length === 0) return;
    const limit = PBP_EXIT_EXTRA_M;
    const near = nearestFence(this.pilotBoardingPlaces, point, limit);
    if (!state.pbpInside && near?.distanceM === 0) {
      state.pbpInside = true;
      // Kept until the vessel anchors or berths: passing vessels and vessels on their way
      // out pass it too. The first pass of the last day counts.
      const pending = state.pbpPending;
      const stale = !pending || mark.t - pending.t > this.options.pbpPendingMs;
      if (this.seen(mark) && !state.berthed && stale) state.pbpPending = mark;
    } else if (state.pbpInside && near === undefined) state.pbpInside = false;
  }

  private stepAnchorage(
    state: VesselState,
    point: LonLat,
    mark: Mark,
    motion: AnchorMotion,
    emit: Emit,
  ): void {
    const o = this.options;
    if (!state.anchorage) {
      const near = nearestFence(this.anchorageFences, point, 0);
      if (near?.distanceM !== 0) return;
      state.anchorage = { index: near.index, entry: mark, anchored: false };
    }
    const stay = state.anchorage;
    const d = this.anchorages[stay.index]!.fence.distanceM(point, o.anchorageExitBufferM);
    if (d === 0) stay.outside = undefined;
    else stay.outside ??= mark;
    const withinBuffer = d <= o.anchorageExitBufferM;
    if (withinBuffer) stay.away = undefined;
    else stay.away ??= mark;
    if (motion === 'slow') {
      stay.underway = undefined;
      if (withinBuffer) stay.slowSinceMs ??= mark.t;
    } else if (motion === 'underway') {
      stay.underway ??= mark;
      stay.slowSinceMs = undefined;
    }
    if (
      !stay.anchored &&
      stay.slowSinceMs !== undefined &&
      mark.t - stay.slowSinceMs >= o.anchorConfirmMs
    ) {
      stay.anchored = true;
      this.arrive(state, stay.entry, emit);
      if (this.seen(stay.entry)) emit('ATA-Anchorage', stay.entry.t);
    }
    if (stay.away && mark.t - stay.away.t >= o.anchorageExitMs)
      this.leaveAnchorage(state, mark, emit);
  }

  /** Ends the anchorage stay; an anchored one reports ATD-Anchorage. */
  private leaveAnchorage(state: VesselState, fallback: Mark, emit: Emit): void {
    const stay = state.anchorage;
    state.anchorage = undefined;
    if (!stay?.anchored) return;
    // Out of the polygon and under way; crossing out while still swinging at anchor is not leaving.
    const left = stay.outside ? later(stay.outside, stay.underway)! : fallback;
    emit('ATD-Anchorage', this.departedAt(left));
  }

  private stepBerth(
    state: VesselState,
    point: LonLat,
    mark: Mark,
    motion: BerthMotion,
    emit: Emit,
  ): void {
    const o = this.options;
    const berthed = state.berthed;
    if (berthed) {
      const d = this.berths[berthed.index]!.fence.distanceM(point, o.berthExitBufferM);
      const away = d > o.berthExitBufferM;
      if (motion === 'still' && !away) {
        berthed.moveStart = undefined;
        berthed.sawMoving = false;
      } else if (motion === 'creeping' || motion === 'moving') {
        berthed.moveStart ??= mark;
        if (motion === 'moving') berthed.sawMoving = true;
      }
      if (away) berthed.away ??= mark;
      else berthed.away = undefined;
      if (berthed.away && berthed.sawMoving && mark.t - berthed.away.t >= o.berthExitMs)
        this.leaveBerth(state, berthed.moveStart ?? berthed.away, emit);
      return;
    }
    const near = nearestFence(this.berthFences, point, o.berthExitBufferM);
    if (state.berthRun) {
      if (near && motion !== 'moving')
        state.berthRun.counts.set(near.index, (state.berthRun.counts.get(near.index) ?? 0) + 1);
      else state.berthRun = undefined;
    }
    if (!state.berthRun && near && near.distanceM <= o.berthBufferM && motion === 'still')
      state.berthRun = { start: mark, counts: new Map([[near.index, 1]]) };
    const run = state.berthRun;
    if (run && mark.t - run.start.t >= o.berthConfirmMs) {
      let index = -1;
      let most = 0;
      for (const [i, n] of run.counts) if (n > most) [index, most] = [i, n];
      state.berthRun = undefined;
      this.arrive(state, run.start, emit);
      if (state.anchorage) this.leaveAnchorage(state, run.start, emit);
      if (this.seen(run.start)) emit('ATA-Berth', run.start.t, index);
      state.berthed = { index, sawMoving: false };
    }
  }

  private leaveBerth(state: VesselState, left: Mark, emit: Emit): void {
    const berthed = state.berthed!;
    emit('ATD-Berth', this.departedAt(left), berthed.index);
    state.berthed = undefined;
    state.call = undefined;
  }

  private stepPort(state: VesselState, point: LonLat, mark: Mark, emit: Emit): void {
    const o = this.options;
    const inPort = nearestFence(this.portAreas, point, o.portBufferM) !== undefined;
    if (inPort) {
      state.outOfPort = undefined;
      return;
    }
    state.outOfPort ??= mark;
    if (mark.t - state.outOfPort.t < o.portExitMs) return;
    state.pbpPending = undefined;
    state.berthRun = undefined;
    if (state.anchorage) this.leaveAnchorage(state, state.outOfPort, emit);
    if (state.berthed)
      this.leaveBerth(
        state,
        state.berthed.moveStart ?? state.berthed.away ?? state.outOfPort,
        emit,
      );
    state.call = undefined;
  }
}

type Emit = (code: PortCallTimestamp, timeMs: number, berthIndex?: number) => void;

function anchorMotion(
  knots: number | undefined,
  navStatus: number | undefined,
  options: CallTrackerOptions,
): AnchorMotion {
  if (knots === undefined) return navStatus === 1 || navStatus === 5 ? 'slow' : 'unknown';
  return knots < options.anchorSpeedKnots ? 'slow' : 'underway';
}
