// How a vessel is moving, for the call rules: its speed (the SOG, else derived from its
// track), and what that speed and its navigational status mean alongside and at anchor.
import { METRES_PER_SECOND_PER_KNOT, distanceM, type LonLat } from './geofence.ts';
import { MINUTE_MS, type CallTrackerOptions } from './vessel-call-options.ts';

/** Speed baselines for deriving a speed from positions when the SOG is not available
 * (shorter baselines turn GPS jitter into knots). */
const DERIVED_SPEED_MIN_BASE_MS = 2 * MINUTE_MS;
const DERIVED_SPEED_MAX_BASE_MS = 15 * MINUTE_MS;

/** The part of a vessel's state that derives its speed from its track. */
export interface SpeedTrack {
  speedRef?: { t: number; point: LonLat };
  derived?: { knots: number; t: number };
}

export type BerthMotion = 'still' | 'creeping' | 'moving' | 'unknown';
export type AnchorMotion = 'slow' | 'underway' | 'unknown';

/** SOG when the vessel sends one, else a speed from its track, else undefined. */
export function speedKnots(
  state: SpeedTrack,
  point: LonLat,
  t: number,
  sogKnots: number | undefined,
): number | undefined {
  const ref = state.speedRef;
  if (!ref || t - ref.t > DERIVED_SPEED_MAX_BASE_MS) {
    state.speedRef = { t, point };
    state.derived = undefined;
  } else if (t - ref.t >= DERIVED_SPEED_MIN_BASE_MS) {
    const metresPerSecond = distanceM(ref.point, point) / ((t - ref.t) / 1000);
    state.derived = { knots: metresPerSecond / METRES_PER_SECOND_PER_KNOT, t };
    state.speedRef = { t, point };
  }
  if (sogKnots !== undefined && Number.isFinite(sogKnots)) return sogKnots;
  const derived = state.derived;
  return derived && t - derived.t <= DERIVED_SPEED_MAX_BASE_MS ? derived.knots : undefined;
}

export function berthMotion(
  knots: number | undefined,
  navStatus: number | undefined,
  options: CallTrackerOptions,
): BerthMotion {
  const { berthSpeedKnots, berthLeaveSpeedKnots } = options;
  const moored = navStatus === 5;
  if (knots === undefined) return moored ? 'still' : 'unknown';
  if (knots < berthSpeedKnots || (moored && knots <= berthLeaveSpeedKnots)) return 'still';
  return knots > berthLeaveSpeedKnots ? 'moving' : 'creeping';
}

export function anchorMotion(
  knots: number | undefined,
  navStatus: number | undefined,
  options: CallTrackerOptions,
): AnchorMotion {
  if (knots === undefined) return navStatus === 1 || navStatus === 5 ? 'slow' : 'unknown';
  return knots < options.anchorSpeedKnots ? 'slow' : 'underway';
}
