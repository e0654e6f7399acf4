// A place where a vehicle is served, one at a time: under a quay crane, beside a yard
// bay. A vehicle drives up; if another is being served there it stops short, about a
// vehicle's length and a gap before, and waits its turn; when the point is free the
// first in line moves up onto it.
import type { RoadPoint } from '../road-graph.ts';
import type { Vehicle } from './vehicle.ts';

const STANDBY_M = 25;

export class HandoverPoint {
  private occupant: Vehicle | undefined;
  private readonly waiting: { vehicle: Vehicle; onAtPoint: () => void }[] = [];
  private readonly approaching = new Set<Vehicle>();

  constructor(readonly point: RoadPoint) {}

  get servedNow(): Vehicle | undefined {
    return this.occupant;
  }

  /** Vehicles on their way here or waiting their turn, not counting the one served. */
  get inLine(): number {
    return this.approaching.size + this.waiting.length;
  }

  /** Drives the vehicle here; `onAtPoint` once it stands on the point. */
  approach(vehicle: Vehicle, onAtPoint: () => void): void {
    this.approaching.add(vehicle);
    const takeIt = () => {
      this.approaching.delete(vehicle);
      this.occupant = vehicle;
      onAtPoint();
    };
    vehicle.drive(
      this.point,
      () => {
        if (this.occupant === undefined) takeIt();
        else this.wait(vehicle, onAtPoint); // arrived from too close to stop short
      },
      {
        stopShort: {
          metresBefore: STANDBY_M,
          shouldStop: () => this.occupant !== undefined || this.waiting.length > 0,
          onStoppedShort: () => this.wait(vehicle, onAtPoint),
        },
      },
    );
  }

  private wait(vehicle: Vehicle, onAtPoint: () => void): void {
    this.approaching.delete(vehicle);
    this.waiting.push({ vehicle, onAtPoint });
    if (this.occupant === undefined) this.next();
  }

  /** The served vehicle moves off; the next in line moves up. */
  release(vehicle: Vehicle): void {
    if (this.occupant !== vehicle) throw new Error(`${vehicle.id} is not at this point`);
    this.occupant = undefined;
    this.next();
  }

  private next(): void {
    const first = this.waiting.shift();
    if (!first) return;
    this.occupant = first.vehicle;
    first.vehicle.drive(this.point, first.onAtPoint);
  }
}
