// The customs inspection area: drive-through scanners and examination bays. For a scan a
// terminal truck brings the box from the yard and queues for a scanner, drives through
// with the box on board, and takes it back to the yard. For an examination the area
// calls a box forward when a bay is free; the truck sets it down there and leaves, and a
// truck takes it back when the officers are done. (Calling boxes forward, rather than
// queueing trucks for the bays, keeps every shuttle truck from waiting on a bay that
// waits on a shuttle truck.) Every step is an InspectionEvent; verdicts go to customs.
import { blockKindFor } from '../cargo/container.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { Vehicle } from '../equipment/vehicle.ts';
import { LaneBank } from '../landside/lane-bank.ts';
import type { InspectionLaneSite } from '../world/port-layout.ts';
import type { Yard } from '../yard/yard.ts';
import { Scanner } from './scanner.ts';
import type { ShuttleFleet } from './shuttle-fleet.ts';

export interface InspectionOutcomes {
  /** A scan is done and the box back in the yard. */
  scanned(number: string, cleared: boolean): void;
  /** An examination is done (the box waits in the bay to be taken back). */
  examined(number: string, cleared: boolean): void;
}

type Phase = 'queued' | 'started' | 'completed';

export class InspectionArea {
  readonly scanners: Scanner[] = [];
  private readonly scannerOf = new Map<InspectionLaneSite, Scanner>();
  private readonly scanLanes: LaneBank<InspectionLaneSite>;
  private readonly bays: { lane: InspectionLaneSite; taken: boolean }[];
  private readonly awaitingBay: string[] = [];
  private readonly rng;
  outcomes: InspectionOutcomes | undefined;

  constructor(
    private readonly ctx: SimContext,
    private readonly yard: Yard,
    private readonly shuttles: ShuttleFleet,
  ) {
    const { layout } = ctx;
    this.rng = ctx.rng('inspection');
    const scanning = layout.inspectionLanes.filter((l) => l.method === 'scan');
    for (const lane of scanning) {
      const scanner = new Scanner(ctx, lane);
      this.scanners.push(scanner);
      this.scannerOf.set(lane, scanner);
    }
    this.scanLanes = new LaneBank(
      ctx,
      layout.apron,
      scanning.map((lane) => ({ lane, stop: lane.stop })),
    );
    this.bays = layout.inspectionLanes
      .filter((l) => l.method === 'manual')
      .map((lane) => ({ lane, taken: false }));
  }

  private report(number: string, lane: InspectionLaneSite, phase: Phase, cleared?: boolean): void {
    this.ctx.events.emit({
      type: 'inspection',
      time: this.ctx.queue.nowMs,
      laneId: lane.id,
      containerNumber: number,
      method: lane.method,
      phase,
      ...(cleared === undefined ? {} : { outcome: cleared ? 'cleared' : 'held' }),
    });
  }

  private processingMs(lane: InspectionLaneSite): number {
    return (3_600_000 / lane.capacityPerHour) * this.rng.logNormal(1, 0.3);
  }

  /** Has a box in the yard scanned: fetched, queued at a scanner, scanned, taken back. */
  scan(number: string): void {
    this.yard.storage.claim(number);
    this.shuttles.request((truck) =>
      this.yard.pickUp(truck, number, 'landside', () => {
        this.yard.storage.unclaim(number);
        truck.setState('waiting', 'inspection queue');
        this.scanLanes.join(truck, {
          queued: (lane) => this.report(number, lane, 'queued'),
          atStop: (lane) => this.drivethrough(lane, truck, number),
        });
      }),
    );
  }

  private drivethrough(lane: InspectionLaneSite, truck: Vehicle, number: string): void {
    const scanner = this.scannerOf.get(lane)!;
    this.report(number, lane, 'started');
    truck.setState('working', 'scanning');
    scanner.setState('working');
    scanner.perform(this.processingMs(lane), () => {
      scanner.setState('idle');
      const cleared = !this.rng.chance(this.ctx.config.customs.scanEscalationShare);
      this.report(number, lane, 'completed', cleared);
      this.scanLanes.leave(lane);
      this.backToYard(truck, () => this.outcomes!.scanned(number, cleared));
    });
  }

  /** Has a box in the yard examined, as soon as a bay is free. */
  examine(number: string): void {
    this.yard.storage.claim(number);
    this.awaitingBay.push(number);
    this.callForward();
  }

  private callForward(): void {
    for (const bay of this.bays) {
      if (bay.taken || this.awaitingBay.length === 0) continue;
      const number = this.awaitingBay.shift()!;
      bay.taken = true;
      this.report(number, bay.lane, 'queued');
      this.shuttles.request((truck) =>
        this.yard.pickUp(truck, number, 'landside', () => {
          this.yard.storage.unclaim(number);
          truck.drive(bay.lane.stop, () => this.setDown(bay, truck, number));
        }),
      );
    }
  }

  private setDown(
    bay: { lane: InspectionLaneSite; taken: boolean },
    truck: Vehicle,
    number: string,
  ): void {
    truck.setState('working', 'setting down for examination');
    truck.perform(this.rng.between(2, 4) * 60_000, () => {
      this.ctx.registry.move(
        number,
        { at: 'equipment', equipmentId: truck.id },
        { at: 'inspection', laneId: bay.lane.id },
      );
      this.report(number, bay.lane, 'started');
      this.shuttles.free(truck);
      this.ctx.queue.after(this.processingMs(bay.lane), () => {
        const cleared = !this.rng.chance(this.ctx.config.customs.examinationHoldShare);
        this.report(number, bay.lane, 'completed', cleared);
        this.outcomes!.examined(number, cleared);
        this.shuttles.request((collector) => this.collect(bay, collector, number));
      });
    });
  }

  /** A truck lifts the examined box out of its bay and takes it back; the bay is free. */
  private collect(
    bay: { lane: InspectionLaneSite; taken: boolean },
    truck: Vehicle,
    number: string,
  ): void {
    truck.drive(bay.lane.stop, () => {
      truck.setState('working', 'collecting from examination');
      truck.perform(this.rng.between(2, 4) * 60_000, () => {
        this.ctx.registry.move(
          number,
          { at: 'inspection', laneId: bay.lane.id },
          { at: 'equipment', equipmentId: truck.id },
        );
        bay.taken = false;
        this.callForward();
        this.backToYard(truck, () => {});
      });
    });
  }

  private backToYard(truck: Vehicle, then: () => void): void {
    const number = this.ctx.registry.heldBy(truck.id)!;
    const storage = this.yard.storage;
    const block = storage.chooseBlock(blockKindFor(this.ctx.registry.get(number)), this.rng);
    this.yard.dropOff(truck, storage.reserve(block.id, this.rng), 'landside', () => {
      this.shuttles.free(truck);
      then();
    });
  }
}
