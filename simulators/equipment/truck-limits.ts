import type { MotionLimits } from '../motion/motion-limits.ts';

/** A laden tractor-trailer on terminal roads, held to about 16 km/h among the AGVs. */
export const TRUCK_LIMITS: MotionLimits = {
  maxSpeedMps: 4.5,
  accelerationMps2: 0.8,
  decelerationMps2: 1.2,
  lateralAccelerationMps2: 1.5,
  cornerRadiusM: 12,
  turnInPlaceDegPerS: 15,
};
