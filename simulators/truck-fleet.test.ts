import { describe, expect, it } from 'vitest';
import { EQUIPMENT_STATES } from '../protocol/equipment.ts';
import type { TelemetryItem } from '../protocol/telemetry.ts';
import { buildDemoPort } from '../server/port-model/demo-port.ts';
import { validateTelemetry } from '../server/ingest/validate-telemetry.ts';
import { distanceM } from './geo.ts';
import { createRng } from './rng.ts';
import { buildRoadGraph } from './road-graph.ts';
import { TRUCK_MAX_SPEED_MPS, TruckFleet } from './truck-fleet.ts';

const MODEL = buildDemoPort();
const GRAPH = buildRoadGraph(MODEL);
const T0 = Date.UTC(2026, 5, 1, 8);
const TWO_HOURS_S = 2 * 3_600;

/** Runs a fleet in 1 s steps, returning the fixes after each step. */
function run(seed: number, trucks: number, seconds: number): TelemetryItem[][] {
  const fleet = new TruckFleet(GRAPH, createRng(seed), trucks);
  const fixes: TelemetryItem[][] = [];
  for (let s = 1; s <= seconds; s += 1) {
    fleet.step(1);
    fixes.push(fleet.telemetry(T0 + s * 1_000));
  }
  return fixes;
}

// A flat local frame around the port, in metres, for point-to-segment distances.
const EARTH_RADIUS_M = 6_371_008.8;
const RAD = Math.PI / 180;
const [LON0, LAT0] = MODEL.properties.center;
const toXY = (lon: number, lat: number): [number, number] => [
  (lon - LON0) * RAD * Math.cos(LAT0 * RAD) * EARTH_RADIUS_M,
  (lat - LAT0) * RAD * EARTH_RADIUS_M,
];

type Segment = [[number, number], [number, number]];
const ROAD_SEGMENTS: Segment[] = MODEL.features.flatMap((feature) => {
  if (feature.properties.kind !== 'road' || feature.geometry.type !== 'LineString') return [];
  const points = feature.geometry.coordinates.map(([lon, lat]) => toXY(lon, lat));
  return points.slice(1).map((b, i): Segment => [points[i]!, b]);
});

function distanceToSegment([px, py]: [number, number], [[ax, ay], [bx, by]]: Segment): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const distanceToRoads = (item: TelemetryItem) => {
  const point = toXY(item.lon, item.lat);
  return ROAD_SEGMENTS.reduce(
    (min, segment) => Math.min(min, distanceToSegment(point, segment)),
    Infinity,
  );
};

describe('TruckFleet on the demo port', () => {
  const TRUCKS = 12;
  const twoHours = run(7, TRUCKS, TWO_HOURS_S);
  const allFixes = twoHours.flat();

  it('gives the same telemetry for the same seed', () => {
    expect(run(1, 5, 600)).toEqual(run(1, 5, 600));
  });

  it('gives different telemetry for a different seed', () => {
    expect(run(1, 5, 600)).not.toEqual(run(2, 5, 600));
  });

  it('reports one fix per truck per call, with stable ids', () => {
    for (const fixes of twoHours)
      expect(fixes.map((f) => f.equipmentId)).toEqual(twoHours[0]!.map((f) => f.equipmentId));
    expect(twoHours[0]!.map((f) => f.equipmentId)).toEqual(
      Array.from({ length: TRUCKS }, (_, i) => `TT${String(i + 1).padStart(3, '0')}`),
    );
  });

  it('stamps each fix with the time it is asked for, as a truck', () => {
    const wrong = twoHours.flatMap((fixes, s) =>
      fixes.filter((fix) => fix.time !== T0 + (s + 1) * 1_000 || fix.kind !== 'truck'),
    );
    expect(wrong).toEqual([]);
  });

  it(`never moves a truck faster than ${TRUCK_MAX_SPEED_MPS} m/s between 1 s fixes (2 h)`, () => {
    let fastest = 0;
    for (let s = 1; s < twoHours.length; s += 1)
      twoHours[s]!.forEach((fix, t) => {
        const before = twoHours[s - 1]![t]!;
        fastest = Math.max(fastest, distanceM([before.lon, before.lat], [fix.lon, fix.lat]));
      });
    expect(fastest).toBeLessThanOrEqual(TRUCK_MAX_SPEED_MPS * 1 + 1e-6);
    expect(fastest).toBeGreaterThan(4); // they do drive, at a plausible speed
  });

  it('reports speeds within the limit', () => {
    const speeds = allFixes.map((f) => f.speedMps!);
    expect(speeds.reduce((a, b) => Math.min(a, b))).toBe(0);
    expect(speeds.reduce((a, b) => Math.max(a, b))).toBeLessThanOrEqual(TRUCK_MAX_SPEED_MPS);
  });

  it('keeps every truck on a road segment (within 0.5 m) over 2 h', () => {
    const worst = allFixes.reduce((max, fix) => Math.max(max, distanceToRoads(fix)), 0);
    expect(worst).toBeLessThan(0.5);
  });

  it('heads along the grid roads (0, 90, 180 or 270 degrees)', () => {
    const headings = new Set(allFixes.map((f) => f.headingDeg));
    expect([...headings].every((h) => [0, 90, 180, 270].includes(h!))).toBe(true);
  });

  it('stops now and then to be served, and drives loaded and empty', () => {
    const states = new Set(allFixes.map((f) => f.state));
    expect(states).toEqual(new Set(['working', 'travelling_loaded', 'travelling_empty']));
    for (const state of states) expect(EQUIPMENT_STATES).toContain(state);
  });

  it('reports a stopped truck with speed 0 and the same position', () => {
    const stops: { moved: number; speed: number }[] = [];
    for (let s = 1; s < twoHours.length; s += 1)
      twoHours[s]!.forEach((fix, t) => {
        const before = twoHours[s - 1]![t]!;
        if (fix.state === 'working' && before.state === 'working')
          stops.push({
            moved: distanceM([before.lon, before.lat], [fix.lon, fix.lat]),
            speed: fix.speedMps!,
          });
      });
    expect(stops.length).toBeGreaterThan(0);
    expect(stops.filter((stop) => stop.moved !== 0 || stop.speed !== 0)).toEqual([]);
  });

  it('produces only items the server accepts', () => {
    const reasons = allFixes.flatMap((fix) => {
      const result = validateTelemetry(fix, fix.time as number);
      return result.ok ? [] : [`${fix.equipmentId}: ${result.reason}`];
    });
    expect(reasons).toEqual([]);
  });

  it('does not move anything on a zero-length step', () => {
    const fleet = new TruckFleet(GRAPH, createRng(3), 4);
    fleet.step(1);
    const before = fleet.telemetry(T0);
    fleet.step(0);
    expect(fleet.telemetry(T0)).toEqual(before);
  });

  it('starts every truck at rest on a node', () => {
    const fleet = new TruckFleet(GRAPH, createRng(9), 6);
    const nodes = new Set(GRAPH.nodes.map(([lon, lat]) => `${lon},${lat}`));
    for (const fix of fleet.telemetry(T0)) {
      expect(fix.speedMps).toBe(0);
      expect(nodes.has(`${fix.lon},${fix.lat}`)).toBe(true);
    }
  });
});

describe('headings near north', () => {
  it('reports a bearing that rounds to 360 as 0, which the server accepts', () => {
    const model = {
      type: 'FeatureCollection' as const,
      properties: {
        portId: 'P',
        name: 'P',
        timeZone: 'UTC',
        center: [122, 30] as [number, number],
      },
      features: [
        {
          type: 'Feature' as const,
          geometry: {
            type: 'LineString' as const,
            coordinates: [
              [122, 30],
              [121.99999, 30.01],
            ] as [number, number][],
          },
          properties: { id: 'r', kind: 'road' as const, roadKind: 'yard_lane' as const },
        },
      ],
    };
    const fleet = new TruckFleet(buildRoadGraph(model), createRng(1), 3);
    fleet.step(1);
    for (const item of fleet.telemetry(Date.now())) {
      expect(item.headingDeg).toBeGreaterThanOrEqual(0);
      expect(item.headingDeg).toBeLessThan(360);
      expect(validateTelemetry(item, Date.now()).ok).toBe(true);
    }
  });
});
