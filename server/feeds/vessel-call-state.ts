// The per-vessel call state machine: each fix moves a vessel's pilot boarding place,
// anchorage, berth and port state on, and completes the call timestamps those
// transitions make (the rules are described in vessel-call-tracker.ts).
import type { PortCallTimestamp } from '../../protocol/events.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import { nearestFence, type LonLat } from './geofence.ts';
import type { Completed, HeldEvents } from './vessel-call-events.ts';
import {
  anchorMotion,
  berthMotion,
  speedKnots,
  type AnchorMotion,
  type BerthMotion,
  type SpeedTrack,
} from './vessel-call-motion.ts';
import type { CallTrackerOptions } from './vessel-call-options.ts';
import type { CallZones } from './vessel-call-zones.ts';

/** How far exits from the pilot boarding place circle must go before a new arrival counts. */
const PBP_EXIT_EXTRA_M = 500;

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

export interface VesselState extends SpeedTrack, HeldEvents {
  call?: OpenCall;
  anchorage?: AnchorageStay;
  berthRun?: BerthRun;
  berthed?: Berthed;
  pbpInside: boolean;
  pbpPending?: Mark;
  outOfPort?: Mark;
}

type Emit = (code: PortCallTimestamp, timeMs: number, berthIndex?: number) => void;

const later = (a: Mark | undefined, b: Mark | undefined) =>
  a === undefined ? b : b === undefined || a.t >= b.t ? a : b;

export class CallStateMachine {
  constructor(
    private readonly zones: CallZones,
    private readonly options: CallTrackerOptions,
  ) {}

  /** Moves the vessel on to this (newer) fix: the call timestamps it completes. */
  step(state: VesselState, position: VesselPosition): Completed[] {
    const { timeMs: t, navStatus } = position;
    const point: LonLat = [position.lon, position.lat];
    const mark: Mark = { t, prevT: state.lastFixMs };
    const knots = speedKnots(state, point, t, position.sogKnots);
    const completed: Completed[] = [];
    const emit: Emit = (code, timeMs, berthIndex) => {
      const call = state.call;
      if (!call || call.reported.has(code)) return;
      call.reported.add(code);
      completed.push({
        callId: call.callId,
        code,
        timeMs,
        ...(berthIndex === undefined ? {} : { berthId: this.zones.berths[berthIndex]!.id }),
      });
    };

    this.stepPilotBoardingPlace(state, point, mark);
    this.stepAnchorage(state, point, mark, anchorMotion(knots, navStatus, this.options), emit);
    this.stepBerth(state, point, mark, berthMotion(knots, navStatus, this.options), emit);
    this.stepPort(state, point, mark, emit);
    state.lastFixMs = t;
    return completed;
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
    if (this.zones.pilotBoardingPlaces.length === 0) return;
    const limit = PBP_EXIT_EXTRA_M;
    const near = nearestFence(this.zones.pilotBoardingPlaces, point, limit);
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
      const near = nearestFence(this.zones.anchorageFences, point, 0);
      if (near?.distanceM !== 0) return;
      state.anchorage = { index: near.index, entry: mark, anchored: false };
    }
    const stay = state.anchorage;
    const d = this.zones.anchorages[stay.index]!.fence.distanceM(point, o.anchorageExitBufferM);
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
      const d = this.zones.berths[berthed.index]!.fence.distanceM(point, o.berthExitBufferM);
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
    const near = nearestFence(this.zones.berthFences, point, o.berthExitBufferM);
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
    const inPort = nearestFence(this.zones.portAreas, point, o.portBufferM) !== undefined;
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
