// The vessel call tracker's tuning: every threshold of the call rules, with why it is the
// number it is (the rules themselves are described in vessel-call-tracker.ts).
import { METRES_PER_NAUTICAL_MILE } from './geofence.ts';

export const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface CallTrackerOptions {
  /** Below this SOG a vessel in an anchorage is at anchor (3 kn, as the brief and
   * Class A reporting rules have it: AIS treats < 3 kn at anchor as not moving). */
  anchorSpeedKnots: number;
  /** How long a vessel must stay slow in an anchorage to count as anchored (10 min:
   * longer than slowing down to cross it, far shorter than any real wait). */
  anchorConfirmMs: number;
  /** How far outside the anchorage polygon a vessel may be and still be in it (500 m: the
   * swing circle of a large ship anchored near the edge). */
  anchorageExitBufferM: number;
  /** How long beyond that buffer before it has left (2 min). */
  anchorageExitMs: number;
  /** Below this SOG a vessel at a berth is still (0.5 kn: a moored ship shows 0-0.3). */
  berthSpeedKnots: number;
  /** Above this SOG it is moving off (1 kn); between the two a run goes on but does not start. */
  berthLeaveSpeedKnots: number;
  /** How near a berth polygon a still vessel must be (30 m: where the AIS antenna sits on
   * the hull and GPS error put the reported point outside a drawn berth). */
  berthBufferM: number;
  /** How far from its berth a vessel must be to be leaving it (60 m: hysteresis). */
  berthExitBufferM: number;
  /** How long a vessel must stay still alongside to be berthed (5 min). */
  berthConfirmMs: number;
  /** How long beyond the exit buffer, moving, before it has left the berth (2 min). */
  berthExitMs: number;
  /** Arrival at the pilot boarding place: within this distance of the point (1 NM). */
  pbpRadiusM: number;
  /** An arrival at the pilot boarding place counts if the vessel anchors or berths within this time (24 h). */
  pbpPendingMs: number;
  /** Farther than this from every port area, a vessel is out of port (1 km). */
  portBufferM: number;
  /** A call without a berthing ends after this long out of port (1 h). */
  portExitMs: number;
  /** A transition seen only across a longer gap between fixes has no known time (30 min:
   * the error a KPI measured in hours can take; in-port reception gaps are minutes). */
  maxGapMs: number;
  /** Completed events of a vessel whose IMO is not known are dropped after this (48 h). */
  holdMs: number;
  /** And at most this many are held per vessel (32: several calls' worth). */
  maxHeldPerVessel: number;
  /** Vessels unseen for this long are forgotten (7 days). */
  evictAfterMs: number;
  /** At most this many vessels are tracked (100,000: far more than any receiver hears in a week). */
  maxVessels: number;
}

export const DEFAULT_CALL_TRACKER_OPTIONS: Readonly<CallTrackerOptions> = Object.freeze({
  anchorSpeedKnots: 3,
  anchorConfirmMs: 10 * MINUTE_MS,
  anchorageExitBufferM: 500,
  anchorageExitMs: 2 * MINUTE_MS,
  berthSpeedKnots: 0.5,
  berthLeaveSpeedKnots: 1,
  berthBufferM: 30,
  berthExitBufferM: 60,
  berthConfirmMs: 5 * MINUTE_MS,
  berthExitMs: 2 * MINUTE_MS,
  pbpRadiusM: METRES_PER_NAUTICAL_MILE,
  pbpPendingMs: DAY_MS,
  portBufferM: 1_000,
  portExitMs: HOUR_MS,
  maxGapMs: 30 * MINUTE_MS,
  holdMs: 48 * HOUR_MS,
  maxHeldPerVessel: 32,
  evictAfterMs: 7 * DAY_MS,
  maxVessels: 100_000,
});
