// The port model's roads as a graph: every vertex of a road line is a node, shared
// vertices join lines, consecutive vertices are two-way edges.
import type { PortModel } from '../protocol/port-model.ts';
import { distanceM, type LonLat } from './geo.ts';

export interface RoadGraph {
  nodes: LonLat[];
  /** neighbours[i]: the nodes reachable from node i in one edge. */
  neighbours: number[][];
}

const key = (p: LonLat) => `${p[0].toFixed(7)},${p[1].toFixed(7)}`;

export function buildRoadGraph(model: PortModel): RoadGraph {
  const index = new Map<string, number>();
  const nodes: LonLat[] = [];
  const neighbours: number[][] = [];
  const nodeOf = (p: LonLat) => {
    const k = key(p);
    let i = index.get(k);
    if (i === undefined) {
      i = nodes.length;
      index.set(k, i);
      nodes.push([p[0], p[1]]);
      neighbours.push([]);
    }
    return i;
  };
  for (const feature of model.features) {
    if (feature.properties.kind !== 'road' || feature.geometry.type !== 'LineString') continue;
    const ids = feature.geometry.coordinates.map((c) => nodeOf([c[0], c[1]]));
    for (let i = 1; i < ids.length; i += 1) {
      const a = ids[i - 1]!;
      const b = ids[i]!;
      if (a === b || distanceM(nodes[a]!, nodes[b]!) === 0) continue;
      if (!neighbours[a]!.includes(b)) neighbours[a]!.push(b);
      if (!neighbours[b]!.includes(a)) neighbours[b]!.push(a);
    }
  }
  if (nodes.length < 2) throw new Error('the port model has no road network to drive on');
  return { nodes, neighbours };
}
