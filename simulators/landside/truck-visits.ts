// One haulier's truck visit, from the public road and back: through the in-gate, to the
// blocks (or under a crane) to drop off and pick up, through the out-gate, and away. An
// export box arrives on the truck; an import box is chosen for it at the gate among the
// boxes customs released, the longer-waiting ones first.
import { emitContainerEvent } from '../cargo/container-events.ts';
import { blockKindFor, type Container } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import { TRUCK_LIMITS } from '../equipment/truck-limits.ts';
import { Vehicle } from '../equipment/vehicle.ts';
import type { CargoOperations } from '../quay/cargo-operations.ts';
import type { QuayCrane } from '../quay/quay-crane.ts';
import type { Yard } from '../yard/yard.ts';
import type { Gate, GateVisit } from './gate.ts';

export type VisitPlan =
  | { kind: 'pickup' }
  | { kind: 'delivery'; box: Container; alsoPickup: boolean }
  | { kind: 'direct_pickup'; callId: string }
  | { kind: 'direct_loading'; callId: string; box: Container };

/** An import box is collected this long after discharge at the earliest (paperwork, fees). */
const MIN_DWELL_MS = 12 * 3_600_000;

export class TruckVisits {
  readonly trucks = new Set<Vehicle>();
  private readonly rng;
  private readonly platesInUse = new Set<string>();

  constructor(
    private readonly ctx: SimContext,
    private readonly gate: Gate,
    private readonly yard: Yard,
    private readonly operations: CargoOperations,
    private readonly plates: string[],
  ) {
    this.rng = ctx.rng('truck-visits');
  }

  /** The truck turns up on the public road at that time. */
  book(plan: VisitPlan, arrivalMs: number): void {
    const appointmentId =
      plan.kind === 'pickup' || plan.kind === 'delivery' ? this.ctx.newId('A') : undefined;
    this.ctx.queue.at(arrivalMs, () =>
      this.arrive(plan, { visitId: this.ctx.newId('V'), appointmentId }),
    );
  }

  private arrive(plan: VisitPlan, visit: GateVisit): void {
    const plate = this.freePlate();
    const truck = new Vehicle(
      this.ctx,
      plate,
      'truck',
      TRUCK_LIMITS,
      this.ctx.layout.hinterland,
      true,
    );
    this.trucks.add(truck);
    if (plan.kind === 'delivery' || plan.kind === 'direct_loading') {
      plan.box.sinceMs = this.ctx.queue.nowMs;
      this.ctx.registry.create(plan.box, { at: 'equipment', equipmentId: truck.id });
    }
    this.gate.enter(truck, visit, () => this.inside(truck, plan, visit));
  }

  private freePlate(): string {
    for (;;) {
      const plate = this.rng.pick(this.plates);
      if (!this.platesInUse.has(plate)) {
        this.platesInUse.add(plate);
        return plate;
      }
    }
  }

  private inside(truck: Vehicle, plan: VisitPlan, visit: GateVisit): void {
    const out = () => this.leave(truck, visit);
    switch (plan.kind) {
      case 'pickup':
        this.collect(truck, out);
        return;
      case 'delivery':
        this.dropOff(truck, () => (plan.alsoPickup ? this.collect(truck, out) : out()));
        return;
      case 'direct_pickup': {
        const crane = this.operations.craneForDirectPickup(plan.callId);
        if (crane) this.underCrane(truck, crane, out, () => this.collect(truck, out));
        else this.collect(truck, out);
        return;
      }
      case 'direct_loading': {
        const crane = this.operations.craneForDirectLoad(plan.callId, plan.box.number);
        // Too late for the ship: the box is rolled, and waits in the yard for another.
        const rolled = () => this.dropOff(truck, out);
        if (crane) this.underCrane(truck, crane, out, rolled);
        else rolled();
      }
    }
  }

  private underCrane(
    truck: Vehicle,
    crane: QuayCrane,
    served: () => void,
    dismissed: () => void,
  ): void {
    const point = crane.point('truck');
    point.approach(truck, () =>
      crane.arriveAt(
        'truck',
        truck,
        () => {
          point.release(truck);
          served();
        },
        () => {
          point.release(truck);
          dismissed();
        },
      ),
    );
  }

  private dropOff(truck: Vehicle, then: () => void): void {
    const number = this.ctx.registry.heldBy(truck.id)!;
    const container = this.ctx.registry.get(number);
    container.direct = false;
    const storage = this.yard.storage;
    const block = storage.chooseBlock(blockKindFor(container), this.rng);
    const sealCheck = (next: () => void) => {
      if (container.flow === 'empty') {
        next();
        return;
      }
      // The yard clerk checks the seal of a laden box before it is stacked.
      truck.setState('waiting', 'seal check');
      truck.perform(this.rng.between(2, 4) * 60_000, () => {
        emitContainerEvent(this.ctx, 'INSP', number, {
          facilityId: block.id,
          equipmentId: truck.id,
        });
        next();
      });
    };
    this.yard.dropOff(truck, storage.reserve(block.id, this.rng), 'landside', then, sealCheck);
  }

  /** Picks up a released import box, if there is one to collect (else leaves empty). */
  private collect(truck: Vehicle, then: () => void): void {
    const number = this.importToCollect();
    if (!number) {
      then();
      return;
    }
    this.yard.storage.claim(number);
    this.yard.pickUp(truck, number, 'landside', () => {
      this.yard.storage.unclaim(number);
      then();
    });
  }

  /**
   * Of a handful of import boxes ready for collection, the one that has waited longest:
   * consignees come in no strict order, but the longer a box waits the likelier it goes.
   */
  private importToCollect(): string | undefined {
    const latest = this.ctx.queue.nowMs - MIN_DWELL_MS;
    const storage = this.yard.storage;
    let best: Container | undefined;
    let found = 0;
    for (const number of storage.sample('import', 60, this.rng)) {
      const container = this.ctx.registry.get(number);
      const ready =
        container.customs?.status === 'released' &&
        container.sinceMs <= latest &&
        !container.direct &&
        !storage.isClaimed(number);
      if (!ready) continue;
      if (!best || container.sinceMs < best.sinceMs) best = container;
      if ((found += 1) >= 6) break;
    }
    return best?.number;
  }

  private leave(truck: Vehicle, visit: GateVisit): void {
    this.gate.leave(truck, visit, () =>
      truck.drive(this.ctx.layout.hinterland, () => {
        const number = this.ctx.registry.heldBy(truck.id);
        if (number)
          this.ctx.registry.move(
            number,
            { at: 'equipment', equipmentId: truck.id },
            { at: 'gone' },
          );
        this.trucks.delete(truck);
        this.platesInUse.delete(truck.id);
      }),
    );
  }
}
