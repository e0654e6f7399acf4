// The terminal gate: hauliers' trucks queue on the approach road, take the least busy
// lane (OCR lanes before the others), and are processed one at a time per lane: an OCR
// portal reads truck and box in under a minute, a lane without one or a truck with a
// problem takes longer. Going out they queue on the road to the out-gate the same way.
// Every step is a GateEvent, and a box crossing the gate a GTIN or GTOT.
import { emitContainerEvent } from '../cargo/container-events.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import type { GateLaneSite } from '../world/port-layout.ts';
import { LaneBank } from './lane-bank.ts';

export interface GateVisit {
  visitId: string;
  appointmentId?: string;
}

type Direction = 'in' | 'out';

export class Gate {
  private readonly banks: Record<Direction, LaneBank<GateLaneSite>>;
  private readonly rng;

  constructor(private readonly ctx: SimContext) {
    const { layout } = ctx;
    this.rng = ctx.rng('gate');
    const bank = (direction: Direction) =>
      new LaneBank<GateLaneSite>(
        ctx,
        direction === 'in' ? layout.hinterland : layout.apron,
        layout.gateLanes
          .filter((l) => l.direction === direction)
          .map((lane) => ({ lane, stop: lane.stop, preference: lane.ocr ? 0 : 0.5 })),
      );
    this.banks = { in: bank('in'), out: bank('out') };
  }

  /** The truck queues for the in-gate and is processed; `onIn` once it is through. */
  enter(truck: Vehicle, visit: GateVisit, onIn: () => void): void {
    this.pass('in', truck, visit, onIn);
  }

  /** The truck queues for the out-gate and is processed; `onOut` once it is through. */
  leave(truck: Vehicle, visit: GateVisit, onOut: () => void): void {
    this.pass('out', truck, visit, onOut);
  }

  private pass(
    direction: Direction,
    truck: Vehicle,
    visit: GateVisit,
    onThrough: () => void,
  ): void {
    const bank = this.banks[direction];
    truck.setState('waiting', 'gate queue');
    bank.join(truck, {
      queued: (lane) => this.report(direction, 'arrived', lane, truck, visit),
      atStop: (lane) => {
        this.report(direction, 'started', lane, truck, visit);
        truck.setState('working', 'gate transaction');
        this.ctx.queue.after(this.processingMs(direction, lane, truck), () => {
          this.report(direction, 'completed', lane, truck, visit);
          const box = this.ctx.registry.heldBy(truck.id);
          if (box)
            emitContainerEvent(this.ctx, direction === 'in' ? 'GTIN' : 'GTOT', box, {
              facilityId: lane.id,
              equipmentId: truck.id,
            });
          bank.leave(lane);
          onThrough();
        });
      },
    });
  }

  private report(
    direction: Direction,
    phase: 'arrived' | 'started' | 'completed',
    lane: GateLaneSite,
    truck: Vehicle,
    visit: GateVisit,
  ): void {
    const containerNumber = this.ctx.registry.heldBy(truck.id);
    this.ctx.events.emit({
      type: 'gate',
      time: this.ctx.queue.nowMs,
      gateId: lane.gateId,
      laneId: lane.id,
      direction,
      phase,
      visitId: visit.visitId,
      truckId: truck.id,
      ...(containerNumber ? { containerNumber } : {}),
      ...(visit.appointmentId ? { appointmentId: visit.appointmentId } : {}),
    });
  }

  private processingMs(direction: Direction, lane: GateLaneSite, truck: Vehicle): number {
    const { gate } = this.ctx.config;
    const median =
      direction === 'out'
        ? gate.outProcessingSeconds
        : lane.ocr
          ? gate.ocrProcessingSeconds
          : gate.manualProcessingSeconds;
    const trouble =
      direction === 'in' && this.rng.chance(gate.troubleShare) ? this.rng.between(5, 20) * 60 : 0;
    // Leaving with an import box, the customs release is checked at the exit.
    const box = this.ctx.registry.heldBy(truck.id);
    const exitCheck =
      direction === 'out' && box && this.ctx.registry.get(box).flow === 'import'
        ? this.rng.between(...gate.customsExitCheckSeconds)
        : 0;
    return (this.rng.logNormal(median, 0.35) + trouble + exitCheck) * 1000;
  }
}
