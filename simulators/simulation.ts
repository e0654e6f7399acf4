// The whole port as one deterministic discrete-event simulation: for a seed and a start
// instant it always produces the same outputs. It knows nothing of the network or the
// wall clock: callers ask for the next interval's outputs (logistics events and
// positions, each stamped with its simulated time) and do with them what they like.
// The port is simulated silently for a warm-up before the first output, so it starts
// busy: ships alongside and at anchor, a stocked yard, trucks at the gate.
import type { PortEvent } from '../protocol/events.ts';
import type { PortModel } from '../protocol/port-model.ts';
import type { VesselStatic } from '../protocol/vessel.ts';
import { dailyFlows } from './cargo/flow-rates.ts';
import { ContainerRegistry } from './cargo/container-registry.ts';
import { ShipCargo } from './cargo/ship-cargo.ts';
import { stockYard } from './cargo/warm-yard.ts';
import { yardInventory } from './cargo/yard-inventory.ts';
import { YardStorage } from './cargo/yard-storage.ts';
import { CustomsOffice } from './customs/customs-office.ts';
import { InspectionArea } from './customs/inspection-area.ts';
import { ShuttleFleet } from './customs/shuttle-fleet.ts';
import { EventQueue } from './engine/event-queue.ts';
import { EventSink } from './engine/event-sink.ts';
import { contextParts, type SimContext } from './engine/sim-context.ts';
import type { Equipment } from './equipment/equipment.ts';
import { IdentityFactory } from './identity/identity-factory.ts';
import { AppointmentProfile } from './landside/appointment-profile.ts';
import { Gate } from './landside/gate.ts';
import { TruckDemand } from './landside/truck-demand.ts';
import { TruckVisits } from './landside/truck-visits.ts';
import { AgvFleet } from './quay/agv-fleet.ts';
import { CargoOperations, type DirectTrucks } from './quay/cargo-operations.ts';
import { QuayCrane } from './quay/quay-crane.ts';
import { configWith, type ConfigOverrides, type SimulationConfig } from './simulation-config.ts';
import { PositionReporter, type PositionItem } from './telemetry/position-reporter.ts';
import { StaticReporter } from './telemetry/static-reporter.ts';
import { BerthPlanner } from './vessels/berth-planner.ts';
import { callsBetween, planServices, type LinerService } from './vessels/liner-schedule.ts';
import { VesselCall } from './vessels/vessel-call.ts';
import { VesselTraffic } from './vessels/vessel-traffic.ts';
import { readPortLayout } from './world/port-layout.ts';
import { Yard } from './yard/yard.ts';

export interface SimulationOutput {
  /** The end of the interval: every item is stamped at or before it. */
  timeMs: number;
  events: PortEvent[];
  positions: PositionItem[];
  /** Ships' AIS static reports (with positions only, as AIS sends both). */
  vesselStatics: VesselStatic[];
}

export interface SimulationOptions {
  /** The first instant output (rounded down to the second). */
  startMs: number;
  config?: ConfigOverrides;
}

const DAY = 86_400_000;
/** Calls are planned this far ahead, so their exports can be delivered before them. */
const PLANNING_HORIZON_MS = 7 * DAY;

export class Simulation {
  readonly config: SimulationConfig;
  readonly startMs: number;
  readonly registry = new ContainerRegistry();
  private readonly ctx: SimContext;
  private readonly reporter: PositionReporter;
  private readonly statics = new StaticReporter();
  private readonly stepMs: number;
  private nextMs: number;
  private readonly fixedEquipment: Equipment[];
  private readonly visits: TruckVisits;
  private readonly traffic: VesselTraffic;
  private readonly services: LinerService[];
  private readonly shipCargo: ShipCargo;
  private readonly demand: TruckDemand;
  private readonly collectionsPerDay: number;

  constructor(model: PortModel, options: SimulationOptions) {
    this.config = configWith(options.config);
    this.startMs = Math.floor(options.startMs / 1000) * 1000;
    const config = this.config;
    const layout = readPortLayout(model);
    const warmUpStart = this.startMs - config.warmUpHours * 3_600_000;
    const queue = new EventQueue(warmUpStart);
    const parts = contextParts(config.seed, this.startMs);
    const events = new EventSink(parts.tag);
    const ctx: SimContext = {
      queue,
      config,
      layout,
      events,
      registry: this.registry,
      rng: parts.rng,
      newId: parts.newId,
    };
    this.ctx = ctx;
    this.reporter = new PositionReporter(layout.projection, config.stationaryReportIntervalMs);
    this.stepMs = config.positionIntervalMs > 0 ? config.positionIntervalMs : 1_000;
    this.nextMs = this.startMs;

    const ids = new IdentityFactory(ctx.rng('identities'));
    const storage = new YardStorage(layout.blocks, this.registry);
    const yard = new Yard(ctx, storage);
    const shuttles = new ShuttleFleet(ctx, config.fleet.terminalTrucks);
    const inspection = new InspectionArea(ctx, yard, shuttles);
    const customs = new CustomsOffice(ctx, yard, inspection);
    yard.onStacked = (number) => customs.stacked(number);
    const agvs = new AgvFleet(ctx, yard, config.fleet.agvs);
    const quayCranes = layout.berths.flatMap((berth) =>
      berth.cranes.map((site) => ({
        berth,
        crane: new QuayCrane(ctx, site, agvs, (n) => customs.discharged(n)),
      })),
    );
    const cranesByBerth = new Map(
      layout.berths.map((b) => [b.id, quayCranes.filter((c) => c.berth === b).map((c) => c.crane)]),
    );
    const direct: DirectTrucks = {
      pickups: (...args) => this.demand.pickups(...args),
      loadings: (...args) => this.demand.loadings(...args),
    };
    const operations = new CargoOperations(ctx, cranesByBerth, storage, direct);
    const plates = Array.from({ length: config.fleet.hauliers }, () => ids.truckPlate());
    this.visits = new TruckVisits(ctx, new Gate(ctx), yard, operations, plates);
    this.demand = new TruckDemand(
      ctx,
      this.visits,
      new AppointmentProfile(model.properties.timeZone),
      storage,
    );
    this.shipCargo = new ShipCargo(ctx, ids, customs);
    this.traffic = new VesselTraffic(ctx, new BerthPlanner(layout.berths), {
      arriving: (call) => this.shipCargo.loadForArrival(call),
      work: (call, done) => operations.start(call, done),
      left: (call) => {
        for (const number of call.loaded)
          this.registry.move(number, { at: 'vessel', callId: call.callId }, { at: 'gone' });
      },
    });
    this.fixedEquipment = [
      ...quayCranes.map((c) => c.crane),
      ...yard.allCranes(),
      ...agvs.agvs,
      ...shuttles.trucks,
      ...inspection.scanners,
    ];

    const flows = dailyFlows(config);
    const { cargo } = config;
    this.collectionsPerDay =
      flows.importsPerDay * (1 - cargo.directPickupShare) -
      cargo.dualTransactionShare * flows.exportsPerDay * (1 - cargo.directLoadingShare);
    stockYard(ctx, storage, ids, customs, flows);
    this.services = planServices(config, layout.berths, ids, ctx.rng('services'));
    this.planCalls(warmUpStart, warmUpStart + PLANNING_HORIZON_MS);
    this.planDay(warmUpStart);

    queue.runUntil(this.startMs - 1);
    events.endWarmUp(this.startMs, yardInventory(this.registry));
  }

  /** Ships and hauliers of one more day, and the next day's plan after it. */
  private planDay(dayMs: number): void {
    this.demand.bookCollections(dayMs, dayMs + DAY, this.collectionsPerDay);
    this.ctx.queue.at(dayMs + DAY, () => {
      this.planCalls(dayMs + PLANNING_HORIZON_MS, dayMs + DAY + PLANNING_HORIZON_MS);
      this.planDay(dayMs + DAY);
    });
  }

  private planCalls(fromMs: number, toMs: number): void {
    // A fresh stream for each call (a fork depends on the label only): a call comes out
    // the same whichever planning window it falls in.
    const schedule = this.ctx.rng('schedule');
    const rngFor = (label: string) => schedule.fork(label);
    for (const scheduled of callsBetween(this.services, this.config, fromMs, toMs, rngFor)) {
      const spec = this.config.vessels[scheduled.service.vesselClass];
      const call = new VesselCall(this.ctx, this.ctx.newId('C'), scheduled, spec);
      this.shipCargo.bookExports(call);
      this.demand.bookExportDeliveries(call);
      this.traffic.add(call);
    }
  }

  /** The outputs of the next interval; simulated time moves on by one interval. */
  next(): SimulationOutput {
    const timeMs = this.nextMs;
    this.ctx.queue.runUntil(timeMs);
    this.nextMs += this.stepMs;
    const reporting = this.config.positionIntervalMs > 0;
    const positions = reporting
      ? this.reporter.report(
          timeMs,
          [...this.fixedEquipment, ...this.visits.trucks],
          this.traffic.vessels,
        )
      : [];
    const vesselStatics = reporting ? this.statics.report(timeMs, this.traffic.vessels) : [];
    return { timeMs, events: this.ctx.events.take(), positions, vesselStatics };
  }

  /** The instant the next call to next() reports up to. */
  get nextTimeMs(): number {
    return this.nextMs;
  }

  /** Every interval's outputs from now until (not including) the given instant. */
  *until(endMs: number): Generator<SimulationOutput> {
    while (this.nextMs < endMs) yield this.next();
  }
}
