import { describe, expect, it } from 'vitest';
import type { PortFeature, PortModel } from '../protocol/port-model.ts';
import { buildDemoPort } from '../server/port-model/demo-port.ts';
import { buildRoadGraph, type RoadGraph } from './road-graph.ts';

const road = (id: string, coordinates: [number, number][]): PortFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates },
  properties: { id, kind: 'road', roadKind: 'yard_lane' },
});

const modelOf = (features: PortFeature[]): PortModel => ({
  type: 'FeatureCollection',
  properties: { portId: 'TEST', name: 'test', timeZone: 'UTC', center: [122, 30] },
  features,
});

function reachableFrom(graph: RoadGraph, start: number): Set<number> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length > 0)
    for (const next of graph.neighbours[queue.shift()!]!)
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

describe('buildRoadGraph on the demo port', () => {
  const graph = buildRoadGraph(buildDemoPort());

  it('has one node per road crossing (7 lanes × 11 cross roads)', () => {
    expect(graph.nodes).toHaveLength(77);
    expect(graph.neighbours).toHaveLength(77);
  });

  it('reaches every node from node 0', () => {
    expect(reachableFrom(graph, 0).size).toBe(graph.nodes.length);
  });

  it('has two-way edges, no loops and no repeated neighbours', () => {
    graph.neighbours.forEach((list, a) => {
      expect(new Set(list).size).toBe(list.length);
      expect(list).not.toContain(a);
      for (const b of list) expect(graph.neighbours[b]).toContain(a);
    });
  });

  it('has 136 edges (70 along the lanes, 66 across)', () => {
    const ends = graph.neighbours.reduce((sum, list) => sum + list.length, 0);
    expect(ends / 2).toBe(136);
  });

  it('gives every node a degree between 2 (corner) and 4 (crossing)', () => {
    for (const list of graph.neighbours) {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(4);
    }
  });
});

describe('buildRoadGraph on small models', () => {
  it('joins two lines at a shared vertex', () => {
    const graph = buildRoadGraph(
      modelOf([
        road('ew', [
          [122.0, 30.0],
          [122.001, 30.0],
          [122.002, 30.0],
        ]),
        road('ns', [
          [122.001, 29.999],
          [122.001, 30.0],
          [122.001, 30.001],
        ]),
      ]),
    );
    expect(graph.nodes).toHaveLength(5);
    expect(graph.nodes[1]).toEqual([122.001, 30.0]);
    expect([...graph.neighbours[1]!].sort()).toEqual([0, 2, 3, 4]);
    expect(reachableFrom(graph, 0).size).toBe(5);
  });

  it('treats vertices equal to 7 decimals as the same node', () => {
    const graph = buildRoadGraph(
      modelOf([
        road('a', [
          [122.0, 30.0],
          [122.001, 30.0],
        ]),
        road('b', [
          [122.00100000001, 30.0],
          [122.001, 30.001],
        ]),
      ]),
    );
    expect(graph.nodes).toHaveLength(3);
  });

  it('keeps lines that share no vertex apart', () => {
    const graph = buildRoadGraph(
      modelOf([
        road('a', [
          [122.0, 30.0],
          [122.001, 30.0],
        ]),
        road('b', [
          [122.0, 30.01],
          [122.001, 30.01],
        ]),
      ]),
    );
    expect(reachableFrom(graph, 0)).toEqual(new Set([0, 1]));
  });

  it('skips a repeated vertex instead of making a zero-length edge', () => {
    const graph = buildRoadGraph(
      modelOf([
        road('a', [
          [122.0, 30.0],
          [122.0, 30.0],
          [122.001, 30.0],
        ]),
      ]),
    );
    expect(graph.neighbours).toEqual([[1], [0]]);
  });

  it('ignores features that are not roads', () => {
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
    const graph = buildRoadGraph(
      modelOf([
        quay,
        road('a', [
          [122.0, 30.0],
          [122.001, 30.0],
        ]),
      ]),
    );
    expect(graph.nodes).toEqual([
      [122.0, 30.0],
      [122.001, 30.0],
    ]);
  });

  it('refuses a model without roads', () => {
    expect(() => buildRoadGraph(modelOf([]))).toThrow(
      'the port model has no road network to drive on',
    );
  });
});
