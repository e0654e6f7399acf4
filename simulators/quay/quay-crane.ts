// A ship-to-shore crane working one call: it gantries to its section of the ship,
// discharges its share (onto AGVs, or onto a haulier's truck for direct delivery), then
// loads its share (off AGVs, or off a truck for direct loading), with a hatch cover to
// handle between bays. Vehicles stand on one of three points under the portal: AGVs
// bringing nothing, AGVs bringing a box, trucks. The crane waits when nothing is there.
import type { Scheduled } from '../engine/event-queue.ts';
import type { SimContext } from '../engine/sim-context.ts';
import { emitContainerEvent } from '../cargo/container-events.ts';
import { Equipment, type PositionSample } from '../equipment/equipment.ts';
import { HandoverPoint } from '../equipment/handover-point.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import { headingOf, scale, type XY } from '../geometry/planar.ts';
import type { MotionLimits } from '../motion/motion-limits.ts';
import { buildPath } from '../motion/path.ts';
import { Trajectory } from '../motion/trajectory.ts';
import type { RoadUse } from '../road-graph.ts';
import { railPoint, type CraneSite } from '../world/port-layout.ts';

export const QUAY_CRANE_LIMITS: MotionLimits = {
  maxSpeedMps: 0.75, // 45 m/min gantry travel
  accelerationMps2: 0.15,
  decelerationMps2: 0.15,
  lateralAccelerationMps2: 0.1,
  cornerRadiusM: 1,
};

export type CraneLane = 'discharge' | 'load' | 'truck';

export interface QuayTransport {
  /** Send an AGV to take a box off this crane. */
  requestDischarge(crane: QuayCrane): void;
  /** Send an AGV to bring this box from the yard to this crane. */
  requestLoad(crane: QuayCrane, number: string): void;
}

export interface CraneAssignment {
  callId: string;
  berthId: string;
  alongM: number;
  /** Boxes to discharge; `direct` ones are for a haulier waiting under the crane. */
  discharges: string[];
  /** Boxes to load; `direct` ones come on a haulier's truck, not yet in the terminal. */
  loads: { number: string; direct?: boolean }[];
  /** Told of each box loaded on board. */
  onLoaded: (number: string) => void;
}

interface Arrival {
  vehicle: Vehicle;
  onServed: () => void;
  onDismissed: () => void;
}

const SET_DOWN_MS = 10_000;
/** Discharge: share of the cycle from the ship to above the vehicle. */
const LIFT_SHARE = 0.45;
const LANE_OFFSET_M: Record<CraneLane, number> = { discharge: 0, load: 12, truck: -12 };
const QUAY_ROADS = new Set<RoadUse>(['quay_lane']);
/** How long a crane waits for a direct-loading truck before the box is rolled. */
const DIRECT_LOAD_PATIENCE_MS = 10 * 60_000;
/** How long a crane with only direct-delivery boxes left waits for the trucks. */
const DIRECT_PICKUP_PATIENCE_MS = 5 * 60_000;

export class QuayCrane extends Equipment {
  private alongM: number;
  private gantry: Trajectory | undefined;
  private readonly rng;
  private job: CraneAssignment | undefined;
  private onFinished: (() => void) | undefined;
  private points: Record<CraneLane, HandoverPoint> | undefined;
  private readonly arrived: Partial<Record<CraneLane, Arrival>> = {};
  private waiting:
    { lanes: CraneLane[]; go: (lane: CraneLane) => void; timer?: Scheduled } | undefined;
  private regular: string[] = [];
  private direct: string[] = [];
  private pendingLoads = new Set<string>();
  private directLoads = new Set<string>();
  private requestedLoads = new Set<string>();
  private agvsComing = 0;
  private phase: 'discharge' | 'load' = 'discharge';
  /** The box on the spreader, on its way to a vehicle. */
  private holding: string | undefined;
  private movesSinceHatch = 0;
  private hatchEvery = 40;
  /** Trucks sent here for direct delivery or loading that have not arrived yet. */
  directTrucksComing = 0;

  constructor(
    ctx: SimContext,
    readonly site: CraneSite,
    private readonly transport: QuayTransport,
    private readonly onDischarged: (number: string) => void,
  ) {
    super(ctx, site.id, 'sts');
    this.alongM = site.parkedAlongM;
    this.rng = ctx.rng(`quay-crane:${site.id}`);
    this.setState('idle');
  }

  get working(): boolean {
    return this.job !== undefined;
  }

  point(lane: CraneLane): HandoverPoint {
    if (!this.points) throw new Error(`${this.id} is not working a call`);
    return this.points[lane];
  }

  /** Direct-delivery boxes still to come off, less the trucks already on their way. */
  get directPickupsOpen(): number {
    return this.direct.length - this.directTrucksComing;
  }

  hasPendingLoad(number: string): boolean {
    return this.pendingLoads.has(number);
  }

  start(job: CraneAssignment, onFinished: () => void): void {
    this.job = job;
    this.onFinished = onFinished;
    this.callId = job.callId;
    const registry = this.ctx.registry;
    this.regular = job.discharges.filter((n) => !registry.get(n).direct);
    this.direct = job.discharges.filter((n) => registry.get(n).direct);
    this.pendingLoads = new Set(job.loads.map((c) => c.number));
    this.directLoads = new Set(job.loads.filter((c) => c.direct).map((c) => c.number));
    this.requestedLoads = new Set(this.directLoads);
    this.agvsComing = 0;
    this.phase = 'discharge';
    const roads = this.ctx.layout.roads;
    const at = (lane: CraneLane) =>
      new HandoverPoint(
        roads.nearestPoint(railPoint(this.ctx.layout, job.alongM + LANE_OFFSET_M[lane]), (e) =>
          QUAY_ROADS.has(e.use),
        ),
      );
    this.points = { discharge: at('discharge'), load: at('load'), truck: at('truck') };
    this.topUp();
    this.moveTo(job.alongM, () => this.handleHatch(() => this.dischargeNext()));
  }

  /** A vehicle stands on one of the crane's points. */
  arriveAt(lane: CraneLane, vehicle: Vehicle, onServed: () => void, onDismissed: () => void): void {
    if (!this.job) {
      onDismissed();
      return;
    }
    if (lane === 'truck') this.directTrucksComing = Math.max(0, this.directTrucksComing - 1);
    this.arrived[lane] = { vehicle, onServed, onDismissed };
    const waiting = this.waiting;
    if (waiting?.lanes.includes(lane) && this.accepts(lane)) {
      this.waiting = undefined;
      if (waiting.timer) waiting.timer.cancelled = true;
      waiting.go(lane);
    }
  }

  /** Whether the vehicle on this point is one the crane can serve in its current work. */
  private accepts(lane: CraneLane): boolean {
    const arrival = this.arrived[lane];
    if (!arrival) return false;
    const box = this.ctx.registry.heldBy(arrival.vehicle.id);
    if (this.phase === 'discharge') return box === undefined && lane !== 'load';
    return lane !== 'discharge' && box !== undefined && this.pendingLoads.has(box);
  }

  private waitOn(
    lanes: CraneLane[],
    reason: string,
    go: (lane: CraneLane) => void,
    patience?: { ms: number; then: () => void },
  ): void {
    const ready = lanes.find((lane) => this.accepts(lane));
    if (ready) {
      go(ready);
      return;
    }
    this.setState('waiting', reason);
    const waiting: NonNullable<typeof this.waiting> = { lanes, go };
    if (patience)
      waiting.timer = this.ctx.queue.after(patience.ms, () => {
        if (this.waiting !== waiting) return;
        this.waiting = undefined;
        patience.then();
      });
    this.waiting = waiting;
  }

  private serve(lane: CraneLane): Arrival {
    const arrival = this.arrived[lane]!;
    this.arrived[lane] = undefined;
    return arrival;
  }

  private cycleMs(): number {
    const { median, sigma } = this.ctx.config.quayCraneCycleSeconds;
    return Math.max(45, this.rng.logNormal(median, sigma)) * 1000;
  }

  /** Keeps enough AGVs coming: empty ones while discharging, loaded ones towards the end of it. */
  private topUp(): void {
    const target = this.ctx.config.agvsPerCrane;
    const toDischarge = this.regular.length + (this.holding ? 1 : 0);
    while (this.agvsComing < Math.min(target, toDischarge)) {
      this.agvsComing += 1;
      this.transport.requestDischarge(this);
    }
    if (this.regular.length > target) return;
    for (const number of this.pendingLoads) {
      if (this.agvsComing + this.loadsComing() >= target) break;
      if (this.requestedLoads.has(number)) continue;
      this.requestedLoads.add(number);
      this.transport.requestLoad(this, number);
    }
  }

  private loadsComing(): number {
    let coming = 0;
    for (const number of this.requestedLoads)
      if (this.pendingLoads.has(number) && !this.directLoads.has(number)) coming += 1;
    return coming;
  }

  private handleHatch(then: () => void): void {
    this.movesSinceHatch = 0;
    this.hatchEvery = this.rng.integer(30, 60);
    this.setState('working', 'hatch cover');
    this.perform(this.rng.between(3, 5) * 60_000, then);
  }

  /** After a bay's worth of moves: shift along the section and handle the next hatch cover. */
  private nextMove(then: () => void): void {
    this.movesSinceHatch += 1;
    if (this.movesSinceHatch < this.hatchEvery) {
      then();
      return;
    }
    const shift = this.rng.between(-12, 12);
    this.moveTo(this.job!.alongM + shift, () => this.handleHatch(then));
  }

  private dischargeNext(): void {
    const job = this.job!;
    if (this.regular.length === 0 && this.direct.length === 0) {
      this.loadNext();
      return;
    }
    const truckReady = this.direct.length > 0 && this.accepts('truck');
    const onlyDirectLeft = this.regular.length === 0;
    if (onlyDirectLeft && !truckReady && this.directTrucksComing > 0) {
      // Wait a while for the trucks; then the boxes go to the yard after all.
      this.waitOn(['truck'], 'waiting for truck', () => this.dischargeNext(), {
        ms: DIRECT_PICKUP_PATIENCE_MS,
        then: () => this.sendDirectToYard(),
      });
      return;
    }
    if (onlyDirectLeft && !truckReady) {
      this.sendDirectToYard();
      return;
    }
    const lane: CraneLane = truckReady ? 'truck' : 'discharge';
    const number = (truckReady ? this.direct : this.regular).shift()!;
    const cycle = this.cycleMs();
    const me = { at: 'equipment' as const, equipmentId: this.id };
    this.setState('working');
    this.perform(cycle * LIFT_SHARE, () => {
      this.ctx.registry.move(number, { at: 'vessel', callId: job.callId }, me);
      if (lane === 'discharge') this.holding = number;
      this.topUp();
      this.waitOn([lane], lane === 'truck' ? 'waiting for truck' : 'waiting for AGV', () => {
        this.setState('working');
        this.perform(SET_DOWN_MS, () => {
          const { vehicle, onServed } = this.serve(lane);
          this.ctx.registry.move(number, me, { at: 'equipment', equipmentId: vehicle.id });
          if (lane === 'discharge') this.agvsComing -= 1;
          this.holding = undefined;
          emitContainerEvent(this.ctx, 'DISC', number, {
            callId: job.callId,
            facilityId: job.berthId,
            equipmentId: this.id,
          });
          this.onDischarged(number);
          onServed();
          this.perform(cycle * (1 - LIFT_SHARE) - SET_DOWN_MS, () =>
            this.nextMove(() => this.dischargeNext()),
          );
        });
      });
    });
  }

  private sendDirectToYard(): void {
    for (const number of this.direct) this.ctx.registry.get(number).direct = false;
    this.regular.push(...this.direct);
    this.direct = [];
    this.topUp();
    this.dischargeNext();
  }

  private loadNext(): void {
    const job = this.job!;
    this.phase = 'load';
    if (this.pendingLoads.size === 0) {
      this.finish();
      return;
    }
    this.topUp();
    const onlyDirectLeft = [...this.pendingLoads].every((n) => this.directLoads.has(n));
    this.waitOn(
      ['load', 'truck'],
      onlyDirectLeft ? 'waiting for truck' : 'waiting for AGV',
      (lane) => {
        const cycle = this.cycleMs();
        const me = { at: 'equipment' as const, equipmentId: this.id };
        this.setState('working');
        this.perform(SET_DOWN_MS, () => {
          const { vehicle, onServed } = this.serve(lane);
          const number = this.ctx.registry.heldBy(vehicle.id)!;
          this.ctx.registry.move(number, { at: 'equipment', equipmentId: vehicle.id }, me);
          this.pendingLoads.delete(number);
          onServed();
          this.topUp();
          this.perform(cycle * (1 - LIFT_SHARE) - SET_DOWN_MS, () => {
            this.ctx.registry.move(number, me, { at: 'vessel', callId: job.callId });
            job.onLoaded(number);
            emitContainerEvent(this.ctx, 'LOAD', number, {
              callId: job.callId,
              facilityId: job.berthId,
              equipmentId: this.id,
            });
            this.perform(cycle * LIFT_SHARE, () => this.nextMove(() => this.loadNext()));
          });
        });
      },
      onlyDirectLeft
        ? { ms: DIRECT_LOAD_PATIENCE_MS, then: () => this.rollDirectLoads() }
        : undefined,
    );
  }

  /** The ship cannot wait longer: direct-loading boxes not here yet stay behind. */
  private rollDirectLoads(): void {
    for (const number of [...this.pendingLoads])
      if (this.directLoads.has(number)) this.pendingLoads.delete(number);
    this.loadNext();
  }

  private finish(): void {
    const onFinished = this.onFinished!;
    for (const lane of ['discharge', 'load', 'truck'] as const) {
      const arrival = this.arrived[lane];
      this.arrived[lane] = undefined;
      if (arrival) arrival.onDismissed();
    }
    this.job = undefined;
    this.onFinished = undefined;
    this.callId = undefined;
    this.moveTo(this.site.parkedAlongM, () => this.setState('idle'));
    onFinished();
  }

  private moveTo(alongM: number, then: () => void): void {
    if (Math.abs(alongM - this.alongM) < 0.5) {
      then();
      return;
    }
    const layout = this.ctx.layout;
    const path = buildPath(
      [railPoint(layout, this.alongM), railPoint(layout, alongM)],
      QUAY_CRANE_LIMITS,
    );
    const gantry = Trajectory.plan(path, this.ctx.queue.nowMs, QUAY_CRANE_LIMITS, {
      fixedHeadingDeg: this.boomHeading(),
    });
    this.gantry = gantry;
    this.setState('travelling_empty');
    this.ctx.queue.at(gantry.endMs, () => {
      this.alongM = alongM;
      then();
    });
  }

  /** The boom points out over the water. */
  private boomHeading(): number {
    return headingOf(scale(this.ctx.layout.quay.waterNormal, 1));
  }

  sample(timeMs: number): PositionSample {
    if (this.gantry && timeMs >= this.gantry.startMs && timeMs <= this.gantry.endMs) {
      const s = this.gantry.sample(timeMs);
      return { point: s.point, heading: s.heading, speedMps: s.speedMps };
    }
    const point: XY = railPoint(this.ctx.layout, this.alongM);
    return { point, heading: this.boomHeading(), speedMps: 0 };
  }

  movingAt(timeMs: number): boolean {
    return (
      this.gantry !== undefined &&
      timeMs >= this.gantry.startMs &&
      timeMs <= this.gantry.endMs + 1_000
    );
  }
}
