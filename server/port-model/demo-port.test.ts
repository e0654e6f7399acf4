import { describe, expect, it } from 'vitest';
import type { FeatureOfKind, PortFeature, PortFeatureKind } from '../../protocol/port-model.ts';
import { buildDemoPort } from './demo-port.ts';
import { validatePortModel } from './load-port-model.ts';

const model = buildDemoPort();
const ofKind = <K extends PortFeatureKind>(kind: K) =>
  model.features.filter((f: PortFeature): f is FeatureOfKind<K> => f.properties.kind === kind);

// The demo port's own local frame: 111 320 m per degree of latitude, from the quay's west end.
const [LON0, LAT0] = [122.03, 30.615];
const metresPerDegreeLon = 111_320 * Math.cos((LAT0 * Math.PI) / 180);
const toXY = ([lon, lat]: readonly number[]): [number, number] => [
  (lon! - LON0) * metresPerDegreeLon,
  (lat! - LAT0) * 111_320,
];
const ringXY = (f: { geometry: { coordinates: number[][][] } }) =>
  f.geometry.coordinates[0]!.map(toXY);
const box = (points: [number, number][]) => ({
  x0: Math.min(...points.map((p) => p[0])),
  x1: Math.max(...points.map((p) => p[0])),
  y0: Math.min(...points.map((p) => p[1])),
  y1: Math.max(...points.map((p) => p[1])),
});
const inBox = ([x, y]: [number, number], b: ReturnType<typeof box>) =>
  x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;

/** Every road and lane line, as the road graph sees them. */
const lines = [...ofKind('road'), ...ofKind('gate_lane'), ...ofKind('inspection_lane')].map(
  (f) => ({ id: f.properties.id, points: (f.geometry.coordinates as number[][]).map(toXY) }),
);
const vertexKey = ([x, y]: [number, number]) => `${x.toFixed(2)},${y.toFixed(2)}`;
const vertices = new Set(lines.flatMap((l) => l.points.map(vertexKey)));

function distanceToRoads([px, py]: [number, number]): number {
  let best = Infinity;
  for (const { points } of lines)
    for (let i = 1; i < points.length; i += 1) {
      const [ax, ay] = points[i - 1]!;
      const [bx, by] = points[i]!;
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
      best = Math.min(best, Math.hypot(px - ax - t * dx, py - ay - t * dy));
    }
  return best;
}

describe('buildDemoPort', () => {
  it('passes the port model validation', () => {
    expect(validatePortModel(buildDemoPort(), 'demo')).toEqual(model);
  });

  it('is the same every time it is built', () => {
    expect(buildDemoPort()).toEqual(model);
  });

  it('is one terminal with a gate and an inspection area, in water and on land', () => {
    for (const kind of ['terminal', 'water', 'land', 'quay', 'gate', 'inspection_area'] as const)
      expect(ofKind(kind), kind).toHaveLength(1);
    expect(ofKind('terminal')[0]!.properties.unLocode).toBe('CNSHA');
  });

  it('gives every feature a unique id', () => {
    const ids = model.features.map((f) => f.properties.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('closes every polygon ring', () => {
    for (const feature of model.features) {
      if (feature.geometry.type !== 'Polygon') continue;
      for (const ring of feature.geometry.coordinates)
        expect(ring.at(-1), feature.properties.id).toEqual(ring[0]);
    }
  });

  it('puts its centre inside the land area', () => {
    const land = box(ringXY(ofKind('land')[0]!));
    expect(inBox(toXY(model.properties.center), land)).toBe(true);
  });

  describe('waterside', () => {
    const [start, end] = ofKind('quay')[0]!.geometry.coordinates.map(toXY) as [
      [number, number],
      [number, number],
    ];
    const quayLengthM = Math.hypot(end[0] - start[0], end[1] - start[1]);

    it('has about 2 km of quay facing the water to the south', () => {
      expect(quayLengthM).toBeGreaterThan(1_900);
      expect(quayLengthM).toBeLessThan(2_400);
      expect(start[1]).toBeCloseTo(0, 1);
      expect(end[1]).toBeCloseTo(0, 1);
    });

    it('splits the quay evenly into 6 berths whose lengths add up to the quay', () => {
      const berths = ofKind('berth');
      expect(berths).toHaveLength(6);
      const lengths = berths.map((b) => b.properties.lengthM);
      expect(new Set(lengths).size).toBe(1);
      expect(lengths.reduce((sum, l) => sum + l, 0)).toBeCloseTo(quayLengthM, 1);
      for (const berth of berths) expect(box(ringXY(berth)).y1).toBeCloseTo(0, 1);
    });

    it('has at least 20 quay cranes on the rail, numbered along the quay, 3 or more a berth', () => {
      const cranes = ofKind('sts_crane');
      expect(cranes.length).toBeGreaterThanOrEqual(20);
      const byOrder = [...cranes].sort((a, b) => a.properties.railOrder - b.properties.railOrder);
      const xs = byOrder.map((c) => toXY(c.geometry.coordinates)[0]);
      for (let i = 1; i < xs.length; i += 1) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(30);
      for (const berth of ofKind('berth')) {
        const { x0, x1 } = box(ringXY(berth));
        expect(xs.filter((x) => x > x0 && x < x1).length).toBeGreaterThanOrEqual(3);
      }
      for (const crane of cranes) {
        const [, y] = toXY(crane.geometry.coordinates);
        expect(y).toBeGreaterThan(0);
        expect(y).toBeLessThan(40);
        expect(distanceToRoads(toXY(crane.geometry.coordinates))).toBeLessThan(0.5);
      }
    });

    it('has a channel, a pilot boarding place and an anchorage in the water south of the quay', () => {
      const water = box(ringXY(ofKind('water')[0]!));
      const [channel] = ofKind('channel');
      const channelPoints = (channel!.geometry.coordinates as number[][]).map(toXY);
      const [pbp] = ofKind('pilot_boarding_place').map((f) => toXY(f.geometry.coordinates));
      const anchorage = ringXY(ofKind('anchorage')[0]!);
      for (const point of [...channelPoints, pbp!, ...anchorage]) {
        expect(inBox(point, water)).toBe(true);
        expect(point[1]).toBeLessThan(-500);
      }
      // The channel runs from the sea towards the quay, and passes the pilot boarding place.
      expect(channelPoints[0]![1]).toBeLessThan(channelPoints.at(-1)![1]);
      expect(
        Math.min(...channelPoints.map((p) => Math.hypot(p[0] - pbp![0], p[1] - pbp![1]))),
      ).toBeLessThan(1_000);
    });
  });

  describe('yard', () => {
    const blocks = ofKind('yard_block');

    it('has at least 50 blocks of every kind', () => {
      expect(blocks.length).toBeGreaterThanOrEqual(50);
      expect(new Set(blocks.map((b) => b.properties.blockKind))).toEqual(
        new Set(['import', 'export', 'reefer', 'empty', 'dangerous']),
      );
    });

    it('gives every yard block a capacity of bays × rows × tiers', () => {
      for (const block of blocks) {
        const { bays, rows, tiers, capacityTeu } = block.properties;
        expect(capacityTeu, block.properties.id).toBe(bays * rows * tiers);
      }
    });

    it('has a lane along both long sides of every block', () => {
      for (const block of blocks) {
        const { x0, x1, y0, y1 } = box(ringXY(block));
        for (const x of [x0 + 10, (x0 + x1) / 2, x1 - 10]) {
          expect(distanceToRoads([x, y0 - 20]), block.properties.id).toBeLessThan(10);
          expect(distanceToRoads([x, y1 + 20]), block.properties.id).toBeLessThan(10);
        }
      }
    });
  });

  describe('landside', () => {
    it('has a gate with at least 10 lanes, in and out', () => {
      const lanes = ofKind('gate_lane');
      expect(lanes.length).toBeGreaterThanOrEqual(10);
      expect(lanes.filter((l) => l.properties.direction === 'in').length).toBeGreaterThan(4);
      expect(lanes.filter((l) => l.properties.direction === 'out').length).toBeGreaterThan(3);
      const gate = box(ringXY(ofKind('gate')[0]!));
      for (const lane of lanes)
        for (const point of (lane.geometry.coordinates as number[][]).map(toXY))
          expect(inBox(point, gate), lane.properties.id).toBe(true);
    });

    it('runs in-lanes into the terminal and out-lanes away from it', () => {
      for (const lane of ofKind('gate_lane')) {
        const points = (lane.geometry.coordinates as number[][]).map(toXY);
        const northwards = points.at(-1)![1] > points[0]![1];
        expect(northwards, lane.properties.id).toBe(lane.properties.direction === 'out');
      }
    });

    it('has an inspection area with at least 4 lanes, scanners and examination bays', () => {
      const lanes = ofKind('inspection_lane');
      expect(lanes.length).toBeGreaterThanOrEqual(4);
      expect(new Set(lanes.map((l) => l.properties.method))).toEqual(new Set(['scan', 'manual']));
      const area = box(ringXY(ofKind('inspection_area')[0]!));
      for (const lane of lanes)
        for (const point of lane.geometry.coordinates.map(toXY))
          expect(inBox(point, area), lane.properties.id).toBe(true);
    });

    it('has a public road leading away from the gate', () => {
      const roads = ofKind('road').filter((r) => r.properties.roadKind === 'public_road');
      expect(roads).toHaveLength(1);
      const far = roads[0]!.geometry.coordinates.map(toXY).at(-1)!;
      expect(far[1]).toBeGreaterThan(2_000);
    });
  });

  describe('road network', () => {
    it('joins every road and lane into one network', () => {
      const neighbours = new Map<string, Set<string>>();
      for (const { points } of lines)
        for (let i = 1; i < points.length; i += 1) {
          const a = vertexKey(points[i - 1]!);
          const b = vertexKey(points[i]!);
          if (!neighbours.has(a)) neighbours.set(a, new Set());
          if (!neighbours.has(b)) neighbours.set(b, new Set());
          neighbours.get(a)!.add(b);
          neighbours.get(b)!.add(a);
        }
      const [first] = neighbours.keys();
      const seen = new Set([first!]);
      const queue = [first!];
      while (queue.length > 0)
        for (const next of neighbours.get(queue.shift()!)!)
          if (!seen.has(next)) {
            seen.add(next);
            queue.push(next);
          }
      expect(seen.size).toBe(vertices.size);
    });

    it('starts and ends every lane on a vertex of a road', () => {
      const roadIds = new Set(ofKind('road').map((r) => r.properties.id));
      const roadVertices = new Set(
        lines.filter((l) => roadIds.has(l.id)).flatMap((l) => l.points.map(vertexKey)),
      );
      for (const lane of lines.filter((l) => !roadIds.has(l.id))) {
        expect(roadVertices.has(vertexKey(lane.points[0]!)), lane.id).toBe(true);
        expect(roadVertices.has(vertexKey(lane.points.at(-1)!)), lane.id).toBe(true);
      }
    });

    it('crosses lines only at shared vertices', () => {
      const segments = lines.flatMap((l) =>
        l.points.slice(1).map((b, i) => ({ id: l.id, a: l.points[i]!, b })),
      );
      const crossings: string[] = [];
      for (let i = 0; i < segments.length; i += 1)
        for (let j = i + 1; j < segments.length; j += 1) {
          const s = segments[i]!;
          const t = segments[j]!;
          const d1 = [t.a[0] - s.a[0], t.a[1] - s.a[1]];
          const r = [s.b[0] - s.a[0], s.b[1] - s.a[1]];
          const q = [t.b[0] - t.a[0], t.b[1] - t.a[1]];
          const denominator = r[0]! * q[1]! - r[1]! * q[0]!;
          if (Math.abs(denominator) < 1e-9) continue;
          const u = (d1[0]! * q[1]! - d1[1]! * q[0]!) / denominator;
          const v = (d1[0]! * r[1]! - d1[1]! * r[0]!) / denominator;
          const inside = (w: number) => w > 1e-6 && w < 1 - 1e-6;
          if (inside(u) && inside(v)) crossings.push(`${s.id} × ${t.id}`);
        }
      expect(crossings).toEqual([]);
    });
  });
});
