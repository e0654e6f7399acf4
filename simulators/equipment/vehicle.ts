// Something that drives the roads: an AGV, a terminal truck, a haulier's truck. It
// follows the shortest route at the speeds its limits allow, reports travelling loaded
// or empty on the way, and stops short when asked (a queue ahead). A failure on the way
// brakes it to a stop where it is; after the repair it drives on to where it was going.
import type { EquipmentKind, EquipmentState } from '../../protocol/equipment.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { Scheduled } from '../engine/event-queue.ts';
import type { MotionLimits } from '../motion/motion-limits.ts';
import { buildPath } from '../motion/path.ts';
import { Trajectory } from '../motion/trajectory.ts';
import { distance, type XY } from '../geometry/planar.ts';
import type { RoadPoint, Route } from '../road-graph.ts';
import { Equipment, type PositionSample } from './equipment.ts';

/** Vehicles cross junctions at no more than this, looking out for the traffic. */
const JUNCTION_SPEED_MPS = 3;

export interface DriveOptions {
  /** State while standing at the destination (default: waiting). */
  arrivalState?: EquipmentState;
  /**
   * Checked when there is just room left to stop this far before the destination: if it
   * says stop, the vehicle brakes and `onStoppedShort` is called instead of arriving.
   */
  stopShort?: { metresBefore: number; shouldStop: () => boolean; onStoppedShort: () => void };
}

export class Vehicle extends Equipment {
  /** Where it stands, or where it last stood (a point on the road network). */
  at: RoadPoint;
  private point: XY;
  heading = 0;
  private trajectory: Trajectory | undefined;
  private arrival: Scheduled | undefined;

  constructor(
    ctx: SimContext,
    id: string,
    kind: EquipmentKind,
    readonly limits: MotionLimits,
    at: RoadPoint,
    /** A haulier's truck: not the terminal's (no state events), on a road chassis. */
    readonly haulier = false,
  ) {
    super(ctx, id, kind, !haulier);
    this.at = at;
    this.point = ctx.layout.roads.pointAt(at);
  }

  get loaded(): boolean {
    return this.ctx.registry.heldBy(this.id) !== undefined;
  }

  get position(): XY {
    return this.point;
  }

  drive(to: RoadPoint, onArrive: () => void, options: DriveOptions = {}): void {
    if (this.trajectory && this.ctx.queue.nowMs < this.trajectory.endMs)
      throw new Error(`${this.id} is told to drive while it is on its way`);
    const roads = this.ctx.layout.roads;
    // After stopping short the vehicle stands beside its road point: start where it is.
    const lead = distance(this.point, roads.pointAt(this.at)) > 0.01 ? [this.point] : [];
    this.follow(roads.route(this.at, to), lead, to, onArrive, options);
  }

  private follow(
    route: Route,
    lead: XY[],
    to: RoadPoint,
    onArrive: () => void,
    options: DriveOptions,
  ): void {
    const roads = this.ctx.layout.roads;
    const queue = this.ctx.queue;
    const points = [...lead, ...roads.routePoints(route)];
    const arrive = () => {
      this.at = to;
      this.point = roads.pointAt(to);
      this.setState(options.arrivalState ?? 'waiting');
      onArrive();
    };
    if (points.length < 2 || route.length + (lead.length > 0 ? 1 : 0) < 0.05) {
      this.trajectory = undefined;
      queue.after(0, arrive);
      return;
    }
    const atJunction = points.map((p, i) => {
      const node = i > 0 && i < points.length - 1 ? roads.nodeAt(p) : undefined;
      return node !== undefined && roads.isJunction(node) ? JUNCTION_SPEED_MPS : Infinity;
    });
    const path = buildPath(points, this.limits, [], atJunction);
    const trajectory = Trajectory.plan(path, queue.nowMs, this.limits, {
      startHeadingDeg: this.heading,
    });
    this.trajectory = trajectory;
    this.setState(this.loaded ? 'travelling_loaded' : 'travelling_empty');
    const land = (stopped: Trajectory, then: () => void) => {
      this.trajectory = stopped;
      this.arrival = queue.at(stopped.endMs, () => {
        this.point = stopped.endPoint;
        this.heading = stopped.endHeadingDeg;
        this.at = roads.nearestPoint(this.point, (e) =>
          route.legs.some((l) => roads.edges[l.edge] === e),
        );
        then();
      });
    };

    const strike = this.faults.strikesWithin(trajectory.durationS * 1000);
    if (strike !== undefined) {
      this.faults.consume(strike);
      queue.after(strike, () => {
        land(trajectory.brakingAt(queue.nowMs, this.limits), () =>
          this.breakDown(() =>
            this.follow(roads.route(this.at, to), [this.point], to, onArrive, options),
          ),
        );
      });
      return;
    }
    this.faults.consume(trajectory.durationS * 1000);

    const stopShort = options.stopShort;
    if (stopShort) {
      const margin =
        stopShort.metresBefore + this.limits.maxSpeedMps ** 2 / (2 * this.limits.decelerationMps2);
      const checkAt = trajectory.timeAtDistance(Math.max(0, trajectory.path.length - margin));
      queue.at(Math.max(queue.nowMs, checkAt), () => {
        if (this.trajectory !== trajectory || !stopShort.shouldStop()) return;
        this.arrival!.cancelled = true;
        land(trajectory.brakingAt(queue.nowMs, this.limits), () => {
          this.setState('waiting');
          stopShort.onStoppedShort();
        });
      });
    }
    this.arrival = queue.at(trajectory.endMs, () => {
      this.point = trajectory.endPoint;
      this.heading = trajectory.endHeadingDeg;
      arrive();
    });
  }

  sample(timeMs: number): PositionSample {
    if (this.trajectory && timeMs <= this.trajectory.endMs && timeMs >= this.trajectory.startMs) {
      const s = this.trajectory.sample(timeMs);
      return { point: s.point, heading: s.heading, speedMps: s.speedMps };
    }
    return { point: this.point, heading: this.heading, speedMps: 0 };
  }

  movingAt(timeMs: number): boolean {
    return this.trajectory !== undefined && timeMs <= this.trajectory.endMs + 1_000;
  }
}
