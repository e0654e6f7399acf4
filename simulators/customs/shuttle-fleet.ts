// The terminal's own trucks that move boxes customs selected: from the yard to a
// scanner or an examination bay, and back. Jobs wait in order for the next free truck.
import type { SimContext } from '../engine/sim-context.ts';
import { TRUCK_LIMITS } from '../equipment/truck-limits.ts';
import { Vehicle } from '../equipment/vehicle.ts';

export type ShuttleJob = (truck: Vehicle) => void;

export class ShuttleFleet {
  readonly trucks: Vehicle[];
  private readonly idle: Vehicle[] = [];
  private readonly jobs: ShuttleJob[] = [];

  constructor(ctx: SimContext, count: number) {
    const { layout } = ctx;
    this.trucks = Array.from({ length: count }, (_, i) => {
      const truck = new Vehicle(
        ctx,
        `TT${String(i + 1).padStart(3, '0')}`,
        'truck',
        TRUCK_LIMITS,
        layout.apron,
      );
      truck.setState('idle');
      return truck;
    });
    this.idle.push(...this.trucks);
  }

  request(job: ShuttleJob): void {
    const truck = this.idle.shift();
    if (truck) job(truck);
    else this.jobs.push(job);
  }

  free(truck: Vehicle): void {
    truck.setState('idle');
    const job = this.jobs.shift();
    if (job) job(truck);
    else this.idle.push(truck);
  }
}
