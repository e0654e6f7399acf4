// What a moving thing can do: the limits every trajectory is planned within.
export interface MotionLimits {
  maxSpeedMps: number;
  accelerationMps2: number;
  decelerationMps2: number;
  /** Sideways acceleration allowed in a curve: caps the speed at √(a·r). */
  lateralAccelerationMps2: number;
  /** Radius of the curve drawn through a corner of the route (less where the legs are short). */
  cornerRadiusM: number;
  /** Ships: the rate of turn, which caps the speed in a curve at ω·r. */
  maxTurnRateDegPerS?: number;
  /** Turning on the spot where a route doubles back; absent: at once (AGVs drive both ways). */
  turnInPlaceDegPerS?: number;
}

export const KNOT_MPS = 1_852 / 3_600;
