// A ship as AIS sees it: where it is, its course, heading and speed over ground, and
// its navigational status. It sails passages under its own power (within what a large
// ship can do: slow to speed up, slower to turn) and is pushed sideways by tugs.
import type { VesselPositionItem, VesselStatic } from '../../protocol/vessel.ts';
import type { SimContext } from '../engine/sim-context.ts';
import type { XY } from '../geometry/planar.ts';
import { KNOT_MPS, type MotionLimits } from '../motion/motion-limits.ts';
import { buildPath } from '../motion/path.ts';
import { Trajectory } from '../motion/trajectory.ts';
import type { VesselIdentity } from '../identity/identity-factory.ts';
import type { Passage } from './navigation.ts';

export const VESSEL_LIMITS: MotionLimits = {
  maxSpeedMps: 14 * KNOT_MPS,
  accelerationMps2: 0.02,
  decelerationMps2: 0.03,
  lateralAccelerationMps2: 0.08,
  cornerRadiusM: 700,
  maxTurnRateDegPerS: 0.5,
  turnInPlaceDegPerS: 0.3, // swung by tugs in the basin
};

/** Tugs pushing a ship on or off the berth. */
export const TUG_LIMITS: MotionLimits = {
  maxSpeedMps: 0.2,
  accelerationMps2: 0.005,
  decelerationMps2: 0.005,
  lateralAccelerationMps2: 0.01,
  cornerRadiusM: 1,
};

/** AIS navigational status. */
export const NAV_STATUS = { underWay: 0, atAnchor: 1, moored: 5 } as const;

/** AIS ship type 70: cargo ship (container ships report it). */
const SHIP_TYPE_CARGO = 70;

/** What a ship's AIS says of itself besides its identity. */
export interface VesselParticulars {
  lengthM: number;
  beamM: number;
  draughtM: number;
  /** Where it is bound (AIS destination: free text, up to 20 characters). */
  destination: string;
}

export class Vessel {
  navStatus: number = NAV_STATUS.underWay;
  private trajectory: Trajectory | undefined;
  private point: XY;
  private heading: number;

  constructor(
    private readonly ctx: SimContext,
    readonly identity: VesselIdentity,
    private readonly particulars: VesselParticulars,
    at: XY,
    headingDeg: number,
  ) {
    this.point = at;
    this.heading = headingDeg;
  }

  get position(): XY {
    return this.point;
  }

  get headingDeg(): number {
    return this.heading;
  }

  /** Sails a passage; `onArrive` at its end (still moving, if it ends at speed). */
  sail(
    passage: Passage,
    onArrive: () => void,
    speeds: { start?: number; end?: number } = {},
  ): void {
    const path = buildPath(passage.points, VESSEL_LIMITS, passage.limits);
    this.run(
      Trajectory.plan(path, this.ctx.queue.nowMs, VESSEL_LIMITS, {
        startSpeedMps: speeds.start,
        endSpeedMps: speeds.end,
        startHeadingDeg: speeds.start ? undefined : this.heading,
      }),
      onArrive,
    );
  }

  /** Pushed sideways by tugs to a point, keeping its heading. */
  push(to: XY, onArrive: () => void): void {
    const path = buildPath([this.point, to], TUG_LIMITS);
    this.run(
      Trajectory.plan(path, this.ctx.queue.nowMs, TUG_LIMITS, { fixedHeadingDeg: this.heading }),
      onArrive,
    );
  }

  private run(trajectory: Trajectory, onArrive: () => void): void {
    this.trajectory = trajectory;
    this.navStatus = NAV_STATUS.underWay;
    this.ctx.queue.at(trajectory.endMs, () => {
      this.point = trajectory.endPoint;
      this.heading = trajectory.endHeadingDeg;
      onArrive();
    });
  }

  movingAt(timeMs: number): boolean {
    return this.trajectory !== undefined && timeMs <= this.trajectory.endMs + 1_000;
  }

  sample(timeMs: number) {
    if (this.trajectory && timeMs >= this.trajectory.startMs && timeMs <= this.trajectory.endMs)
      return this.trajectory.sample(timeMs);
    return { point: this.point, heading: this.heading, course: this.heading, speedMps: 0 };
  }

  /** Its AIS position report at an instant. */
  /**
   * Its AIS static and voyage report (message 5). Positions are of the ship's centre,
   * so the reference point lies half a length from bow and stern, half a beam from each side.
   */
  staticReport(timeMs: number): VesselStatic {
    const { lengthM, beamM, draughtM, destination } = this.particulars;
    return {
      mmsi: this.identity.mmsi,
      timeMs,
      imo: this.identity.imo,
      name: this.identity.name,
      shipType: SHIP_TYPE_CARGO,
      toBowM: Math.round(lengthM / 2),
      toSternM: Math.round(lengthM / 2),
      toPortM: Math.round(beamM / 2),
      toStarboardM: Math.round(beamM / 2),
      draughtM,
      destination,
    };
  }

  report(timeMs: number, toLonLat: (p: XY) => [number, number]): VesselPositionItem {
    const s = this.sample(timeMs);
    const [lon, lat] = toLonLat(s.point);
    const round = (deg: number) => (Math.round(deg * 10) / 10) % 360;
    return {
      mmsi: this.identity.mmsi,
      time: timeMs,
      lon,
      lat,
      sogKnots: Math.round((s.speedMps / KNOT_MPS) * 10) / 10,
      cogDeg: round(s.course),
      headingDeg: round(s.heading),
      navStatus: this.navStatus,
    };
  }
}
