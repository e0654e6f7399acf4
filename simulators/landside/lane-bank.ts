// A row of service lanes fed by one approach queue: gate lanes, scanners, examination
// bays. The vehicle at the front of the approach takes the least busy lane that has room
// (a lane holds the vehicle being served and two waiting behind it), drives into it, and
// moves up to the stop when the one in front leaves. A lane can stay taken after its
// vehicle has gone (a box left in an examination bay) until it is freed.
import type { SimContext } from '../engine/sim-context.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import type { RoadPoint, Route } from '../road-graph.ts';
import { QUEUE_SPACING_M, QueueLine, sharedApproach } from './queue-line.ts';

export interface LaneCallbacks<L> {
  /** The vehicle has entered the lane's queue. */
  queued(lane: L): void;
  /** The vehicle stands at the lane's stop, to be served. */
  atStop(lane: L): void;
}

interface Waiting<L> {
  vehicle: Vehicle;
  callbacks: LaneCallbacks<L>;
  /** Standing at the waiting place behind the stop. */
  standing: boolean;
  /** Called up to the stop while still on its way to the waiting place. */
  called: boolean;
}

interface LaneState<L> {
  lane: L;
  stop: RoadPoint;
  /** Added to its load when vehicles choose a lane (a lane without OCR, say). */
  preference: number;
  /** The way in from the head of the approach: vehicles wait along it, behind the stop. */
  way: Route;
  waiting: Waiting<L>[];
  /** The vehicle at the stop or driving to it; or a box left there (see leave). */
  atStop: Vehicle | 'held' | undefined;
}

const LANE_DEPTH = 3;

export class LaneBank<L> {
  private readonly approach: QueueLine;
  private readonly states: LaneState<L>[];
  private readonly pending = new Map<Vehicle, LaneCallbacks<L>>();

  constructor(
    private readonly ctx: SimContext,
    from: RoadPoint,
    lanes: { lane: L; stop: RoadPoint; preference?: number }[],
  ) {
    const roads = ctx.layout.roads;
    const approach = sharedApproach(
      ctx,
      from,
      lanes.map((l) => l.stop),
    );
    const head = roads.pointAlong(approach, approach.length);
    this.approach = new QueueLine(ctx, approach);
    this.approach.onFrontStanding = () => this.admit();
    this.states = lanes.map(({ lane, stop, preference }) => {
      const way = roads.route(head, stop);
      return {
        lane,
        stop,
        preference: preference ?? 0,
        way,
        waiting: [],
        atStop: undefined,
      };
    });
  }

  /** The vehicle joins the approach queue; the callbacks tell it about its lane. */
  join(vehicle: Vehicle, callbacks: LaneCallbacks<L>): void {
    this.pending.set(vehicle, callbacks);
    this.approach.join(vehicle);
  }

  private load(state: LaneState<L>): number {
    return state.waiting.length + (state.atStop ? 1 : 0);
  }

  /** Vehicles at the front of the approach go to the least busy lanes with room. */
  private admit(): void {
    let admitted = false;
    for (;;) {
      const vehicle = this.approach.front;
      const open = this.states.filter((s) => this.load(s) < LANE_DEPTH);
      if (!vehicle || open.length === 0) break;
      const score = (s: LaneState<L>) => this.load(s) + s.preference;
      this.approach.takeFront();
      this.enter(
        open.reduce((best, s) => (score(s) < score(best) ? s : best)),
        vehicle,
      );
      admitted = true;
    }
    if (admitted) this.approach.closeUp();
  }

  private enter(state: LaneState<L>, vehicle: Vehicle): void {
    const callbacks = this.pending.get(vehicle)!;
    this.pending.delete(vehicle);
    callbacks.queued(state.lane);
    if (state.atStop === undefined && state.waiting.length === 0) {
      this.toStop(state, vehicle, callbacks);
      return;
    }
    const waiting: Waiting<L> = { vehicle, callbacks, standing: false, called: false };
    state.waiting.push(waiting);
    const behind = state.waiting.length * QUEUE_SPACING_M;
    const place = this.ctx.layout.roads.pointAlong(state.way, state.way.length - behind);
    vehicle.drive(place, () => {
      waiting.standing = true;
      if (waiting.called) this.toStop(state, vehicle, callbacks);
    });
  }

  private toStop(state: LaneState<L>, vehicle: Vehicle, callbacks: LaneCallbacks<L>): void {
    state.atStop = vehicle;
    vehicle.drive(state.stop, () => callbacks.atStop(state.lane));
  }

  /** The first waiting vehicle moves up onto the free stop. */
  private advance(state: LaneState<L>): void {
    const next = state.waiting.shift();
    if (!next) return;
    if (next.standing) this.toStop(state, next.vehicle, next.callbacks);
    else {
      state.atStop = next.vehicle;
      next.called = true;
    }
  }

  private stateOf(lane: L): LaneState<L> {
    return this.states.find((s) => s.lane === lane)!;
  }

  /** The vehicle at the stop is done and drives on; the lane stays taken if `held`. */
  leave(lane: L, held = false): void {
    const state = this.stateOf(lane);
    state.atStop = held ? 'held' : undefined;
    if (!held) this.advance(state);
    this.admit();
  }

  /** What was left at the stop is gone: the lane is free for the next vehicle. */
  free(lane: L): void {
    const state = this.stateOf(lane);
    state.atStop = undefined;
    this.advance(state);
    this.admit();
  }

  stopOf(lane: L): RoadPoint {
    return this.stateOf(lane).stop;
  }
}
