// The AGVs that carry every box between the quay cranes and the yard. Cranes ask for
// them (an empty one to take a box off, or one to fetch a given box); the nearest idle
// AGV takes the job, or the first one to come free does. An AGV drives to the crane,
// waits its turn under it, takes the box to a block chosen for it, waits for the yard
// crane, and is free again.
import { blockKindFor } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import { Vehicle } from '../equipment/vehicle.ts';
import { add, distance, scale } from '../geometry/planar.ts';
import type { MotionLimits } from '../motion/motion-limits.ts';
import type { Yard } from '../yard/yard.ts';
import type { QuayCrane, QuayTransport } from './quay-crane.ts';

export const AGV_LIMITS: MotionLimits = {
  maxSpeedMps: 6, // 21.6 km/h, the top speed of container AGVs
  accelerationMps2: 0.5,
  decelerationMps2: 0.8,
  lateralAccelerationMps2: 1,
  cornerRadiusM: 10,
};

type AgvJob =
  { kind: 'discharge'; crane: QuayCrane } | { kind: 'load'; crane: QuayCrane; number: string };

export class AgvFleet implements QuayTransport {
  readonly agvs: Vehicle[];
  private readonly idle = new Set<Vehicle>();
  private readonly jobs: AgvJob[] = [];

  constructor(
    private readonly ctx: SimContext,
    private readonly yard: Yard,
    count: number,
  ) {
    const { layout } = ctx;
    const rng = ctx.rng('agv-fleet');
    this.agvs = Array.from({ length: count }, (_, i) => {
      const along = rng.between(0, layout.quay.lengthM);
      const spot = add(
        add(layout.quay.start, scale(layout.quay.direction, along)),
        scale(layout.quay.waterNormal, -40),
      );
      const agv = new Vehicle(
        ctx,
        `AGV${String(i + 1).padStart(3, '0')}`,
        'agv',
        AGV_LIMITS,
        layout.roads.nearestPoint(spot, (e) => e.use === 'quay_lane'),
      );
      agv.setState('idle');
      this.idle.add(agv);
      return agv;
    });
  }

  requestDischarge(crane: QuayCrane): void {
    this.enqueue({ kind: 'discharge', crane });
  }

  requestLoad(crane: QuayCrane, number: string): void {
    this.enqueue({ kind: 'load', crane, number });
  }

  private enqueue(job: AgvJob): void {
    const target = this.ctx.layout.roads.pointAt(job.crane.point('discharge').point);
    let best: Vehicle | undefined;
    for (const agv of this.idle)
      if (!best || distance(agv.position, target) < distance(best.position, target)) best = agv;
    if (!best) {
      this.jobs.push(job);
      return;
    }
    this.idle.delete(best);
    this.run(best, job);
  }

  private stillWanted(job: AgvJob): boolean {
    return job.kind === 'discharge' ? job.crane.working : job.crane.hasPendingLoad(job.number);
  }

  private free(agv: Vehicle): void {
    agv.setState('idle');
    while (this.jobs.length > 0) {
      const job = this.jobs.shift()!;
      if (this.stillWanted(job)) {
        this.run(agv, job);
        return;
      }
    }
    this.idle.add(agv);
  }

  private run(agv: Vehicle, job: AgvJob): void {
    if (job.kind === 'discharge') this.takeOffCrane(agv, job.crane);
    else
      this.yard.pickUp(agv, job.number, 'waterside', () => {
        this.yard.storage.unclaim(job.number);
        this.bringToCrane(agv, job.crane);
      });
  }

  private takeOffCrane(agv: Vehicle, crane: QuayCrane): void {
    const point = crane.point('discharge');
    point.approach(agv, () =>
      crane.arriveAt(
        'discharge',
        agv,
        () => {
          point.release(agv);
          this.toYard(agv);
        },
        () => {
          point.release(agv);
          this.free(agv);
        },
      ),
    );
  }

  private bringToCrane(agv: Vehicle, crane: QuayCrane): void {
    const point = crane.point('load');
    point.approach(agv, () =>
      crane.arriveAt(
        'load',
        agv,
        () => {
          point.release(agv);
          this.free(agv);
        },
        () => {
          point.release(agv);
          this.toYard(agv);
        },
      ),
    );
  }

  /** Takes the box it carries to a block of the right kind. */
  private toYard(agv: Vehicle): void {
    const number = this.ctx.registry.heldBy(agv.id)!;
    const storage = this.yard.storage;
    const rng = this.ctx.rng('agv-yard-choice');
    const block = storage.chooseBlock(blockKindFor(this.ctx.registry.get(number)), rng);
    const stack = storage.reserve(block.id, rng);
    this.yard.dropOff(agv, stack, 'waterside', () => this.free(agv));
  }
}
