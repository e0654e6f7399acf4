// A route's geometry as a vehicle drives it: straight pieces joined by circular arcs
// drawn through the corners (so the heading turns gradually and the speed in a corner
// respects the sideways acceleration), and stops where the route doubles back.
import {
  add,
  cross,
  distance,
  dot,
  headingOf,
  lerp,
  scale,
  sub,
  unit,
  type XY,
} from '../geometry/planar.ts';
import type { MotionLimits } from './motion-limits.ts';

export type PathPiece =
  | { kind: 'line'; start: XY; end: XY; length: number; cap: number; heading: number }
  | {
      kind: 'arc';
      center: XY;
      radius: number;
      startAngle: number;
      /** +1 counter-clockwise (a left turn), -1 clockwise. */
      turn: 1 | -1;
      length: number;
      cap: number;
    };

export interface Path {
  pieces: PathPiece[];
  /** cumulative[i]: distance from the start to the start of piece i. */
  cumulative: number[];
  length: number;
  /** Indices of the pieces after which the vehicle must stop (the route doubles back). */
  stopsAfter: Set<number>;
  /** Speed limits where a piece starts (a junction to cross with care), by piece index. */
  capsAtStart: Map<number, number>;
  start: XY;
  end: XY;
}

/** Corners sharper than this are not driven round but stopped at and turned on the spot. */
const REVERSAL_RAD = (150 * Math.PI) / 180;
const STRAIGHT_RAD = (0.5 * Math.PI) / 180;

/**
 * The path along the given points. `legSpeedLimits[i]`, where given, caps the speed on
 * the leg from points[i] to points[i + 1] (a channel's speed limit, a berthing approach);
 * `vertexSpeedLimits[i]` the speed at points[i] (a junction).
 */
export function buildPath(
  points: readonly XY[],
  limits: MotionLimits,
  legSpeedLimits: readonly number[] = [],
  vertexSpeedLimits: readonly number[] = [],
): Path {
  const kept: XY[] = [];
  const legCaps: number[] = [];
  const vertexCaps: number[] = [];
  points.forEach((p, i) => {
    const cap = vertexSpeedLimits[i] ?? Infinity;
    if (kept.length > 0 && distance(kept.at(-1)!, p) < 1e-6) {
      vertexCaps[kept.length - 1] = Math.min(vertexCaps[kept.length - 1]!, cap);
      return;
    }
    if (kept.length > 0)
      legCaps.push(Math.min(limits.maxSpeedMps, legSpeedLimits[i - 1] ?? Infinity));
    kept.push(p);
    vertexCaps.push(cap);
  });
  if (kept.length < 2) throw new Error('a path needs two distinct points');

  const legLength = (i: number) => distance(kept[i]!, kept[i + 1]!);
  const direction = (i: number) => unit(sub(kept[i + 1]!, kept[i]!));
  // At each inner vertex: a reversal, or how far before and after it its arc begins and ends.
  const tangent: number[] = kept.map(() => 0);
  const reversal: boolean[] = kept.map(() => false);
  for (let i = 1; i < kept.length - 1; i += 1) {
    const angle = Math.acos(Math.max(-1, Math.min(1, dot(direction(i - 1), direction(i)))));
    if (angle > REVERSAL_RAD) reversal[i] = true;
    else if (angle > STRAIGHT_RAD)
      tangent[i] = Math.min(
        limits.cornerRadiusM * Math.tan(angle / 2),
        legLength(i - 1) / 2,
        legLength(i) / 2,
      );
  }

  const pieces: PathPiece[] = [];
  const stopsAfter = new Set<number>();
  const capsAtStart = new Map<number, number>();
  for (let i = 0; i < kept.length - 1; i += 1) {
    const d = direction(i);
    const start = add(kept[i]!, scale(d, tangent[i]!));
    const end = sub(kept[i + 1]!, scale(d, tangent[i + 1]!));
    const lineLength = distance(start, end);
    if (lineLength > 1e-9)
      pieces.push({
        kind: 'line',
        start,
        end,
        length: lineLength,
        cap: legCaps[i]!,
        heading: headingOf(d),
      });
    const vertex = i + 1;
    if (reversal[vertex]) stopsAfter.add(pieces.length - 1);
    const vertexCap = vertexCaps[vertex]!;
    if (tangent[vertex]! > 0)
      pieces.push(
        arcAt(
          kept[vertex]!,
          d,
          direction(vertex),
          tangent[vertex]!,
          limits,
          Math.min(legCaps[i]!, legCaps[vertex] ?? Infinity, vertexCap),
        ),
      );
    else if (vertexCap < Infinity && vertex < kept.length - 1)
      capsAtStart.set(pieces.length, vertexCap);
  }
  const cumulative: number[] = [];
  let total = 0;
  for (const piece of pieces) {
    cumulative.push(total);
    total += piece.length;
  }
  return {
    pieces,
    cumulative,
    length: total,
    stopsAfter,
    capsAtStart,
    start: kept[0]!,
    end: kept.at(-1)!,
  };
}

function arcAt(
  vertex: XY,
  dIn: XY,
  dOut: XY,
  tangentLength: number,
  limits: MotionLimits,
  legCap: number,
): PathPiece {
  const angle = Math.acos(Math.max(-1, Math.min(1, dot(dIn, dOut))));
  const radius = tangentLength / Math.tan(angle / 2);
  const turn = cross(dIn, dOut) > 0 ? 1 : -1;
  const start = sub(vertex, scale(dIn, tangentLength));
  const normal: XY = turn === 1 ? [-dIn[1], dIn[0]] : [dIn[1], -dIn[0]];
  const center = add(start, scale(normal, radius));
  const turnRate = limits.maxTurnRateDegPerS;
  const cap = Math.min(
    legCap,
    Math.sqrt(limits.lateralAccelerationMps2 * radius),
    turnRate === undefined ? Infinity : ((turnRate * Math.PI) / 180) * radius,
  );
  return {
    kind: 'arc',
    center,
    radius,
    startAngle: Math.atan2(start[1] - center[1], start[0] - center[0]),
    turn,
    length: radius * angle,
    cap,
  };
}

/** The point and heading at distance s along one piece. */
export function pieceAt(piece: PathPiece, s: number): { point: XY; heading: number } {
  if (piece.kind === 'line')
    return {
      point: lerp(piece.start, piece.end, piece.length === 0 ? 0 : s / piece.length),
      heading: piece.heading,
    };
  const angle = piece.startAngle + (piece.turn * s) / piece.radius;
  const point: XY = [
    piece.center[0] + piece.radius * Math.cos(angle),
    piece.center[1] + piece.radius * Math.sin(angle),
  ];
  const tangent: XY =
    piece.turn === 1 ? [-Math.sin(angle), Math.cos(angle)] : [Math.sin(angle), -Math.cos(angle)];
  return { point, heading: headingOf(tangent) };
}

/** Index of the piece that distance s falls in. */
export function pieceIndexAt(path: Path, s: number): number {
  let lo = 0;
  let hi = path.pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (path.cumulative[mid]! <= s) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Heading at the start of the path, and at its end. */
export const startHeading = (path: Path) => pieceAt(path.pieces[0]!, 0).heading;
export const endHeading = (path: Path) => {
  const last = path.pieces.at(-1)!;
  return pieceAt(last, last.length).heading;
};
