// Test-only: a small synthetic port and AIS tracks sailed through it, shared by the
// vessel call tracker's tests (one file per module, all driven through the tracker).
import { expect } from 'vitest';
import type { PortCallEvent } from '../../../protocol/events.ts';
import type { PortFeature, PortModel } from '../../../protocol/port-model.ts';
import type { VesselPosition } from '../../../protocol/vessel.ts';
import { validateEvent } from '../../ingest/validate-event.ts';
import { METRES_PER_DEGREE_LAT, METRES_PER_SECOND_PER_KNOT, type LonLat } from '../geofence.ts';
import type { VesselIdentity } from '../vessel-call-events.ts';
import type { CallTrackerOptions } from '../vessel-call-options.ts';
import { VesselCallTracker } from '../vessel-call-tracker.ts';
import { createRng } from '../../../simulators/rng.ts';

// A small port in a local frame (x east, y north, metres): two berths side by side along
// a quay at y = 0, an anchorage 6-9 km to the south, a channel from the sea in the
// south-east to the basin, and a pilot boarding place on the channel.
const ORIGIN: LonLat = [122.0, 30.6];
const LON_M = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
export const at = (x: number, y: number): [number, number] => [
  ORIGIN[0] + x / LON_M,
  ORIGIN[1] + y / METRES_PER_DEGREE_LAT,
];
export const xyOf = ([lon, lat]: readonly number[]) =>
  [(lon! - ORIGIN[0]) * LON_M, (lat! - ORIGIN[1]) * METRES_PER_DEGREE_LAT] as const;
export const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][][] => [
  [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)],
];

const ANCHORAGE = { x0: -2_000, y0: -9_000, x1: 2_000, y1: -6_000 };
export const PBP = { x: 5_000, y: -10_500 };

export function testPort({ pilotBoardingPlace = true } = {}): PortModel {
  const polygon = (coordinates: [number, number][][]) => ({
    type: 'Polygon' as const,
    coordinates,
  });
  const features: PortFeature[] = [
    {
      type: 'Feature',
      geometry: polygon(rect(0, 0, 600, 400)),
      properties: { id: 'T1', kind: 'terminal' },
    },
    ...[0, 1].map((b): PortFeature => ({
      type: 'Feature',
      geometry: polygon(rect(b * 300, -50, b * 300 + 300, 0)),
      properties: {
        id: `T1-B${b + 1}`,
        kind: 'berth',
        terminalId: 'T1',
        lengthM: 300,
        depthM: 16,
      },
    })),
    {
      type: 'Feature',
      geometry: polygon(rect(ANCHORAGE.x0, ANCHORAGE.y0, ANCHORAGE.x1, ANCHORAGE.y1)),
      properties: { id: 'anchorage-1', kind: 'anchorage' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [at(6_000, -14_000), at(PBP.x, PBP.y), at(1_500, -1_500), at(450, -300)],
      },
      properties: { id: 'channel', kind: 'channel', depthM: 17, widthM: 400 },
    },
  ];
  if (pilotBoardingPlace)
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: at(PBP.x, PBP.y) },
      properties: { id: 'pbp', kind: 'pilot_boarding_place' },
    });
  return {
    type: 'FeatureCollection',
    properties: { portId: 'TEST', name: 'Test port', timeZone: 'UTC', center: at(300, 0) },
    features,
  };
}

export interface Fix {
  position: VesselPosition;
  x: number;
  y: number;
}

interface HoldOptions {
  stepS?: number;
  sog: (rng: () => number, i: number) => number;
  navStatus?: number;
  jitterM?: number;
  /** Where the vessel is at step i, relative to where the hold started (default: there). */
  offset?: (i: number) => readonly [number, number];
}

/** Builds a synthetic AIS track, leg by leg, in the local frame. */
export class Track {
  readonly fixes: Fix[] = [];
  private readonly rng: () => number;

  constructor(
    readonly mmsi: string,
    public t: number,
    public x: number,
    public y: number,
    seed = 1,
  ) {
    this.rng = createRng(seed).next;
  }

  /** The index the next fix will have (to find the start of a leg). */
  get next(): number {
    return this.fixes.length;
  }

  private push(
    x: number,
    y: number,
    extra: Omit<VesselPosition, 'mmsi' | 'timeMs' | 'lon' | 'lat'>,
  ) {
    const [lon, lat] = at(x, y);
    this.fixes.push({ position: { mmsi: this.mmsi, timeMs: this.t, lon, lat, ...extra }, x, y });
  }

  /** Straight to (toX, toY) at a steady speed, a fix every stepS seconds and on arrival. */
  sail(toX: number, toY: number, knots: number, { stepS = 10, navStatus = 0 } = {}): this {
    const dx = toX - this.x;
    const dy = toY - this.y;
    const length = Math.hypot(dx, dy);
    const speed = knots * METRES_PER_SECOND_PER_KNOT;
    const cogDeg = ((Math.atan2(dx, dy) * 180) / Math.PI + 360) % 360;
    let travelled = 0;
    while (travelled < length) {
      const stepSeconds = Math.min(stepS, (length - travelled) / speed);
      this.t += Math.max(1, Math.round(stepSeconds * 1000));
      travelled = Math.min(length, travelled + speed * stepSeconds);
      const f = travelled / length;
      this.push(this.x + dx * f, this.y + dy * f, { sogKnots: knots, cogDeg, navStatus });
    }
    this.x = toX;
    this.y = toY;
    return this;
  }

  /** Stays about here for a while (at anchor, alongside, drifting). */
  hold(durationS: number, options: HoldOptions): this {
    const { stepS = 180, sog, navStatus, jitterM = 0, offset = () => [0, 0] } = options;
    const steps = Math.floor(durationS / stepS);
    for (let i = 0; i < steps; i += 1) {
      this.t += stepS * 1000;
      const [ox, oy] = offset(i);
      const jx = (this.rng() * 2 - 1) * jitterM;
      const jy = (this.rng() * 2 - 1) * jitterM;
      this.push(this.x + ox + jx, this.y + oy + jy, {
        sogKnots: Math.round(sog(this.rng, i) * 10) / 10,
        ...(navStatus === undefined ? {} : { navStatus }),
      });
    }
    const [ox, oy] = offset(steps - 1);
    this.x += ox;
    this.y += oy;
    return this;
  }

  /** No reception for a while; the vessel may be elsewhere afterwards. */
  silence(seconds: number, to?: { x: number; y: number }): this {
    this.t += seconds * 1000;
    if (to) [this.x, this.y] = [to.x, to.y];
    return this;
  }
}

export const HOUR_S = 3_600;
export const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
export const IMO = '9074729';
export const VESSEL: VesselIdentity = { imo: IMO, name: 'EVER TEST' };
export const still = (rng: () => number) => rng() * 0.3;
export const atAnchor = (rng: () => number) => rng() * 0.6;

export const insideAnchorage = (f: Fix) =>
  f.x > ANCHORAGE.x0 && f.x < ANCHORAGE.x1 && f.y > ANCHORAGE.y0 && f.y < ANCHORAGE.y1;
const nearPbp = (f: Fix) => Math.hypot(f.x - PBP.x, f.y - PBP.y) <= 1_852;
export const inBerthBuffer = (f: Fix) => f.y >= -80 && f.y <= 30;

/** The time of the first fix from index `from` on that satisfies the predicate. */
export function firstTime(track: Track, from: number, predicate: (f: Fix) => boolean): number {
  const fix = track.fixes.slice(from).find(predicate);
  if (!fix) throw new Error('no such fix');
  return fix.position.timeMs;
}

/** Sea → pilot boarding place → anchorage (hours) → berth B1 (hours) → sea. */
export function fullCall(
  mmsi = '412345678',
  t0 = T0,
  { anchorHours = 8, berthHours = 20, seed = 1 } = {},
) {
  const track = new Track(mmsi, t0, 6_500, -16_500, seed);
  track.sail(PBP.x, PBP.y, 12).sail(2_600, -8_000, 10);
  const anchorIn = track.next;
  track.sail(1_000, -8_000, 4);
  track.hold(anchorHours * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
  const anchorOut = track.next;
  track.sail(2_600, -6_500, 8).sail(1_500, -1_500, 10).sail(300, -300, 6);
  track.sail(150, -120, 2).sail(150, -30, 1.2);
  const berth = track.next;
  track.hold(berthHours * HOUR_S, { sog: still, navStatus: 5, jitterM: 5 });
  const leave = track.next;
  track.sail(150, -200, 0.8).sail(1_500, -1_500, 8).sail(PBP.x, PBP.y, 12).sail(6_500, -16_500, 14);
  const expected = {
    'ATA-PBP': firstTime(track, 0, nearPbp),
    'ATA-Anchorage': firstTime(track, anchorIn, insideAnchorage),
    'ATD-Anchorage': firstTime(track, anchorOut, (f) => !insideAnchorage(f)),
    'ATA-Berth': track.fixes[berth]!.position.timeMs,
    'ATD-Berth': track.fixes[leave]!.position.timeMs,
  };
  return { track, expected, indices: { anchorIn, anchorOut, berth, leave } };
}

/** Sea → pilot boarding place → straight to berth B2 → sea. */
export function directCall(mmsi = '413000001', t0 = T0, berthHours = 10) {
  const track = new Track(mmsi, t0, 6_500, -16_500, 7);
  track.sail(PBP.x, PBP.y, 12).sail(1_500, -1_500, 10).sail(450, -300, 6);
  track.sail(450, -120, 2).sail(450, -30, 1.2);
  const berth = track.next;
  track.hold(berthHours * HOUR_S, { sog: still, navStatus: 5, jitterM: 5 });
  const leave = track.next;
  track.sail(450, -300, 3).sail(PBP.x, PBP.y, 12).sail(6_500, -16_500, 14);
  return { track, berth, leave };
}

export function run(
  tracker: VesselCallTracker,
  fixes: readonly Fix[],
  vessel: VesselIdentity | ((i: number) => VesselIdentity) = VESSEL,
): PortCallEvent[] {
  const identity = typeof vessel === 'function' ? vessel : () => vessel;
  return fixes.flatMap((f, i) => tracker.update(f.position, identity(i)));
}

export const newTracker = (options: Partial<CallTrackerOptions> = {}, model = testPort()) =>
  new VesselCallTracker(model, options);
export const codes = (events: readonly PortCallEvent[]) => events.map((e) => e.timestamp);
export const timeOf = (event: PortCallEvent | undefined) => Date.parse(String(event?.time));
export const byCode = (events: readonly PortCallEvent[]) =>
  Object.fromEntries(events.map((e) => [e.timestamp, e]));

export function expectValid(events: readonly PortCallEvent[], track: Track) {
  const nowMs = track.t + 60_000;
  for (const event of events) {
    const result = validateEvent(event, nowMs);
    expect(result.ok ? 'ok' : result.reason).toBe('ok');
    expect(event.eventId.length).toBeLessThanOrEqual(100);
  }
  expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
}
