// The waypoints of a ship's passages in the port: in from sea to the pilot boarding
// place, up the channel to a berth or to an anchorage, from the anchorage to a berth,
// and out again; with the speed limit of each leg (the channel's limit, dead slow on
// the final approach) and the sideways moves tugs make alongside.
import { add, distance, dot, headingOf, scale, sub, type XY } from '../geometry/planar.ts';
import { KNOT_MPS } from '../motion/motion-limits.ts';
import type { VesselClassSpec } from '../simulation-config.ts';
import type { BerthSite, PortLayout } from '../world/port-layout.ts';

export interface Passage {
  points: XY[];
  /** Speed limit of each leg, m/s. */
  limits: number[];
}

const SEA_SPEED = 14 * KNOT_MPS;
const CHANNEL_SPEED = 10 * KNOT_MPS;
const BASIN_SPEED = 5 * KNOT_MPS;
const FINAL_SPEED = 2.5 * KNOT_MPS;
/** The final approach runs parallel to the quay for this long. */
const FINAL_APPROACH_M = 700;
/** How far off the quay a ship stops before the tugs push it alongside. */
const STANDOFF_M = 50;
const FENDER_GAP_M = 3;
/** How far the tugs pull a departing ship off before it swings. */
const PULL_OFF_M = 150;

export const PILOT_SPEED = 6 * KNOT_MPS;

const channelSpeed = (layout: PortLayout) => {
  const channel = layout.model.features.find((f) => f.properties.kind === 'channel');
  const limit =
    channel?.properties.kind === 'channel' ? channel.properties.speedLimitKnots : undefined;
  return Math.min(CHANNEL_SPEED, (limit ?? Infinity) * KNOT_MPS);
};

const quayPoint = (layout: PortLayout, alongM: number, offM: number): XY =>
  add(
    add(layout.quay.start, scale(layout.quay.direction, alongM)),
    scale(layout.quay.waterNormal, offM),
  );

export const berthCentre = (berth: BerthSite) => (berth.fromM + berth.toM) / 2;

/** Index of the channel vertex nearest to a point. */
function nearestVertex(channel: XY[], p: XY): number {
  return channel.reduce(
    (best, c, i) => (distance(c, p) < distance(channel[best]!, p) ? i : best),
    0,
  );
}

export function inboundFromSea(layout: PortLayout): Passage {
  const { seaEntry, pilotBoardingPlace } = layout.waterside;
  return { points: [seaEntry, pilotBoardingPlace], limits: [SEA_SPEED] };
}

/** Where a ship lies alongside, and the heading it lies on. */
export function mooring(layout: PortLayout, berth: BerthSite, spec: VesselClassSpec) {
  const { channel } = layout.waterside;
  const centre = berthCentre(berth);
  const basinAlong = dot(sub(channel.at(-1)!, layout.quay.start), layout.quay.direction);
  // Ships come in from the side the channel ends on, so they need not turn round.
  const fromEnd = basinAlong >= centre;
  const off = spec.beamM / 2 + STANDOFF_M;
  return {
    approach: quayPoint(layout, centre + (fromEnd ? 1 : -1) * FINAL_APPROACH_M, off),
    standoff: quayPoint(layout, centre, off),
    moored: quayPoint(layout, centre, spec.beamM / 2 + FENDER_GAP_M),
    pulledOff: quayPoint(layout, centre, spec.beamM / 2 + PULL_OFF_M),
    alongsideHeadingDeg: headingOf(scale(layout.quay.direction, fromEnd ? -1 : 1)),
  };
}

/** From a point on (or off) the channel up the rest of it to the standoff off a berth. */
export function toBerth(
  layout: PortLayout,
  from: XY,
  berth: BerthSite,
  spec: VesselClassSpec,
): Passage {
  const { channel } = layout.waterside;
  const next = Math.min(nearestVertex(channel, from) + 1, channel.length - 1);
  const rest = channel.slice(next);
  const { approach, standoff } = mooring(layout, berth, spec);
  const speed = channelSpeed(layout);
  return {
    points: [from, ...rest, approach, standoff],
    limits: [...rest.map(() => speed), BASIN_SPEED, FINAL_SPEED],
  };
}

/** From the pilot boarding place up the channel and off it to an anchoring spot. */
export function toAnchorage(layout: PortLayout, from: XY, spot: XY): Passage {
  const { channel } = layout.waterside;
  const start = nearestVertex(channel, from) + 1;
  const turnOff = nearestVertex(channel, spot);
  const along = turnOff >= start ? channel.slice(start, turnOff + 1) : [];
  const speed = channelSpeed(layout);
  return { points: [from, ...along, spot], limits: [...along.map(() => speed), BASIN_SPEED] };
}

/** From the pulled-off position down the channel and out to sea. */
export function outToSea(layout: PortLayout, from: XY): Passage {
  const { channel, seaEntry } = layout.waterside;
  const down = [...channel].reverse();
  const speed = channelSpeed(layout);
  return {
    points: [from, ...down, seaEntry],
    limits: [BASIN_SPEED, ...down.slice(1).map(() => speed), SEA_SPEED],
  };
}
