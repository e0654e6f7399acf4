import { describe, expect, it } from 'vitest';
import { distance, headingChange, type XY } from '../geometry/planar.ts';
import type { MotionLimits } from './motion-limits.ts';
import { buildPath } from './path.ts';
import { Trajectory } from './trajectory.ts';

const TRUCK: MotionLimits = {
  maxSpeedMps: 7,
  accelerationMps2: 0.8,
  decelerationMps2: 1.2,
  lateralAccelerationMps2: 1.5,
  cornerRadiusM: 12,
  turnInPlaceDegPerS: 15,
};
const T0 = 1_000_000;

/** Samples every 100 ms over the whole trajectory. */
function samples(trajectory: Trajectory, stepMs = 100) {
  const out = [];
  for (let t = trajectory.startMs; t <= trajectory.endMs + stepMs; t += stepMs)
    out.push({ t, ...trajectory.sample(t) });
  return out;
}

/** Largest change of velocity (as a vector, from positions) per second. */
function worstAcceleration(points: { t: number; point: XY }[]): number {
  let worst = 0;
  for (let i = 2; i < points.length; i += 1) {
    const [a, b, c] = [points[i - 2]!, points[i - 1]!, points[i]!];
    const dt = (c.t - b.t) / 1000;
    const v1 = [(b.point[0] - a.point[0]) / dt, (b.point[1] - a.point[1]) / dt];
    const v2 = [(c.point[0] - b.point[0]) / dt, (c.point[1] - b.point[1]) / dt];
    worst = Math.max(worst, Math.hypot(v2[0]! - v1[0]!, v2[1]! - v1[1]!) / dt);
  }
  return worst;
}

describe('Trajectory along a route with corners', () => {
  const route: XY[] = [
    [0, 0],
    [200, 0],
    [200, 150],
    [20, 150],
  ];
  const trajectory = Trajectory.plan(buildPath(route, TRUCK), T0, TRUCK);
  const all = samples(trajectory);

  it('starts at the first point and ends, at rest, at the last', () => {
    expect(all[0]!.point).toEqual([0, 0]);
    expect(all[0]!.speedMps).toBe(0);
    const end = trajectory.sample(trajectory.endMs);
    expect(distance(end.point, [20, 150])).toBeLessThan(1e-6);
    expect(end.speedMps).toBe(0);
  });

  it('never goes faster than the limit, measured from positions too', () => {
    for (let i = 1; i < all.length; i += 1) {
      expect(all[i]!.speedMps).toBeLessThanOrEqual(TRUCK.maxSpeedMps + 1e-9);
      const moved = distance(all[i - 1]!.point, all[i]!.point) / 0.1;
      expect(moved).toBeLessThanOrEqual(TRUCK.maxSpeedMps + 1e-6);
    }
  });

  it('speeds up and slows down, in curves too, within what the vehicle can do', () => {
    const limit = Math.max(TRUCK.decelerationMps2, TRUCK.lateralAccelerationMps2);
    expect(worstAcceleration(all)).toBeLessThanOrEqual(limit * 1.05);
  });

  it('turns the heading gradually through the corners', () => {
    let worstTurn = 0;
    for (let i = 1; i < all.length; i += 1)
      worstTurn = Math.max(
        worstTurn,
        Math.abs(headingChange(all[i - 1]!.heading, all[i]!.heading)),
      );
    expect(worstTurn).toBeLessThan(10); // per 100 ms
    expect(all[0]!.heading).toBe(90);
    expect(all.at(-1)!.heading).toBe(270);
  });

  it('takes about as long as the distance at cruising speed, plus the corners', () => {
    expect(trajectory.durationS).toBeGreaterThan(530 / 7);
    expect(trajectory.durationS).toBeLessThan(530 / 7 + 40);
  });
});

describe('Trajectory special cases', () => {
  it('stops and turns on the spot where a route doubles back', () => {
    const path = buildPath(
      [
        [0, 0],
        [50, 0],
        [10, 0],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK);
    const all = samples(trajectory);
    const atTurn = all.filter((s) => distance(s.point, [50, 0]) < 1e-6);
    expect(atTurn.length).toBeGreaterThan(100); // 180° at 15°/s: 12 s on the spot
    expect(atTurn.every((s) => s.speedMps === 0)).toBe(true);
    expect(Math.max(...all.map((s) => s.point[0]))).toBeCloseTo(50, 6);
  });

  it('turns on the spot first when it starts facing elsewhere', () => {
    const path = buildPath(
      [
        [0, 0],
        [0, 100],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK, { startHeadingDeg: 90 });
    expect(trajectory.sample(T0).heading).toBe(90);
    expect(trajectory.sample(T0 + 3_000).point).toEqual([0, 0]);
    expect(trajectory.sample(T0 + 7_000).heading).toBe(0);
  });

  it('keeps a fixed heading when pushed sideways', () => {
    const path = buildPath(
      [
        [0, -40],
        [0, -20],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK, { fixedHeadingDeg: 270 });
    expect(samples(trajectory).every((s) => s.heading === 270)).toBe(true);
  });

  it('respects the speed limit of each leg', () => {
    const path = buildPath(
      [
        [0, 0],
        [500, 0],
        [1000, 0],
      ],
      TRUCK,
      [7, 2],
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK);
    for (const s of samples(trajectory, 500))
      if (s.point[0] > 500 + 1e-6) expect(s.speedMps).toBeLessThanOrEqual(2 + 1e-9);
  });

  it('brakes to a stop on the path, no harder than allowed', () => {
    const path = buildPath(
      [
        [0, 0],
        [300, 0],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK);
    const braking = trajectory.brakingAt(T0 + 20_000, TRUCK);
    const before = trajectory.sample(T0 + 20_000);
    expect(braking.sample(T0 + 20_000)).toEqual(before);
    const stopsAfterS = before.speedMps / TRUCK.decelerationMps2;
    expect(braking.durationS).toBeCloseTo(20 + stopsAfterS, 6);
    expect(braking.endPoint[0]).toBeCloseTo(
      before.point[0] + before.speedMps ** 2 / (2 * TRUCK.decelerationMps2),
      6,
    );
    expect(worstAcceleration(samples(braking))).toBeLessThanOrEqual(TRUCK.decelerationMps2 * 1.05);
  });

  it('can start moving and keep going where it is asked to go further', () => {
    const path = buildPath(
      [
        [0, 0],
        [100, 0],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK, { startSpeedMps: 5 });
    expect(trajectory.sample(T0).speedMps).toBe(5);
    expect(trajectory.sample(trajectory.endMs).speedMps).toBe(0);
  });
});

describe('Trajectory.timeAtDistance', () => {
  it('inverts the motion: the sample at that time is that far along', () => {
    const path = buildPath(
      [
        [0, 0],
        [400, 0],
      ],
      TRUCK,
    );
    const trajectory = Trajectory.plan(path, T0, TRUCK);
    for (const s of [0, 5, 30.6, 200, 399, 400]) {
      const t = trajectory.timeAtDistance(s);
      expect(trajectory.sample(t).point[0]).toBeCloseTo(s, 6);
    }
  });
});

describe('Trajectory start and end speeds', () => {
  const SHIP: MotionLimits = {
    maxSpeedMps: 7.2,
    accelerationMps2: 0.02,
    decelerationMps2: 0.03,
    lateralAccelerationMps2: 0.08,
    cornerRadiusM: 700,
    maxTurnRateDegPerS: 0.5,
  };
  it('comes in from sea at speed and passes the end at the speed asked for', () => {
    const path = buildPath(
      [
        [0, 0],
        [0, 8_000],
      ],
      SHIP,
    );
    const trajectory = Trajectory.plan(path, T0, SHIP, { startSpeedMps: 7.2, endSpeedMps: 3 });
    expect(trajectory.sample(T0).speedMps).toBeCloseTo(7.2, 9);
    expect(trajectory.sample(trajectory.endMs).speedMps).toBeCloseTo(3, 2);
    expect(trajectory.sample(trajectory.endMs).point[1]).toBeCloseTo(8_000, 3);
  });

  it('turns no faster than a ship’s rate of turn', () => {
    const path = buildPath(
      [
        [0, 0],
        [0, 4_000],
        [4_000, 4_000],
      ],
      SHIP,
    );
    const trajectory = Trajectory.plan(path, T0, SHIP, { startSpeedMps: 5 });
    const all = samples(trajectory, 1_000);
    for (let i = 1; i < all.length; i += 1)
      expect(Math.abs(headingChange(all[i - 1]!.heading, all[i]!.heading))).toBeLessThanOrEqual(
        0.5 + 1e-6,
      );
  });
});
