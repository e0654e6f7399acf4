// Vehicles queueing single file along a road: a gate's approach, an inspection area's
// access. Each stands a truck's length behind the one in front; when the head leaves,
// the rest move up (stop and go, as real queues do). A vehicle that breaks down in the
// queue keeps its place but no longer holds up the others: they pass it until it is fixed.
import type { SimContext } from '../engine/sim-context.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import type { RoadPoint, Route } from '../road-graph.ts';

export const QUEUE_SPACING_M = 18;
/** Vehicles further back than this wait for a gap of as many places before moving up. */
const CREEPING_SLOTS = 3;

interface Member {
  vehicle: Vehicle;
  /** The slot it is driving to or standing at; the head is slot 0. */
  target: number;
  moving: boolean;
}

export class QueueLine {
  private readonly members: Member[] = [];
  /** Called when the vehicle at the front of the queue comes to a stand. */
  onFrontStanding: () => void = () => {};

  constructor(
    private readonly ctx: SimContext,
    /** From the back of the queue to its head. */
    private readonly line: Route,
  ) {}

  get length(): number {
    return this.members.length;
  }

  private slotPoint(slot: number): RoadPoint {
    return this.ctx.layout.roads.pointAlong(this.line, this.line.length - slot * QUEUE_SPACING_M);
  }

  /** The vehicle drives to the back of the queue and moves up with it. */
  join(vehicle: Vehicle): void {
    const member: Member = { vehicle, target: this.members.length, moving: false };
    this.members.push(member);
    vehicle.onBreakdown = () => {
      if (this.front) this.onFrontStanding();
    };
    this.moveUp(member);
  }

  private moveUp(member: Member): void {
    member.target = this.members.indexOf(member);
    member.moving = true;
    member.vehicle.drive(this.slotPoint(member.target), () => {
      member.moving = false;
      const slot = this.members.indexOf(member);
      if (member === this.head) this.onFrontStanding();
      else if (slot !== member.target) this.moveUp(member);
    });
  }

  /** The first vehicle in the queue that is not broken down. */
  private get head(): Member | undefined {
    return this.members.find((m) => m.vehicle.state !== 'fault');
  }

  /** The vehicle at the front of the queue, if it stands (wherever it stands). */
  get front(): Vehicle | undefined {
    const head = this.head;
    return head && !head.moving ? head.vehicle : undefined;
  }

  /** Takes the standing front vehicle off the queue (see closeUp for the others). */
  takeFront(): Vehicle {
    const vehicle = this.front;
    if (!vehicle) throw new Error('nobody is standing at the front of the queue');
    this.members.splice(
      this.members.findIndex((m) => m.vehicle === vehicle),
      1,
    );
    vehicle.onBreakdown = undefined;
    return vehicle;
  }

  /**
   * The rest move up into the gap: those near the front at once, those further back once
   * the gap in front of them is worth moving for.
   */
  closeUp(): void {
    this.members.forEach((member, slot) => {
      if (!member.moving && (slot < CREEPING_SLOTS || member.target - slot >= CREEPING_SLOTS))
        this.moveUp(member);
    });
  }
}

/**
 * The stretch of road that every route from `from` to any of the `stops` shares: where
 * traffic for those lanes queues before it fans out to them.
 */
export function sharedApproach(ctx: SimContext, from: RoadPoint, stops: RoadPoint[]): Route {
  const roads = ctx.layout.roads;
  const routes = stops.map((stop) => roads.route(from, stop));
  const [first, ...others] = routes;
  const legs = [];
  for (let i = 0; i < first!.legs.length; i += 1) {
    const leg = first!.legs[i]!;
    const shared = others.every((r) => {
      const other = r.legs[i];
      return other && other.edge === leg.edge && other.from === leg.from && other.to === leg.to;
    });
    if (!shared) break;
    legs.push(leg);
  }
  if (legs.length === 0) legs.push({ ...first!.legs[0]!, to: first!.legs[0]!.from });
  return { legs, length: legs.reduce((sum, l) => sum + (l.to - l.from), 0) };
}
