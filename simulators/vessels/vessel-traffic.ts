// Ships through the port, call by call: announced a day ahead (ETA-Berth), in from sea
// to the pilot boarding place (ATA-PBP), up the channel to the berth, or to the
// anchorage to wait for one (ATA-Anchorage, ATD-Anchorage), pushed alongside by tugs
// (ATA-Berth, all fast), worked (ATS and ATC-Cargo Ops), and out again (ATD-Berth,
// last line) until out of sight. Each step at the pace a ship and a port really keep.
import type { SimContext } from '../engine/sim-context.ts';
import { headingOf, sub, type XY } from '../geometry/planar.ts';
import { buildPath } from '../motion/path.ts';
import { Trajectory } from '../motion/trajectory.ts';
import type { BerthSite } from '../world/port-layout.ts';
import type { BerthPlanner } from './berth-planner.ts';
import { PILOTAGE_MS } from './liner-schedule.ts';
import {
  inboundFromSea,
  mooring,
  outToSea,
  PILOT_SPEED,
  toAnchorage,
  toBerth,
} from './navigation.ts';
import { NAV_STATUS, Vessel, VESSEL_LIMITS } from './vessel.ts';
import type { VesselCall } from './vessel-call.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export interface CallHandlers {
  /** The ship comes into view with its cargo on board. */
  arriving(call: VesselCall): void;
  /** Cargo operations start; `done` once the last move is made. */
  work(call: VesselCall, done: () => void): void;
  /** The ship is out of sight with what it loaded. */
  left(call: VesselCall): void;
}

export class VesselTraffic {
  readonly vessels = new Set<Vessel>();
  private readonly spotsInUse = new Set<XY>();
  private readonly rng;

  constructor(
    private readonly ctx: SimContext,
    private readonly planner: BerthPlanner,
    private readonly handlers: CallHandlers,
  ) {
    this.rng = ctx.rng('vessel-traffic');
  }

  /** Takes a scheduled call into the port's plans. */
  add(call: VesselCall): void {
    const { queue } = this.ctx;
    const { arrivalMs } = call.scheduled;
    const eta = arrivalMs + PILOTAGE_MS + this.rng.normal(0, 45 * MINUTE);
    queue.at(Math.max(queue.nowMs, arrivalMs - 24 * HOUR), () =>
      call.report('ETA-Berth', Math.max(eta, queue.nowMs)),
    );
    const passage = inboundFromSea(this.ctx.layout);
    const seaLeg = Trajectory.plan(
      buildPath(passage.points, VESSEL_LIMITS, passage.limits),
      0,
      VESSEL_LIMITS,
      {
        startSpeedMps: passage.limits[0],
        endSpeedMps: PILOT_SPEED,
      },
    );
    queue.at(Math.max(queue.nowMs, arrivalMs - seaLeg.durationS * 1000), () =>
      this.inFromSea(call),
    );
  }

  private inFromSea(call: VesselCall): void {
    const passage = inboundFromSea(this.ctx.layout);
    const [from, to] = passage.points as [XY, XY];
    const { lengthM, beamM, draughtM } = call.spec;
    const particulars = {
      lengthM,
      beamM,
      draughtM,
      destination: this.ctx.layout.model.properties.portId,
    };
    const vessel = new Vessel(this.ctx, call.vessel, particulars, from, headingOf(sub(to, from)));
    this.handlers.arriving(call);
    this.vessels.add(vessel);
    vessel.sail(passage, () => this.atPilotStation(call, vessel), {
      start: passage.limits[0],
      end: PILOT_SPEED,
    });
  }

  private atPilotStation(call: VesselCall, vessel: Vessel): void {
    call.report('ATA-PBP');
    const here = vessel.position;
    let anchoredAt: XY | undefined;
    let assigned: BerthSite | undefined;
    const gotBerth = (berth: BerthSite) => {
      call.berth = berth;
      assigned = berth;
      if (anchoredAt) this.heaveUp(call, vessel, anchoredAt);
    };
    const now = this.planner.request({
      spec: call.spec,
      preferredBerth: call.scheduled.service.preferredBerth,
      onAssigned: gotBerth,
    });
    if (now) {
      vessel.sail(
        toBerth(this.ctx.layout, here, assigned!, call.spec),
        () => this.berth(call, vessel),
        { start: PILOT_SPEED },
      );
      return;
    }
    const spot = this.freeSpot();
    vessel.sail(
      toAnchorage(this.ctx.layout, here, spot),
      () => {
        vessel.navStatus = NAV_STATUS.atAnchor;
        call.report('ATA-Anchorage');
        anchoredAt = spot;
        if (assigned) this.heaveUp(call, vessel, spot);
      },
      { start: PILOT_SPEED },
    );
  }

  private freeSpot(): XY {
    const spots = this.ctx.layout.waterside.anchorages.flatMap((a) => a.spots);
    const spot =
      spots.find((s) => !this.spotsInUse.has(s)) ?? this.ctx.layout.waterside.pilotBoardingPlace;
    this.spotsInUse.add(spot);
    return spot;
  }

  /** Called in: the anchor comes up and the ship sails for its berth. */
  private heaveUp(call: VesselCall, vessel: Vessel, spot: XY): void {
    this.ctx.queue.after(this.rng.between(15, 30) * MINUTE, () => {
      this.spotsInUse.delete(spot);
      call.report('ATD-Anchorage');
      vessel.sail(toBerth(this.ctx.layout, spot, call.berth!, call.spec), () =>
        this.berth(call, vessel),
      );
    });
  }

  private berth(call: VesselCall, vessel: Vessel): void {
    const berth = call.berth!;
    const { moored, pulledOff } = mooring(this.ctx.layout, berth, call.spec);
    const { queue } = this.ctx;
    vessel.push(moored, () => {
      vessel.navStatus = NAV_STATUS.moored;
      queue.after(this.rng.between(10, 20) * MINUTE, () => {
        call.report('ATA-Berth');
        queue.after(this.rng.between(30, 60) * MINUTE, () => {
          call.report('ATS-Cargo Ops');
          this.handlers.work(call, () => {
            call.report('ATC-Cargo Ops');
            queue.after(this.rng.between(30, 80) * MINUTE, () => {
              call.report('ATD-Berth');
              vessel.push(pulledOff, () => {
                this.planner.release(berth);
                vessel.sail(
                  outToSea(this.ctx.layout, pulledOff),
                  () => this.outOfSight(call, vessel),
                  {
                    end: VESSEL_LIMITS.maxSpeedMps,
                  },
                );
              });
            });
          });
        });
      });
    });
  }

  private outOfSight(call: VesselCall, vessel: Vessel): void {
    this.vessels.delete(vessel);
    this.handlers.left(call);
    this.ctx.events.callLeft(call.callId);
  }
}
