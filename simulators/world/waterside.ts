// The water a ship crosses to reach a berth: from the open sea to the pilot boarding
// place, up the channel's centre line to the basin off the quay, and the anchorage
// where ships wait for a berth (with the spots they anchor at, a safe distance apart).
import type { FeatureOfKind, PortModel } from '../../protocol/port-model.ts';
import { add, distance, insideRing, scale, sub, unit, type XY } from '../geometry/planar.ts';

export interface Anchorage {
  id: string;
  ring: XY[];
  /** Anchoring positions, best first (nearest the channel), far enough apart to swing. */
  spots: XY[];
}

export interface Waterside {
  /** The channel's centre line from the sea end to the basin off the quay. */
  channel: XY[];
  pilotBoardingPlace: XY;
  /** Where inbound ships appear and outbound ships are last seen, beyond the channel. */
  seaEntry: XY;
  anchorages: Anchorage[];
}

/** Swing circle of a large ship at anchor, with a margin. */
const ANCHOR_SPACING_M = 700;
const SEA_LEG_M = 6_000;

export function readWaterside(
  model: PortModel,
  xy: (p: readonly number[]) => XY,
  quayMiddle: XY,
  waterNormal: XY,
): Waterside {
  const basin = add(quayMiddle, scale(waterNormal, 1_000));
  const lines = model.features.filter(
    (f): f is FeatureOfKind<'channel'> => f.properties.kind === 'channel',
  );
  const centreLine = lines.find((f) => f.geometry.type === 'LineString');
  const pbpFeature = model.features.find(
    (f): f is FeatureOfKind<'pilot_boarding_place'> => f.properties.kind === 'pilot_boarding_place',
  );
  const pbp = pbpFeature
    ? xy(pbpFeature.geometry.coordinates)
    : add(basin, scale(waterNormal, 5_000));
  const channel =
    centreLine?.geometry.type === 'LineString'
      ? centreLine.geometry.coordinates.map(xy)
      : [pbp, basin];
  const outward = unit(sub(channel[0]!, channel[1]!));
  const anchorages = model.features
    .filter((f): f is FeatureOfKind<'anchorage'> => f.properties.kind === 'anchorage')
    .map((f) => {
      const ring = f.geometry.coordinates[0]!.map(xy);
      return { id: f.properties.id, ring, spots: anchorSpots(ring, channel) };
    });
  return {
    channel,
    pilotBoardingPlace: pbp,
    seaEntry: add(channel[0]!, scale(outward, SEA_LEG_M)),
    anchorages,
  };
}

function anchorSpots(ring: XY[], channel: XY[]): XY[] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const spots: XY[] = [];
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let x = x0 + ANCHOR_SPACING_M / 2; x <= x1; x += ANCHOR_SPACING_M)
    for (let y = y0 + ANCHOR_SPACING_M / 2; y <= y1; y += ANCHOR_SPACING_M)
      if (insideRing([x, y], ring)) spots.push([x, y]);
  const nearChannel = (p: XY) => Math.min(...channel.map((c) => distance(p, c)));
  return spots.sort((a, b) => nearChannel(a) - nearChannel(b));
}
