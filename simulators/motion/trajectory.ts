// A vehicle's motion along a path in time: the fastest profile within its limits that
// starts at the given speed, stops at the end (and wherever the path doubles back,
// turning on the spot there), never exceeds the speed cap of any piece, and changes
// speed no faster than the acceleration and deceleration allow. Positions come from the
// profile in closed form, so sampling at any rate gives the same motion.
import { headingChange, type XY } from '../geometry/planar.ts';
import type { MotionLimits } from './motion-limits.ts';
import { pieceAt, pieceIndexAt, startHeading, type Path } from './path.ts';

/** A stretch of constant acceleration (or a turn on the spot: no distance, heading turns). */
interface Phase {
  t0: number;
  duration: number;
  s0: number;
  v0: number;
  acceleration: number;
  turn?: { from: number; to: number };
}

export interface MotionSample {
  point: XY;
  /** Where it points; the course, unless the heading is fixed or it turns on the spot. */
  heading: number;
  /** The direction it moves in along the path. */
  course: number;
  speedMps: number;
}

export interface TrajectoryOptions {
  startSpeedMps?: number;
  /** Speed at the end (a ship passing the pilot boarding place, or out of sight). */
  endSpeedMps?: number;
  /** The heading the vehicle has now: it turns on the spot to the path first, if it can. */
  startHeadingDeg?: number;
  /** Report this heading throughout (a ship pushed sideways by tugs). */
  fixedHeadingDeg?: number;
}

export class Trajectory {
  readonly durationS: number;
  private readonly endsMoving: boolean;

  private constructor(
    readonly path: Path,
    readonly startMs: number,
    private readonly phases: Phase[],
    private readonly fixedHeadingDeg: number | undefined,
  ) {
    const last = phases.at(-1);
    this.durationS = last ? last.t0 + last.duration : 0;
    this.endsMoving = last !== undefined && last.v0 + last.acceleration * last.duration > 1e-6;
  }

  static plan(path: Path, startMs: number, limits: MotionLimits, options: TrajectoryOptions = {}) {
    const phases = planPhases(path, limits, options);
    return new Trajectory(path, startMs, phases, options.fixedHeadingDeg);
  }

  get endMs(): number {
    return this.startMs + Math.ceil(this.durationS * 1000);
  }

  sample(timeMs: number): MotionSample {
    const t = Math.max(0, Math.min(this.durationS, (timeMs - this.startMs) / 1000));
    const phase = this.phaseAt(t);
    const tau = phase ? t - phase.t0 : 0;
    const s = phase ? phase.s0 + phase.v0 * tau + 0.5 * phase.acceleration * tau * tau : 0;
    const moving = phase !== undefined && (t < this.durationS || this.endsMoving);
    const speed = moving ? Math.max(0, phase.v0 + phase.acceleration * tau) : 0;
    const { point, heading } = this.at(Math.min(s, this.path.length));
    if (phase?.turn) {
      const fraction = phase.duration === 0 ? 1 : tau / phase.duration;
      const turned = phase.turn.from + headingChange(phase.turn.from, phase.turn.to) * fraction;
      const now = (turned + 360) % 360;
      return { point, heading: this.fixedHeadingDeg ?? now, course: now, speedMps: 0 };
    }
    return { point, heading: this.fixedHeadingDeg ?? heading, course: heading, speedMps: speed };
  }

  /**
   * The same motion up to the given instant, then braking as hard as allowed to a stop
   * on the path (a fault). The stop lies within the original path, so every speed cap
   * still holds.
   */
  brakingAt(timeMs: number, limits: MotionLimits): Trajectory {
    const t = Math.max(0, Math.min(this.durationS, (timeMs - this.startMs) / 1000));
    const kept: Phase[] = [];
    for (const phase of this.phases) {
      if (phase.t0 >= t) break;
      kept.push({ ...phase, duration: Math.min(phase.duration, t - phase.t0) });
    }
    const last = kept.at(-1);
    if (last && !last.turn) {
      const v = last.v0 + last.acceleration * last.duration;
      const s = last.s0 + last.v0 * last.duration + 0.5 * last.acceleration * last.duration ** 2;
      if (v > 1e-9)
        kept.push({
          t0: t,
          duration: v / limits.decelerationMps2,
          s0: s,
          v0: v,
          acceleration: -limits.decelerationMps2,
        });
    }
    return new Trajectory(this.path, this.startMs, kept, this.fixedHeadingDeg);
  }

  /** When the motion first reaches distance s along the path (its end, if never). */
  timeAtDistance(s: number): number {
    for (const phase of this.phases) {
      if (phase.turn) continue;
      const covered = phase.v0 * phase.duration + 0.5 * phase.acceleration * phase.duration ** 2;
      if (s > phase.s0 + covered + 1e-9) continue;
      const ds = Math.max(0, s - phase.s0);
      const tau =
        Math.abs(phase.acceleration) < 1e-12
          ? ds / phase.v0
          : (-phase.v0 + Math.sqrt(Math.max(0, phase.v0 ** 2 + 2 * phase.acceleration * ds))) /
            phase.acceleration;
      return this.startMs + (phase.t0 + tau) * 1000;
    }
    return this.startMs + this.durationS * 1000;
  }

  /** Where the motion ends. */
  get endPoint(): XY {
    return this.sample(this.startMs + this.durationS * 1000).point;
  }

  get endHeadingDeg(): number {
    return this.sample(this.startMs + this.durationS * 1000).heading;
  }

  private phaseAt(t: number): Phase | undefined {
    let lo = 0;
    let hi = this.phases.length - 1;
    if (hi < 0) return undefined;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.phases[mid]!.t0 <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.phases[lo];
  }

  private at(s: number) {
    const index = pieceIndexAt(this.path, s);
    return pieceAt(this.path.pieces[index]!, s - this.path.cumulative[index]!);
  }
}

function planPhases(path: Path, limits: MotionLimits, options: TrajectoryOptions): Phase[] {
  const { pieces } = path;
  const a = limits.accelerationMps2;
  const d = limits.decelerationMps2;
  // Speed at each boundary between pieces: within both pieces' caps, reachable from the
  // one before by accelerating and able to reach the one after by braking.
  const bound = pieces.map((_, i) => (i === 0 ? 0 : Math.min(pieces[i - 1]!.cap, pieces[i]!.cap)));
  bound.push(Math.min(options.endSpeedMps ?? 0, pieces.at(-1)!.cap));
  bound[0] = options.startSpeedMps ?? 0;
  for (const i of path.stopsAfter) bound[i + 1] = 0;
  for (const [i, cap] of path.capsAtStart) bound[i] = Math.min(bound[i]!, cap);
  for (let i = 1; i <= pieces.length; i += 1)
    bound[i] = Math.min(bound[i]!, Math.sqrt(bound[i - 1]! ** 2 + 2 * a * pieces[i - 1]!.length));
  for (let i = pieces.length - 1; i >= 1; i -= 1)
    bound[i] = Math.min(bound[i]!, Math.sqrt(bound[i + 1]! ** 2 + 2 * d * pieces[i]!.length));

  const phases: Phase[] = [];
  let t = 0;
  const push = (phase: Omit<Phase, 't0'>) => {
    if (phase.duration <= 1e-9) return;
    phases.push({ ...phase, t0: t });
    t += phase.duration;
  };
  const turnOnTheSpot = (from: number, to: number, s: number) => {
    const rate = limits.turnInPlaceDegPerS;
    if (rate === undefined || options.fixedHeadingDeg !== undefined) return;
    push({
      duration: Math.abs(headingChange(from, to)) / rate,
      s0: s,
      v0: 0,
      acceleration: 0,
      turn: { from, to },
    });
  };

  if (options.startHeadingDeg !== undefined && bound[0] === 0)
    turnOnTheSpot(options.startHeadingDeg, startHeading(path), 0);
  pieces.forEach((piece, i) => {
    const s0 = path.cumulative[i]!;
    const vIn = bound[i]!;
    const vOut = bound[i + 1]!;
    const L = piece.length;
    const peak = Math.max(
      vIn,
      vOut,
      Math.min(piece.cap, Math.sqrt((2 * a * d * L + d * vIn ** 2 + a * vOut ** 2) / (a + d))),
    );
    const accelerating = (peak ** 2 - vIn ** 2) / (2 * a);
    const braking = (peak ** 2 - vOut ** 2) / (2 * d);
    const cruising = Math.max(0, L - accelerating - braking);
    push({ duration: (peak - vIn) / a, s0, v0: vIn, acceleration: a });
    push({
      duration: peak > 0 ? cruising / peak : 0,
      s0: s0 + accelerating,
      v0: peak,
      acceleration: 0,
    });
    push({ duration: (peak - vOut) / d, s0: s0 + L - braking, v0: peak, acceleration: -d });
    if (path.stopsAfter.has(i) && i + 1 < pieces.length) {
      const before = pieceAt(piece, L).heading;
      turnOnTheSpot(before, pieceAt(pieces[i + 1]!, 0).heading, s0 + L);
    }
  });
  return phases;
}
