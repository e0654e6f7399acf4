// Everything the simulation sends, second by second over a few busy hours at 1 Hz: it
// passes the server's own validators, and everything that moves moves as it can.
import { describe, expect, it } from 'vitest';
import type { EquipmentKind } from '../protocol/equipment.ts';
import { isActualTimestamp, type PortEvent } from '../protocol/events.ts';
import type { TelemetryItem } from '../protocol/telemetry.ts';
import type { VesselPositionItem } from '../protocol/vessel.ts';
import { validateTelemetry } from '../server/ingest/validate-telemetry.ts';
import { buildDemoPort } from '../server/port-model/demo-port.ts';
import { TRUCK_LIMITS } from './equipment/truck-limits.ts';
import { distanceM } from './geo.ts';
import { localProjection, nearestOnSegment, distance, type XY } from './geometry/planar.ts';
import type { MotionLimits } from './motion/motion-limits.ts';
import { AGV_LIMITS } from './quay/agv-fleet.ts';
import { QUAY_CRANE_LIMITS } from './quay/quay-crane.ts';
import { Simulation } from './simulation.ts';
import { DEFAULT_CONFIG } from './simulation-config.ts';
import { eventProblem } from './testing/event-checks.ts';
import { TUG_LIMITS, VESSEL_LIMITS } from './vessels/vessel.ts';
import { YARD_CRANE_LIMITS } from './yard/yard-crane.ts';

const MODEL = buildDemoPort();
const T0 = Date.UTC(2026, 10, 27, 6);
const HOURS = 3;
const projection = localProjection(MODEL.properties.center);

const STILL: MotionLimits = {
  ...AGV_LIMITS,
  maxSpeedMps: 0,
  accelerationMps2: 0,
  decelerationMps2: 0,
  lateralAccelerationMps2: 0,
};
const LIMITS: Record<EquipmentKind | 'vessel', MotionLimits> = {
  agv: AGV_LIMITS,
  truck: TRUCK_LIMITS,
  yard_crane: YARD_CRANE_LIMITS,
  sts: QUAY_CRANE_LIMITS,
  scanner: STILL,
  vessel: {
    ...VESSEL_LIMITS,
    accelerationMps2: Math.max(VESSEL_LIMITS.accelerationMps2, TUG_LIMITS.accelerationMps2),
  },
};
/** Positions go out to 1e-7 degrees (about a centimetre): allow for the rounding. */
const ROUNDING_MPS = 0.05;

/** Road and lane segments in a grid of 50 m cells, for distance-to-road lookups. */
function roadIndex() {
  const cell = 50;
  const cells = new Map<string, [XY, XY][]>();
  for (const f of MODEL.features) {
    if (
      f.geometry.type !== 'LineString' ||
      !['road', 'gate_lane', 'inspection_lane'].includes(f.properties.kind)
    )
      continue;
    const points = f.geometry.coordinates.map((c) => projection.toXY([c[0], c[1]]));
    for (let i = 1; i < points.length; i += 1) {
      const [a, b] = [points[i - 1]!, points[i]!];
      const steps = Math.ceil(distance(a, b) / cell) + 1;
      for (let k = 0; k <= steps; k += 1) {
        const x = a[0] + ((b[0] - a[0]) * k) / steps;
        const y = a[1] + ((b[1] - a[1]) * k) / steps;
        for (const dx of [-1, 0, 1])
          for (const dy of [-1, 0, 1]) {
            const key = `${Math.floor(x / cell) + dx},${Math.floor(y / cell) + dy}`;
            const list = cells.get(key) ?? [];
            if (!list.some(([p, q]) => p === a && q === b)) list.push([a, b]);
            cells.set(key, list);
          }
      }
    }
  }
  return (p: XY) =>
    Math.min(
      Infinity,
      ...(cells.get(`${Math.floor(p[0] / cell)},${Math.floor(p[1] / cell)}`) ?? []).map(([a, b]) =>
        distance(p, nearestOnSegment(p, a, b).point),
      ),
    );
}

interface Track {
  kind: EquipmentKind | 'vessel';
  fixes: { t: number; xy: XY; speed: number; lon: number; lat: number }[];
}

interface Findings {
  invalid: string[];
  tooFast: string[];
  tooSharp: string[];
  offRoad: string[];
  cranesTooClose: string[];
  vesselsAshore: string[];
  lateOrEarly: string[];
  fixes: number;
  events: PortEvent[];
  firstEvents: PortEvent[];
  firstPositions: (TelemetryItem | VesselPositionItem)[];
  /** Each ship's AIS static reports, by MMSI: when, and how long it said it is. */
  statics: Map<string, { timeMs: number; lengthM: number }[]>;
  kindsSeen: Set<string>;
  maxSpeedByKind: Map<string, number>;
}

function runAndCheck(): Findings {
  const simulation = new Simulation(MODEL, { startMs: T0, config: { warmUpHours: 24 } });
  const distanceToRoad = roadIndex();
  const railOrder = new Map(
    MODEL.features.flatMap((f) =>
      f.properties.kind === 'sts_crane' ? [[f.properties.id, f.properties.railOrder] as const] : [],
    ),
  );
  const craneAlong = new Map<string, number>();
  const tracks = new Map<string, Track>();
  const found: Findings = {
    invalid: [],
    tooFast: [],
    tooSharp: [],
    offRoad: [],
    cranesTooClose: [],
    vesselsAshore: [],
    lateOrEarly: [],
    fixes: 0,
    events: [],
    firstEvents: [],
    firstPositions: [],
    statics: new Map(),
    kindsSeen: new Set(),
    maxSpeedByKind: new Map(),
  };
  const note = (list: string[], message: string) => {
    if (list.length < 10) list.push(message);
  };
  let previousMs = -Infinity;
  for (const out of simulation.until(T0 + HOURS * 3_600_000)) {
    if (found.firstPositions.length === 0) {
      found.firstPositions = out.positions;
      found.firstEvents = out.events;
    }
    for (const s of out.vesselStatics)
      found.statics.set(s.mmsi, [
        ...(found.statics.get(s.mmsi) ?? []),
        { timeMs: s.timeMs, lengthM: s.toBowM! + s.toSternM! },
      ]);
    for (const event of out.events) {
      const problem = eventProblem(event, out.timeMs);
      if (problem) note(found.invalid, `${event.type} ${event.eventId}: ${problem}`);
      if (
        previousMs > -Infinity &&
        !(event.type === 'port_call' && !isActualTimestamp(event.timestamp)) &&
        ((event.time as number) <= previousMs || (event.time as number) > out.timeMs)
      )
        note(
          found.lateOrEarly,
          `${event.eventId} at ${String(event.time)} in the output of ${out.timeMs}`,
        );
      found.events.push(event);
    }
    for (const item of out.positions) {
      found.fixes += 1;
      const result = validateTelemetry(item, out.timeMs);
      if (!result.ok) note(found.invalid, `${JSON.stringify(item)}: ${result.reason}`);
      if (item.time !== out.timeMs)
        note(found.lateOrEarly, `${JSON.stringify(item)} in the output of ${out.timeMs}`);
      const id = 'mmsi' in item ? item.mmsi : item.equipmentId;
      const kind = 'mmsi' in item ? 'vessel' : item.kind;
      found.kindsSeen.add(kind);
      const speed = 'mmsi' in item ? (item.sogKnots ?? 0) * (1_852 / 3_600) : (item.speedMps ?? 0);
      found.maxSpeedByKind.set(kind, Math.max(found.maxSpeedByKind.get(kind) ?? 0, speed));
      const xy = projection.toXY([item.lon, item.lat]);
      const track = tracks.get(id) ?? { kind, fixes: [] };
      tracks.set(id, track);
      const fix = { t: item.time as number, xy, speed, lon: item.lon, lat: item.lat };
      checkMotion(id, track, fix, found, note);
      track.fixes = [...track.fixes.slice(-1), fix];
      if ((kind === 'agv' || kind === 'truck') && distanceToRoad(xy) > 4)
        note(
          found.offRoad,
          `${id} ${distanceToRoad(xy).toFixed(1)} m from the roads at ${item.time}`,
        );
      if (kind === 'vessel' && xy[1] > 0)
        note(found.vesselsAshore, `${id} at ${JSON.stringify(xy)}`);
      if (kind === 'sts') craneAlong.set(id, xy[0]);
    }
    const order = [...craneAlong].sort((a, b) => railOrder.get(a[0])! - railOrder.get(b[0])!);
    for (let i = 1; i < order.length; i += 1)
      if (order[i]![1] - order[i - 1]![1] < 20)
        note(found.cranesTooClose, `${order[i - 1]![0]} and ${order[i]![0]} at ${out.timeMs}`);
    previousMs = out.timeMs;
  }
  return found;
}

function checkMotion(
  id: string,
  track: Track,
  fix: Track['fixes'][number],
  found: Findings,
  note: (list: string[], message: string) => void,
): void {
  const limits = LIMITS[track.kind];
  const last = track.fixes.at(-1);
  if (fix.speed > limits.maxSpeedMps + 0.06) note(found.tooFast, `${id} reports ${fix.speed} m/s`);
  if (!last) return;
  const dt = (fix.t - last.t) / 1000;
  const moved = distanceM([last.lon, last.lat], [fix.lon, fix.lat]);
  if (moved / dt > limits.maxSpeedMps * 1.005 + ROUNDING_MPS)
    note(found.tooFast, `${id} covered ${moved.toFixed(2)} m in ${dt} s at ${fix.t}`);
  const braking = Math.max(limits.accelerationMps2, limits.decelerationMps2);
  // Speeds go out to 0.01 m/s, AIS speeds to 0.1 knots.
  const resolution = track.kind === 'vessel' ? 0.1 * (1_852 / 3_600) : 0.01;
  if (dt <= 1 && Math.abs(fix.speed - last.speed) / dt > braking + resolution + 1e-3)
    note(found.tooSharp, `${id} changed speed ${last.speed} → ${fix.speed} in ${dt} s`);
  const before = track.fixes.at(-2);
  if (!before || dt > 1 || last.t - before.t > 1_000) return;
  const v1 = [last.xy[0] - before.xy[0], last.xy[1] - before.xy[1]];
  const v2 = [fix.xy[0] - last.xy[0], fix.xy[1] - last.xy[1]];
  const accel = Math.hypot(v2[0]! - v1[0]!, v2[1]! - v1[1]!);
  if (accel > Math.hypot(braking, limits.lateralAccelerationMps2) * 1.1 + 2 * ROUNDING_MPS)
    note(found.tooSharp, `${id} accelerated at ${accel.toFixed(2)} m/s² at ${fix.t}`);
}

describe(`the simulation's outputs over ${HOURS} busy hours at 1 Hz`, () => {
  const found = runAndCheck();

  it('produces positions of every kind of thing that moves, and events', () => {
    expect([...found.kindsSeen].sort()).toEqual([
      'agv',
      'scanner',
      'sts',
      'truck',
      'vessel',
      'yard_crane',
    ]);
    expect(found.fixes).toBeGreaterThan(HOURS * 3_600 * 100);
    expect(found.events.length).toBeGreaterThan(HOURS * 2_000);
  });

  it('sends only items the server accepts', () => {
    expect(found.invalid).toEqual([]);
  });

  it('stamps every item within the interval it is sent in (the first carries the state so far)', () => {
    expect(found.lateOrEarly).toEqual([]);
  });

  it('never moves anything faster than it can go', () => {
    expect(found.tooFast).toEqual([]);
    expect(found.maxSpeedByKind.get('agv')).toBeGreaterThan(4);
    expect(found.maxSpeedByKind.get('truck')).toBeGreaterThan(3);
    expect(found.maxSpeedByKind.get('vessel')).toBeGreaterThan(3);
  });

  it('never speeds up, slows down or turns harder than it can', () => {
    expect(found.tooSharp).toEqual([]);
  });

  it('keeps AGVs and trucks on the roads (corners are driven round, within a few metres)', () => {
    expect(found.offRoad).toEqual([]);
  });

  it('keeps ships in the water and quay cranes in rail order, apart', () => {
    expect(found.vesselsAshore).toEqual([]);
    expect(found.cranesTooClose).toEqual([]);
  });

  it('starts busy: every piece of equipment reports, ships are alongside, the yard is stocked', () => {
    const reported = new Set(
      found.firstPositions.map((p) => ('mmsi' in p ? p.mmsi : p.equipmentId)),
    );
    const states = new Set(
      found.firstEvents.flatMap((e) => (e.type === 'equipment_state' ? [e.equipmentId] : [])),
    );
    for (const f of MODEL.features)
      if (f.properties.kind === 'sts_crane') expect(reported).toContain(f.properties.id);
    for (const id of reported)
      if (!/^\d{9}$/.test(id) && !id.startsWith('XT-')) expect(states).toContain(id);
    const alongside = new Set<string>();
    for (const e of found.firstEvents)
      if (e.type === 'port_call' && e.timestamp === 'ATA-Berth') alongside.add(e.callId);
    expect(alongside.size).toBeGreaterThanOrEqual(2);
    expect(found.firstPositions.filter((p) => 'mmsi' in p).length).toBeGreaterThanOrEqual(2);
  });

  it('has every ship it reports tell its name and size by AIS every six minutes', () => {
    const ships = new Set(found.firstPositions.flatMap((p) => ('mmsi' in p ? [p.mmsi] : [])));
    const lengths = new Set(
      Object.values(DEFAULT_CONFIG.vessels).map((v) => Math.round(v.lengthM / 2) * 2),
    );
    for (const mmsi of ships) {
      const reports = found.statics.get(mmsi) ?? [];
      expect(reports[0]?.timeMs, mmsi).toBe(T0);
      expect(lengths).toContain(reports[0]!.lengthM);
      for (let i = 1; i < reports.length; i += 1)
        expect(reports[i]!.timeMs - reports[i - 1]!.timeMs).toBe(6 * 60_000);
    }
  });
});
