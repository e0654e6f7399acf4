import { describe, expect, it } from 'vitest';
import type { PortCallEvent } from '../../protocol/events.ts';
import type { PortFeature, PortModel } from '../../protocol/port-model.ts';
import type { VesselPosition } from '../../protocol/vessel.ts';
import { validateEvent } from '../ingest/validate-event.ts';
import { buildDemoPort } from '../port-model/demo-port.ts';
import { METRES_PER_DEGREE_LAT, METRES_PER_SECOND_PER_KNOT, type LonLat } from './geofence.ts';
import {
  VesselCallTracker,
  usableImo,
  type CallTrackerOptions,
  type VesselIdentity,
} from './vessel-call-tracker.ts';

// A small port in a local frame (x east, y north, metres): two berths side by side along
// a quay at y = 0, an anchorage 6-9 km to the south, a channel from the sea in the
// south-east to the basin, and a pilot boarding place on the channel.
const ORIGIN: LonLat = [122.0, 30.6];
const LON_M = METRES_PER_DEGREE_LAT * Math.cos((ORIGIN[1] * Math.PI) / 180);
const at = (x: number, y: number): [number, number] => [
  ORIGIN[0] + x / LON_M,
  ORIGIN[1] + y / METRES_PER_DEGREE_LAT,
];
const xyOf = ([lon, lat]: readonly number[]) =>
  [(lon! - ORIGIN[0]) * LON_M, (lat! - ORIGIN[1]) * METRES_PER_DEGREE_LAT] as const;
const rect = (x0: number, y0: number, x1: number, y1: number): [number, number][][] => [
  [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)],
];

const ANCHORAGE = { x0: -2_000, y0: -9_000, x1: 2_000, y1: -6_000 };
const PBP = { x: 5_000, y: -10_500 };

function testPort({ pilotBoardingPlace = true } = {}): PortModel {
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

/** A deterministic pseudo-random source (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Fix {
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
class Track {
  readonly fixes: Fix[] = [];
  private readonly rng: () => number;

  constructor(
    readonly mmsi: string,
    public t: number,
    public x: number,
    public y: number,
    seed = 1,
  ) {
    this.rng = random(seed);
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

const HOUR_S = 3_600;
const T0 = Date.UTC(2026, 10, 2, 6, 0, 0);
const IMO = '9074729';
const VESSEL: VesselIdentity = { imo: IMO, name: 'EVER TEST' };
const still = (rng: () => number) => rng() * 0.3;
const atAnchor = (rng: () => number) => rng() * 0.6;

const insideAnchorage = (f: Fix) =>
  f.x > ANCHORAGE.x0 && f.x < ANCHORAGE.x1 && f.y > ANCHORAGE.y0 && f.y < ANCHORAGE.y1;
const nearPbp = (f: Fix) => Math.hypot(f.x - PBP.x, f.y - PBP.y) <= 1_852;
const inBerthBuffer = (f: Fix) => f.y >= -80 && f.y <= 30;

/** The time of the first fix from index `from` on that satisfies the predicate. */
function firstTime(track: Track, from: number, predicate: (f: Fix) => boolean): number {
  const fix = track.fixes.slice(from).find(predicate);
  if (!fix) throw new Error('no such fix');
  return fix.position.timeMs;
}

/** Sea → pilot boarding place → anchorage (hours) → berth B1 (hours) → sea. */
function fullCall(
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
function directCall(mmsi = '413000001', t0 = T0, berthHours = 10) {
  const track = new Track(mmsi, t0, 6_500, -16_500, 7);
  track.sail(PBP.x, PBP.y, 12).sail(1_500, -1_500, 10).sail(450, -300, 6);
  track.sail(450, -120, 2).sail(450, -30, 1.2);
  const berth = track.next;
  track.hold(berthHours * HOUR_S, { sog: still, navStatus: 5, jitterM: 5 });
  const leave = track.next;
  track.sail(450, -300, 3).sail(PBP.x, PBP.y, 12).sail(6_500, -16_500, 14);
  return { track, berth, leave };
}

function run(
  tracker: VesselCallTracker,
  fixes: readonly Fix[],
  vessel: VesselIdentity | ((i: number) => VesselIdentity) = VESSEL,
): PortCallEvent[] {
  const identity = typeof vessel === 'function' ? vessel : () => vessel;
  return fixes.flatMap((f, i) => tracker.update(f.position, identity(i)));
}

const newTracker = (options: Partial<CallTrackerOptions> = {}, model = testPort()) =>
  new VesselCallTracker(model, options);
const codes = (events: readonly PortCallEvent[]) => events.map((e) => e.timestamp);
const timeOf = (event: PortCallEvent | undefined) => Date.parse(String(event?.time));
const byCode = (events: readonly PortCallEvent[]) =>
  Object.fromEntries(events.map((e) => [e.timestamp, e]));

function expectValid(events: readonly PortCallEvent[], track: Track) {
  const nowMs = track.t + 60_000;
  for (const event of events) {
    const result = validateEvent(event, nowMs);
    expect(result.ok ? 'ok' : result.reason).toBe('ok');
    expect(event.eventId.length).toBeLessThanOrEqual(100);
  }
  expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
}

describe('VesselCallTracker: a whole call', () => {
  it('reports PBP, anchorage (8 h), berth (20 h) and departure at the starts of the periods', () => {
    const { track, expected } = fullCall();
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual([
      'ATA-PBP',
      'ATA-Anchorage',
      'ATD-Anchorage',
      'ATA-Berth',
      'ATD-Berth',
    ]);
    const callId = `ais-412345678-${Math.floor(expected['ATA-PBP'] / 1000)}`;
    for (const event of events) {
      expect(event).toMatchObject({
        type: 'port_call',
        callId,
        eventId: `${callId}:${event.timestamp}`,
        vesselImo: IMO,
        vesselName: 'EVER TEST',
        mmsi: '412345678',
      });
      expect(timeOf(event)).toBe(expected[event.timestamp as keyof typeof expected]);
    }
    const by = byCode(events);
    expect(by['ATA-Berth']!.berthId).toBe('T1-B1');
    expect(by['ATD-Berth']!.berthId).toBe('T1-B1');
    expect(by['ATA-Anchorage']!.berthId).toBeUndefined();
    // Waiting time and port hours as the KPIs will compute them.
    const waitingH = (timeOf(by['ATA-Berth']) - timeOf(by['ATA-Anchorage'])) / 3_600_000;
    expect(waitingH).toBeGreaterThan(8);
    expect(waitingH).toBeLessThan(9.5);
    const atBerthH = (timeOf(by['ATD-Berth']) - timeOf(by['ATA-Berth'])) / 3_600_000;
    expect(atBerthH).toBeCloseTo(20, 1);
    expectValid(events, track);
  });

  it('reports a direct berthing without anchoring', () => {
    const { track, berth, leave } = directCall();
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Berth', 'ATD-Berth']);
    const by = byCode(events);
    expect(timeOf(by['ATA-Berth'])).toBe(track.fixes[berth]!.position.timeMs);
    expect(timeOf(by['ATD-Berth'])).toBe(track.fixes[leave]!.position.timeMs);
    expect(by['ATA-Berth']!.berthId).toBe('T1-B2');
    expectValid(events, track);

    // Without a pilot boarding place in the model, the call starts at the berthing.
    const noPbp = run(newTracker({}, testPort({ pilotBoardingPlace: false })), track.fixes);
    expect(codes(noPbp)).toEqual(['ATA-Berth', 'ATD-Berth']);
    const start = track.fixes[berth]!.position.timeMs;
    expect(noPbp[0]!.callId).toBe(`ais-413000001-${Math.floor(start / 1000)}`);
  });

  it('reports nothing for a passing vessel, even one that stops briefly at a berth', () => {
    const track = new Track('414000002', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 14).sail(1_500, -1_500, 14).sail(600, -25, 8).sail(150, -25, 8);
    track.hold(170, { stepS: 10, sog: () => 0.2, navStatus: 0 });
    track.sail(-400, -25, 8).sail(-400, -3_000, 12);
    // Straight across the anchorage at speed, then away to sea.
    track.sail(0, -12_000, 14).sail(20_000, -30_000, 14);
    const tracker = newTracker();
    expect(run(tracker, track.fixes)).toEqual([]);
    expect(tracker.status('414000002')).toMatchObject({ phase: 'none', heldEvents: 0 });
    expect(tracker.status('414000002')?.callId).toBeUndefined();
  });

  it('starts a new call when the vessel comes back', () => {
    const first = fullCall('415000003', T0);
    const second = fullCall('415000003', first.track.t + 3 * 24 * HOUR_S * 1000, { seed: 2 });
    const events = run(newTracker(), [...first.track.fixes, ...second.track.fixes]);
    expect(events).toHaveLength(10);
    const callIds = [...new Set(events.map((e) => e.callId))];
    expect(callIds).toEqual([
      `ais-415000003-${Math.floor(first.expected['ATA-PBP'] / 1000)}`,
      `ais-415000003-${Math.floor(second.expected['ATA-PBP'] / 1000)}`,
    ]);
  });

  it('ends a call that leaves port without berthing; the next visit is a new call', () => {
    const track = new Track('416000004', T0, -8_000, -7_500);
    track.sail(0, -7_500, 10);
    track.hold(6 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    track.sail(-30_000, -7_500, 12);
    track.silence(24 * HOUR_S);
    track.sail(0, -7_500, 12);
    track.hold(6 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Anchorage', 'ATD-Anchorage', 'ATA-Anchorage']);
    expect(events[0]!.callId).toBe(events[1]!.callId);
    expect(events[2]!.callId).not.toBe(events[0]!.callId);
    expectValid(events, track);
  });
});

describe('VesselCallTracker: AIS reality', () => {
  it('does not flap for a vessel swinging and drifting across the anchorage edge', () => {
    const track = new Track('417000005', T0, 3_500, -7_500, 3);
    track.sail(1_990, -7_500, 4);
    const anchored = track.next;
    // Swinging round an anchor dropped 10 m inside the east edge: up to ±300 m either
    // side of it over 6 hours, SOG noise up to 2.5 kn, GPS jitter on top.
    track.hold(6 * HOUR_S, {
      stepS: 30,
      sog: (rng) => rng() * 2.5,
      navStatus: 1,
      jitterM: 40,
      offset: (i) => [300 * Math.sin(i / 25), 200 * Math.cos(i / 40)],
    });
    track.sail(4_000, -7_000, 9).sail(6_000, -14_000, 12).sail(20_000, -30_000, 14);
    const crossings = track.fixes
      .slice(anchored)
      .filter((f, i, all) => i > 0 && insideAnchorage(f) !== insideAnchorage(all[i - 1]!));
    expect(crossings.length).toBeGreaterThan(10); // it really does cross the edge, often
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Anchorage', 'ATD-Anchorage']);
    expect(timeOf(events[0])).toBe(firstTime(track, 0, insideAnchorage));
    expectValid(events, track);
  });

  it('does not flap for a vessel moored at the edge of a berth buffer with jitter and SOG noise', () => {
    const track = new Track('418000006', T0, 450, -400, 4);
    track.sail(450, -120, 2).sail(450, -75, 1.2);
    const berth = track.next;
    track.hold(12 * HOUR_S, {
      stepS: 60,
      // Mostly still, some 0.5-0.9 kn noise, and an odd 1.5 kn spike after the first hour.
      sog: (rng, i) =>
        i > 60 && i % 97 === 0 ? 1.5 : rng() < 0.2 ? 0.5 + rng() * 0.4 : rng() * 0.4,
      jitterM: 25, // y between -100 and -50: in and out of the 30 m buffer (y ≥ -80)
    });
    const leave = track.next;
    track.sail(450, -400, 4).sail(6_000, -14_000, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-Berth', 'ATD-Berth']);
    const expectedStart = firstTime(
      track,
      berth,
      (f) => inBerthBuffer(f) && (f.position.sogKnots ?? 1) < 0.5,
    );
    expect(timeOf(events[0])).toBe(expectedStart);
    expect(timeOf(events[1])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[0]!.berthId).toBe('T1-B2');
  });

  it('holds events until the IMO number arrives, then releases them with their own times', () => {
    const { track, expected } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const late = track.fixes.findIndex(
      (f) => f.position.timeMs >= expected['ATA-Berth'] + 3_600_000,
    );
    const tracker = newTracker();
    const perFix: PortCallEvent[][] = [];
    track.fixes.forEach((f, i) => {
      if (i === late) expect(tracker.status('412345678')?.heldEvents).toBe(4);
      perFix.push(tracker.update(f.position, i < late ? { name: 'EVER TEST' } : VESSEL));
    });
    expect(perFix.slice(0, late).flat()).toEqual([]);
    expect(codes(perFix[late]!)).toEqual([
      'ATA-PBP',
      'ATA-Anchorage',
      'ATD-Anchorage',
      'ATA-Berth',
    ]);
    expect(perFix.flat()).toEqual(baseline);
  });

  it('releases held events on identify(), and never uses an invalid or placeholder IMO', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const tracker = newTracker();
    expect(run(tracker, track.fixes, { imo: '9074728', name: 'EVER TEST' })).toEqual([]);
    expect(tracker.identify('412345678', { imo: '0000000' })).toEqual([]);
    expect(tracker.identify('412345678', VESSEL)).toEqual(baseline);
    expect(tracker.identify('412345678', VESSEL)).toEqual([]);
    expect(tracker.identify('999999999', VESSEL)).toEqual([]);
    expect(usableImo(' 9074729 ')).toBe('9074729');
    expect(usableImo('0000000')).toBeUndefined();
    expect(usableImo('907472')).toBeUndefined();
  });

  it('drops held events older than 48 hours', () => {
    const { track, indices } = fullCall('419000007', T0, { anchorHours: 60 });
    const events = run(newTracker(), track.fixes, (i) => (i < indices.anchorOut ? {} : VESSEL));
    expect(codes(events)).toEqual(['ATD-Anchorage', 'ATA-Berth', 'ATD-Berth']);
  });

  it('ignores out-of-order and duplicate fixes', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const noisy: Fix[] = [];
    track.fixes.forEach((fix, i) => {
      noisy.push(fix);
      if (i % 7 === 3) noisy.push(fix); // the same fix from a second receiver
      if (i % 7 === 4) noisy.push({ ...fix, position: { ...fix.position, lon: 121.5 } }); // same instant
      if (i % 11 === 5 && i >= 150) {
        // A stale fix, delayed in some queue, from a quite different place.
        const old = track.fixes[i - 150]!;
        noisy.push({ ...old, position: { ...old.position, sogKnots: 0, navStatus: 5 } });
      }
    });
    expect(noisy.length).toBeGreaterThan(track.fixes.length * 1.3);
    expect(run(newTracker(), noisy)).toEqual(baseline);
  });

  it('gives identical events, ids included, when the same track is replayed', () => {
    const tracks = [fullCall().track, directCall().track, fullCall('420000008', T0 + 5_000).track];
    const all = tracks
      .flatMap((t) => t.fixes)
      .sort((a, b) => a.position.timeMs - b.position.timeMs);
    const first = run(newTracker(), all);
    const second = run(newTracker(), all);
    expect(first).toHaveLength(13);
    expect(second).toEqual(first);
    expectValid(first, tracks[0]!);
  });

  it('derives speed from positions, or uses the nav status, when SOG is not available', () => {
    const { track } = fullCall();
    const baseline = run(newTracker(), track.fixes);
    const withoutSog = track.fixes.map((f) => {
      const { sogKnots: _sog, ...position } = f.position;
      return { ...f, position };
    });
    const withoutEither = withoutSog.map((f) => {
      const { navStatus: _nav, ...position } = f.position;
      return { ...f, position };
    });
    for (const fixes of [withoutSog, withoutEither]) {
      const events = run(newTracker(), fixes);
      expect(codes(events)).toEqual(codes(baseline));
      events.forEach((event, i) => {
        expect(event.berthId).toBe(baseline[i]!.berthId);
        expect(Math.abs(timeOf(event) - timeOf(baseline[i]))).toBeLessThanOrEqual(10 * 60_000);
      });
    }
  });
});

describe('VesselCallTracker: reception gaps', () => {
  it('keeps a silent vessel at its berth and reports its departure normally', () => {
    const track = new Track('421000009', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 12).sail(1_500, -1_500, 10).sail(150, -120, 4).sail(150, -30, 1.2);
    const berth = track.next;
    track.hold(6 * HOUR_S, { sog: still, navStatus: 5 });
    track.silence(6 * HOUR_S);
    track.hold(4 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Berth', 'ATD-Berth']);
    expect(timeOf(events[1])).toBe(track.fixes[berth]!.position.timeMs);
    expect(timeOf(events[2])).toBe(track.fixes[leave]!.position.timeMs);
  });

  it('does not invent an arrival seen only after a long gap; stamps the departure when last seen', () => {
    const track = new Track('422000010', T0, 6_500, -16_500);
    track.sail(PBP.x, PBP.y, 12).sail(2_600, -8_000, 10).sail(1_000, -8_000, 4);
    track.hold(4 * HOUR_S, { sog: atAnchor, navStatus: 1, jitterM: 30 });
    const lastAtAnchor = track.fixes.at(-1)!.position.timeMs;
    track.silence(5 * HOUR_S, { x: 150, y: -25 });
    track.hold(10 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATA-PBP', 'ATA-Anchorage', 'ATD-Anchorage', 'ATD-Berth']);
    expect(new Set(events.map((e) => e.callId)).size).toBe(1);
    expect(timeOf(events[2])).toBe(lastAtAnchor);
    expect(timeOf(events[3])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[3]!.berthId).toBe('T1-B1');
  });

  it('gives a vessel already alongside when first heard no ATA-Berth', () => {
    const track = new Track('423000011', T0, 150, -25);
    track.hold(5 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(150, -400, 3).sail(6_500, -16_500, 12);
    const events = run(newTracker(), track.fixes);
    expect(codes(events)).toEqual(['ATD-Berth']);
    expect(timeOf(events[0])).toBe(track.fixes[leave]!.position.timeMs);
    expect(events[0]!.callId).toBe(
      `ais-423000011-${Math.floor(track.fixes[0]!.position.timeMs / 1000)}`,
    );
  });
});

describe('VesselCallTracker: memory and models', () => {
  it('forgets vessels not seen for 7 days, and keeps at most maxVessels', () => {
    const tracker = newTracker({ maxVessels: 3 });
    const fix = (mmsi: string, timeMs: number): VesselPosition => {
      const [lon, lat] = at(0, -20_000);
      return { mmsi, timeMs, lon, lat, sogKnots: 12 };
    };
    tracker.update(fix('100000001', T0), {});
    tracker.update(fix('100000002', T0 + 1_000), {});
    expect(tracker.vesselCount).toBe(2);
    tracker.update(fix('100000003', T0 + 8 * 24 * HOUR_S * 1000), {});
    expect(tracker.vesselCount).toBe(1);
    expect(tracker.status('100000001')).toBeUndefined();
    for (let i = 4; i <= 7; i += 1) tracker.update(fix(`10000000${i}`, T0 + 9e8 + i), {});
    expect(tracker.vesselCount).toBe(3);
    expect(tracker.status('100000007')).toBeDefined();
    expect(tracker.status('100000004')).toBeUndefined();
  });

  it('ignores positions that are not positions', () => {
    const tracker = newTracker();
    const [lon, lat] = at(0, 0);
    expect(tracker.update({ mmsi: '12345', timeMs: T0, lon, lat }, VESSEL)).toEqual([]);
    expect(tracker.update({ mmsi: '123456789', timeMs: NaN, lon, lat }, VESSEL)).toEqual([]);
    expect(tracker.vesselCount).toBe(0);
  });

  it('counts a port_limits polygon, should a model have one, as in port', () => {
    // Anchored, out to wait 6 km east of the anchorage for two hours, back to anchor.
    const track = new Track('424000012', T0, -8_000, -7_500);
    track.sail(0, -7_500, 10);
    track.hold(3 * HOUR_S, { sog: atAnchor, navStatus: 1 });
    track.sail(8_000, -4_000, 10);
    track.hold(2 * HOUR_S, { stepS: 60, sog: () => 1, navStatus: 0 });
    track.sail(0, -7_500, 10);
    track.hold(3 * HOUR_S, { sog: atAnchor, navStatus: 1 });
    const withoutLimits = run(newTracker(), track.fixes);
    expect(codes(withoutLimits)).toEqual(['ATA-Anchorage', 'ATD-Anchorage', 'ATA-Anchorage']);
    expect(new Set(withoutLimits.map((e) => e.callId)).size).toBe(2);

    const model = testPort();
    model.features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: rect(-10_000, -20_000, 10_000, 1_000) },
      properties: { id: 'limits', kind: 'port_limits' },
    } as unknown as PortFeature);
    const withLimits = run(new VesselCallTracker(model), track.fixes);
    expect(codes(withLimits)).toEqual(['ATA-Anchorage', 'ATD-Anchorage']); // one call
  });

  it('works on the demo port: a berthing at its first berth', () => {
    const model = buildDemoPort();
    const berths = model.features.filter((f) => f.properties.kind === 'berth');
    expect(berths.length).toBeGreaterThan(0);
    const berth = berths[0]!;
    if (berth.geometry.type !== 'Polygon') throw new Error('berths are polygons');
    const ring = berth.geometry.coordinates[0]!.slice(0, -1).map(xyOf);
    const cx = ring.reduce((s, [x]) => s + x, 0) / ring.length;
    const cy = ring.reduce((s, [, y]) => s + y, 0) / ring.length;
    const track = new Track('477553000', T0, cx, cy - 3_000);
    track
      .sail(cx, cy - 300, 8)
      .sail(cx, cy - 100, 2)
      .sail(cx, cy, 1.2);
    const start = track.next;
    track.hold(6 * HOUR_S, { sog: still, navStatus: 5 });
    const leave = track.next;
    track.sail(cx, cy - 300, 3).sail(cx, cy - 5_000, 10);
    const events = run(new VesselCallTracker(model), track.fixes);
    expect(codes(events)).toEqual(['ATA-Berth', 'ATD-Berth']);
    expect(events.map((e) => e.berthId)).toEqual([berth.properties.id, berth.properties.id]);
    expect(timeOf(events[0])).toBe(track.fixes[start]!.position.timeMs);
    expect(timeOf(events[1])).toBe(track.fixes[leave]!.position.timeMs);
    expectValid(events, track);
  });
});
