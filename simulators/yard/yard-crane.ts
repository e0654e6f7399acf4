// The automated stacking crane of one block: it takes boxes off vehicles and stacks
// them, and digs boxes out (rehandling whatever is on top) and sets them on vehicles.
// One job at a time; the waterside (AGVs feeding the quay cranes) goes first, trucks wait.
import type { SimContext } from '../engine/sim-context.ts';
import { emitContainerEvent } from '../cargo/container-events.ts';
import type { StackRef, YardStorage } from '../cargo/yard-storage.ts';
import { Equipment, type PositionSample } from '../equipment/equipment.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import { add, headingOf, scale, type XY } from '../geometry/planar.ts';
import type { MotionLimits } from '../motion/motion-limits.ts';
import { buildPath } from '../motion/path.ts';
import { Trajectory } from '../motion/trajectory.ts';
import type { BlockSite } from '../world/port-layout.ts';
import type { RemoteOperators } from './remote-operators.ts';

export const YARD_CRANE_LIMITS: MotionLimits = {
  maxSpeedMps: 4,
  accelerationMps2: 0.4,
  decelerationMps2: 0.4,
  lateralAccelerationMps2: 0.5,
  cornerRadiusM: 1,
};

export type YardJob =
  | {
      kind: 'stack';
      waterside: boolean;
      vehicle: Vehicle;
      number: string;
      stack: StackRef;
      onLifted: () => void;
    }
  | {
      kind: 'retrieve';
      waterside: boolean;
      vehicle: Vehicle;
      number: string;
      onLoaded: () => void;
    };

/** Share of a crane cycle spent before the box leaves (or reaches) the vehicle. */
const VEHICLE_SIDE_SHARE = 0.4;

export class YardCrane extends Equipment {
  private alongM: number;
  private gantry: Trajectory | undefined;
  private readonly jobs: YardJob[] = [];
  private busy = false;
  private readonly rng;

  constructor(
    ctx: SimContext,
    readonly site: BlockSite,
    private readonly storage: YardStorage,
    /** Told of every box stacked off a vehicle (not of rehandles). */
    private readonly onStacked: (number: string) => void,
    private readonly operators: RemoteOperators,
  ) {
    super(ctx, `${site.id}-ASC`, 'yard_crane');
    this.alongM = site.lengthM / 2;
    this.rng = ctx.rng(`yard-crane:${site.id}`);
    this.setState('idle');
  }

  /** Distance along the block of a stack position's centre. */
  alongOf(position: number): number {
    return ((position + 0.5) * this.site.lengthM) / this.storage.positionsOf(this.site.id);
  }

  request(job: YardJob): void {
    if (job.waterside) {
      const firstLandside = this.jobs.findIndex((j) => !j.waterside);
      this.jobs.splice(firstLandside < 0 ? this.jobs.length : firstLandside, 0, job);
    } else this.jobs.push(job);
    if (!this.busy) this.next();
  }

  get backlog(): number {
    return this.jobs.length + (this.busy ? 1 : 0);
  }

  /** The next job: the waterside first, then trucks in the order they came. */
  private next(): void {
    const index = this.jobs.findIndex((j) => j.waterside);
    const [job] = this.jobs.splice(index < 0 ? 0 : index, 1);
    if (!job) {
      this.busy = false;
      this.setState('idle');
      return;
    }
    this.busy = true;
    if (job.kind === 'stack') this.stack(job);
    else this.retrieve(job, this.storage.boxesAbove(job.number));
  }

  /**
   * The part of a move at the vehicle: automatic for an AGV; for a truck a remote
   * operator takes over, once one is free, and works it more slowly.
   */
  private atVehicle(job: YardJob, cycleMs: number, then: () => void): void {
    const ms = cycleMs * VEHICLE_SIDE_SHARE;
    if (job.waterside) {
      this.perform(ms, then);
      return;
    }
    const operate = () => {
      this.setState('working', 'remote operator');
      this.perform(ms * this.ctx.config.landsideCycleFactor, () => {
        this.operators.release();
        then();
      });
    };
    if (this.operators.tryAcquire()) {
      operate();
      return;
    }
    this.setState('waiting', 'waiting for remote operator');
    const retry = () => (this.operators.tryAcquire() ? operate() : this.operators.whenFree(retry));
    this.operators.whenFree(retry);
  }

  private cycleMs(): number {
    const { median, sigma } = this.ctx.config.yardCraneCycleSeconds;
    return this.rng.logNormal(median, sigma) * 1000;
  }

  private stack(job: Extract<YardJob, { kind: 'stack' }>): void {
    const cycle = this.cycleMs();
    this.moveTo(this.alongOf(job.stack.position), () => {
      this.setState('working');
      this.atVehicle(job, cycle, () => {
        this.setState('working');
        const me = { at: 'equipment' as const, equipmentId: this.id };
        this.ctx.registry.move(job.number, { at: 'equipment', equipmentId: job.vehicle.id }, me);
        this.ctx.registry.get(job.number).sinceMs = this.ctx.queue.nowMs;
        job.onLifted();
        this.perform(cycle * (1 - VEHICLE_SIDE_SHARE), () => {
          this.storage.place(job.number, me, job.stack);
          emitContainerEvent(this.ctx, 'DROP', job.number, {
            facilityId: this.site.id,
            equipmentId: this.id,
          });
          this.onStacked(job.number);
          this.next();
        });
      });
    });
  }

  /** Rehandles the boxes on top one by one, then lifts the box and sets it on the vehicle. */
  private retrieve(job: Extract<YardJob, { kind: 'retrieve' }>, above: string[]): void {
    const stack = this.storage.stackOfBox(job.number)!;
    const me = { at: 'equipment' as const, equipmentId: this.id };
    const [top, ...rest] = above;
    this.moveTo(this.alongOf(stack.position), () => {
      this.setState('working');
      const cycle = this.cycleMs();
      if (top !== undefined) {
        const to = this.storage.reserve(this.site.id, this.rng, stack);
        this.perform(cycle * 0.5, () => {
          this.storage.lift(top, me, to);
          emitContainerEvent(this.ctx, 'PICK', top, {
            facilityId: this.site.id,
            equipmentId: this.id,
          });
          this.perform(cycle * 0.5, () => {
            this.storage.place(top, me, to);
            emitContainerEvent(this.ctx, 'DROP', top, {
              facilityId: this.site.id,
              equipmentId: this.id,
            });
            this.retrieve(job, rest);
          });
        });
        return;
      }
      this.perform(cycle * (1 - VEHICLE_SIDE_SHARE), () => {
        this.storage.lift(job.number, me);
        emitContainerEvent(this.ctx, 'PICK', job.number, {
          facilityId: this.site.id,
          equipmentId: this.id,
        });
        this.atVehicle(job, cycle, () => {
          this.setState('working');
          this.ctx.registry.move(job.number, me, { at: 'equipment', equipmentId: job.vehicle.id });
          job.onLoaded();
          this.next();
        });
      });
    });
  }

  private moveTo(alongM: number, then: () => void): void {
    if (Math.abs(alongM - this.alongM) < 0.5) {
      then();
      return;
    }
    const path = buildPath([this.pointAt(this.alongM), this.pointAt(alongM)], YARD_CRANE_LIMITS);
    const gantry = Trajectory.plan(path, this.ctx.queue.nowMs, YARD_CRANE_LIMITS, {
      fixedHeadingDeg: headingOf(this.site.axis),
    });
    this.gantry = gantry;
    this.setState(this.ctx.registry.heldBy(this.id) ? 'travelling_loaded' : 'travelling_empty');
    // Failures strike while handling boxes (see perform), not on the gantry run.
    this.ctx.queue.at(gantry.endMs, () => {
      this.alongM = alongM;
      then();
    });
  }

  private pointAt(alongM: number): XY {
    return add(
      this.site.origin,
      add(scale(this.site.axis, alongM), scale(this.site.inland, this.site.depthM / 2)),
    );
  }

  sample(timeMs: number): PositionSample {
    if (this.gantry && timeMs >= this.gantry.startMs && timeMs <= this.gantry.endMs) {
      const s = this.gantry.sample(timeMs);
      return { point: s.point, heading: s.heading, speedMps: s.speedMps };
    }
    return { point: this.pointAt(this.alongM), heading: headingOf(this.site.axis), speedMps: 0 };
  }

  movingAt(timeMs: number): boolean {
    return (
      this.gantry !== undefined &&
      timeMs >= this.gantry.startMs &&
      timeMs <= this.gantry.endMs + 1_000
    );
  }
}
