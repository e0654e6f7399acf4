// The yard as vehicles use it: the stacks, a stacking crane per block, and the points
// beside each stack position where vehicles stand to be served (AGVs on the waterside
// lane, trucks on the landside one). Dropping off and picking up are one call each.
import type { SimContext } from '../engine/sim-context.ts';
import type { StackRef, YardStorage } from '../cargo/yard-storage.ts';
import { HandoverPoint } from '../equipment/handover-point.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import { add, scale } from '../geometry/planar.ts';
import type { RoadUse } from '../road-graph.ts';
import { RemoteOperators } from './remote-operators.ts';
import { YardCrane } from './yard-crane.ts';

export type YardSide = 'waterside' | 'landside';

const YARD_ROADS = new Set<RoadUse>(['yard_lane', 'quay_lane']);

type DriverStep = 'unlock' | 'back' | 'out' | 'lock';
const DRIVER_STEPS: Record<DriverStep, string> = {
  unlock: 'unlocking twistlocks',
  back: 'driver back from safety booth',
  out: 'driver to safety booth',
  lock: 'locking twistlocks',
};

/** How far outside the block's edge a vehicle stands (on the lane that runs beside it). */
const STAND_OFF_M = 15;

export class Yard {
  private readonly cranes = new Map<string, YardCrane>();
  private readonly points = new Map<string, HandoverPoint>();
  /** Told of every box a vehicle brings into the yard, once it is stacked. */
  onStacked: (number: string) => void = () => {};
  private readonly rng;

  constructor(
    private readonly ctx: SimContext,
    readonly storage: YardStorage,
  ) {
    this.rng = ctx.rng('yard');
    const operators = new RemoteOperators(ctx.config.remoteOperators);
    for (const id of storage.blockIds())
      this.cranes.set(
        id,
        new YardCrane(
          ctx,
          storage.site(id),
          storage,
          (number) => this.onStacked(number),
          operators,
        ),
      );
  }

  allCranes(): YardCrane[] {
    return [...this.cranes.values()];
  }

  crane(blockId: string): YardCrane {
    return this.cranes.get(blockId)!;
  }

  /** Where a vehicle stands to be served at a stack position, on one side of the block. */
  handover(blockId: string, position: number, side: YardSide): HandoverPoint {
    const key = `${blockId}/${position}/${side}`;
    let point = this.points.get(key);
    if (!point) {
      const site = this.storage.site(blockId);
      const along = this.crane(blockId).alongOf(position);
      const across = side === 'waterside' ? -STAND_OFF_M : site.depthM + STAND_OFF_M;
      const spot = add(site.origin, add(scale(site.axis, along), scale(site.inland, across)));
      const roads = this.ctx.layout.roads;
      point = new HandoverPoint(roads.nearestPoint(spot, (e) => YARD_ROADS.has(e.use)));
      this.points.set(key, point);
    }
    return point;
  }

  /**
   * What a haulier's driver does at the block around the crane's move (AGVs and the
   * terminal's own trucks do none of it): (un)lock the twistlocks of the road chassis,
   * and wait in the safety booth while the automated crane works.
   */
  private driver(vehicle: Vehicle, side: YardSide, step: DriverStep, then: () => void): void {
    if (side === 'waterside' || !vehicle.haulier) {
      then();
      return;
    }
    const { twistlockMinutes, safetyBoothMinutes } = this.ctx.config;
    const minutes =
      this.rng.between(...safetyBoothMinutes) / 2 +
      (step === 'unlock' || step === 'lock' ? this.rng.between(...twistlockMinutes) : 0);
    vehicle.setState('working', DRIVER_STEPS[step]);
    vehicle.perform(minutes * 60_000, then);
  }

  /**
   * Drives the vehicle to the block and has the crane take its box into the reserved
   * space; `atBlock` runs first, once the vehicle stands there (a seal check).
   */
  dropOff(
    vehicle: Vehicle,
    stack: StackRef,
    side: YardSide,
    onDone: () => void,
    atBlock: (then: () => void) => void = (then) => then(),
  ): void {
    const number = this.ctx.registry.heldBy(vehicle.id);
    if (!number) throw new Error(`${vehicle.id} has no box to drop off`);
    const point = this.handover(stack.blockId, stack.position, side);
    point.approach(vehicle, () =>
      atBlock(() =>
        this.driver(vehicle, side, 'unlock', () => {
          vehicle.setState('waiting', 'waiting for yard crane');
          this.crane(stack.blockId).request({
            kind: 'stack',
            waterside: side === 'waterside',
            vehicle,
            number,
            stack,
            onLifted: () =>
              this.driver(vehicle, side, 'back', () => {
                point.release(vehicle);
                onDone();
              }),
          });
        }),
      ),
    );
  }

  /** Drives the vehicle to the box's stack and has the crane set the box on it. */
  pickUp(vehicle: Vehicle, number: string, side: YardSide, onDone: () => void): void {
    const stack = this.storage.stackOfBox(number);
    if (!stack) throw new Error(`container ${number} is not in the yard`);
    const point = this.handover(stack.blockId, stack.position, side);
    point.approach(vehicle, () =>
      this.driver(vehicle, side, 'out', () => {
        vehicle.setState('waiting', 'waiting for yard crane');
        this.crane(stack.blockId).request({
          kind: 'retrieve',
          waterside: side === 'waterside',
          vehicle,
          number,
          onLoaded: () =>
            this.driver(vehicle, side, 'lock', () => {
              point.release(vehicle);
              onDone();
            }),
        });
      }),
    );
  }
}
