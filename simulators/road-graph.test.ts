import { describe, expect, it } from 'vitest';
import type { PortFeature, PortModel } from '../protocol/port-model.ts';
import { buildDemoPort } from '../server/port-model/demo-port.ts';
import { distance, localProjection, type XY } from './geometry/planar.ts';
import { RoadGraph, type Route } from './road-graph.ts';

const line = (
  id: string,
  coordinates: [number, number][],
  kind: 'road' | 'gate_lane' = 'road',
): PortFeature =>
  kind === 'road'
    ? {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates },
        properties: { id, kind: 'road', roadKind: 'yard_lane' },
      }
    : {
        type: 'Feature',
        geometry: { type: 'LineString', coordinates },
        properties: { id, kind: 'gate_lane', gateId: 'g', direction: 'in' },
      };

const modelOf = (features: PortFeature[]): PortModel => ({
  type: 'FeatureCollection',
  properties: { portId: 'TEST', name: 'test', timeZone: 'UTC', center: [122, 30] },
  features,
});
const graphOf = (features: PortFeature[]) =>
  RoadGraph.fromModel(modelOf(features), localProjection([122, 30]));

function reachableFrom(graph: RoadGraph, start: number, ignoringDirection = false): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    const next = graph.edges
      .filter((e) => e.from === node || (ignoringDirection && e.to === node))
      .map((e) => (e.from === node ? e.to : e.from));
    for (const n of next)
      if (!seen.has(n)) {
        seen.add(n);
        queue.push(n);
      }
  }
  return seen;
}

/** The legs of a route join up end to end. */
function expectContinuous(graph: RoadGraph, route: Route) {
  for (let i = 1; i < route.legs.length; i += 1) {
    const before = route.legs[i - 1]!;
    const after = route.legs[i]!;
    const end = graph.pointAt({ edge: before.edge, offset: before.to });
    const start = graph.pointAt({ edge: after.edge, offset: after.from });
    expect(distance(end, start)).toBeLessThan(1e-6);
  }
}

describe('RoadGraph on the demo port', () => {
  const model = buildDemoPort();
  const projection = localProjection(model.properties.center);
  const graph = RoadGraph.fromModel(model, projection);
  const lanes = new Set(
    model.features
      .filter((f) => f.properties.kind === 'gate_lane' || f.properties.kind === 'inspection_lane')
      .map((f) => f.properties.id),
  );
  const at = (lon: number, lat: number) => graph.nearestPoint(projection.toXY([lon, lat]));
  const featurePoint = (id: string, fraction = 0.5) => {
    const feature = model.features.find((f) => f.properties.id === id)!;
    const [a, b] = (feature.geometry.coordinates as [number, number][]).map((c) =>
      projection.toXY(c),
    );
    const p: XY = [a![0] + (b![0] - a![0]) * fraction, a![1] + (b![1] - a![1]) * fraction];
    return graph.nearestPoint(p, (e) => e.featureId === id);
  };

  it('has a node at every crossing of the yard grid (9 lines × 11 cross roads) and more', () => {
    expect(graph.nodes.length).toBeGreaterThanOrEqual(99);
  });

  it('reaches every node from every other, one way or another', () => {
    expect(reachableFrom(graph, 0, true).size).toBe(graph.nodes.length);
    expect(reachableFrom(graph, 0).size).toBe(graph.nodes.length);
  });

  it('makes roads two-way and lanes one-way', () => {
    for (const edge of graph.edges) {
      const back = graph.edges.some((e) => e.from === edge.to && e.to === edge.from);
      expect(back, edge.featureId).toBe(!lanes.has(edge.featureId));
    }
  });

  it('routes between yard points on roads only, never through a lane', () => {
    const points = [
      at(122.0325, 30.6152),
      at(122.045, 30.6195),
      at(122.035, 30.6205),
      at(122.0505, 30.6163),
    ];
    for (const a of points)
      for (const b of points) {
        const route = graph.route(a, b);
        expectContinuous(graph, route);
        expect(route.legs.some((l) => lanes.has(graph.edges[l.edge]!.featureId))).toBe(false);
        const crow = distance(graph.pointAt(a), graph.pointAt(b));
        expect(route.length).toBeGreaterThanOrEqual(crow - 1e-6);
        expect(route.length).toBeLessThanOrEqual(crow * 1.5 + 1e-6);
      }
  });

  it('enters a gate lane at its start and leaves it at its end', () => {
    const farEnd = featurePoint('public-road', 1);
    const booth = featurePoint('T1-gate-in-03');
    const inbound = graph.route(farEnd, booth);
    expectContinuous(graph, inbound);
    expect(graph.edges[inbound.legs.at(-1)!.edge]!.featureId).toBe('T1-gate-in-03');
    const block = featurePoint('T1-road-yard-3');
    const onward = graph.route(booth, block);
    expect(graph.edges[onward.legs[0]!.edge]!.featureId).toBe('T1-gate-in-03');
    expect(onward.legs.slice(1).some((l) => lanes.has(graph.edges[l.edge]!.featureId))).toBe(false);
    const outbound = graph.route(block, featurePoint('T1-gate-out-02'));
    expect(
      outbound.legs.filter((l) => lanes.has(graph.edges[l.edge]!.featureId)).length,
    ).toBeGreaterThan(0);
    expect(
      outbound.legs.every(
        (l) =>
          !lanes.has(graph.edges[l.edge]!.featureId) ||
          graph.edges[l.edge]!.featureId === 'T1-gate-out-02',
      ),
    ).toBe(true);
  });

  it('gives a point at any distance along a route, ending at its end', () => {
    const route = graph.route(at(122.0325, 30.6152), at(122.045, 30.6195));
    const points = graph.routePoints(route);
    expect(distance(graph.pointAt(graph.pointAlong(route, 0)), points[0]!)).toBeLessThan(1e-6);
    expect(distance(graph.pointAt(graph.pointAlong(route, 1e9)), points.at(-1)!)).toBeLessThan(
      1e-6,
    );
    const half = graph.pointAt(graph.pointAlong(route, route.length / 2));
    expect(distance(half, points[0]!)).toBeLessThanOrEqual(route.length / 2 + 1e-6);
  });
});

describe('RoadGraph on small models', () => {
  it('joins two lines at a shared vertex', () => {
    const graph = graphOf([
      line('ew', [
        [122.0, 30.0],
        [122.001, 30.0],
        [122.002, 30.0],
      ]),
      line('ns', [
        [122.001, 29.999],
        [122.001, 30.0],
        [122.001, 30.001],
      ]),
    ]);
    expect(graph.nodes).toHaveLength(5);
    expect(graph.out[1]!.map((e) => graph.edges[e]!.to).sort()).toEqual([0, 2, 3, 4]);
    expect(reachableFrom(graph, 0).size).toBe(5);
  });

  it('treats vertices equal to the centimetre as the same node', () => {
    const graph = graphOf([
      line('a', [
        [122.0, 30.0],
        [122.001, 30.0],
      ]),
      line('b', [
        [122.00100000001, 30.0],
        [122.001, 30.001],
      ]),
    ]);
    expect(graph.nodes).toHaveLength(3);
  });

  it('keeps lines that share no vertex apart, and finds no route between them', () => {
    const graph = graphOf([
      line('a', [
        [122.0, 30.0],
        [122.001, 30.0],
      ]),
      line('b', [
        [122.0, 30.01],
        [122.001, 30.01],
      ]),
    ]);
    expect(reachableFrom(graph, 0)).toEqual(new Set([0, 1]));
    expect(() => graph.route({ edge: 0, offset: 1 }, { edge: 2, offset: 1 })).toThrow(
      'no route from edge 0 to edge 2',
    );
  });

  it('skips a repeated vertex instead of making a zero-length edge', () => {
    const graph = graphOf([
      line('a', [
        [122.0, 30.0],
        [122.0, 30.0],
        [122.001, 30.0],
      ]),
    ]);
    expect(graph.edges.map((e) => [e.from, e.to])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('ignores features that are not roads or lanes', () => {
    const quay: PortFeature = {
      type: 'Feature',
      geometry: {
        type: 'LineString',
        coordinates: [
          [121, 29],
          [121.1, 29],
        ],
      },
      properties: { id: 'q', kind: 'quay', terminalId: 'T1' },
    };
    const graph = graphOf([
      quay,
      line('a', [
        [122.0, 30.0],
        [122.001, 30.0],
      ]),
    ]);
    expect(graph.nodes).toHaveLength(2);
  });

  it('drives straight along one road edge, either way', () => {
    const graph = graphOf([
      line('a', [
        [122.0, 30.0],
        [122.001, 30.0],
      ]),
    ]);
    const forward = graph.route({ edge: 0, offset: 10 }, { edge: 0, offset: 50 });
    expect(forward.length).toBeCloseTo(40, 9);
    const back = graph.route({ edge: 0, offset: 50 }, { edge: 0, offset: 10 });
    expect(back.length).toBeCloseTo(40, 9);
    expect(graph.routePoints(back)[0]).toEqual(graph.pointAt({ edge: 0, offset: 50 }));
  });

  it('never drives a one-way lane backwards', () => {
    const graph = graphOf([
      line(
        'lane',
        [
          [122.0, 30.0],
          [122.001, 30.0],
        ],
        'gate_lane',
      ),
    ]);
    expect(() => graph.route({ edge: 0, offset: 50 }, { edge: 0, offset: 10 })).toThrow();
    expect(graph.route({ edge: 0, offset: 10 }, { edge: 0, offset: 50 }).length).toBeCloseTo(40, 9);
  });

  it('refuses a model without roads', () => {
    expect(() => graphOf([])).toThrow('the port model has no road network to drive on');
  });
});
