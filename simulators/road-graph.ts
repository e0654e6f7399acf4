// The port model's roads as a directed graph in the local frame: every vertex of a road
// line is a node, shared vertices join lines; roads are two-way, gate and inspection
// lanes one-way in the direction their coordinates run. Vehicles start and stop at
// points along edges (under a crane, beside a bay), so routes run from a point on an
// edge to a point on an edge, by the shortest path.
import type { PortModel, ROAD_KINDS } from '../protocol/port-model.ts';
import { distance, lerp, nearestOnSegment, type Projection, type XY } from './geometry/planar.ts';

export interface RoadEdge {
  from: number;
  to: number;
  length: number;
  featureId: string;
  /** The road's roadKind, or the lane's feature kind. */
  use: RoadUse;
}

export type RoadUse = RoadKind | 'gate_lane' | 'inspection_lane';

/** A place on the road network: `offset` metres along edge `edge` from its start. */
export interface RoadPoint {
  edge: number;
  offset: number;
}

/** One stretch of a route: along `edge` from offset `from` to offset `to`. */
export interface RouteLeg {
  edge: number;
  from: number;
  to: number;
}

export interface Route {
  legs: RouteLeg[];
  length: number;
}

type RoadKind = (typeof ROAD_KINDS)[number];
const key = (p: XY) => `${p[0].toFixed(2)},${p[1].toFixed(2)}`;

interface ShortestPaths {
  dist: Float64Array;
  previousEdge: Int32Array;
}

export class RoadGraph {
  readonly nodes: XY[] = [];
  readonly edges: RoadEdge[] = [];
  /** out[i]: the edges leaving node i. */
  readonly out: number[][] = [];
  private readonly index = new Map<string, number>();
  private readonly reverse = new Map<number, number>();
  private readonly shortest = new Map<number, ShortestPaths>();
  private readonly junctions = new Map<number, boolean>();

  static fromModel(model: PortModel, projection: Projection): RoadGraph {
    const graph = new RoadGraph();
    for (const feature of model.features) {
      const props = feature.properties;
      if (feature.geometry.type !== 'LineString') continue;
      const use: RoadUse | undefined =
        props.kind === 'road'
          ? props.roadKind
          : props.kind === 'gate_lane' || props.kind === 'inspection_lane'
            ? props.kind
            : undefined;
      if (use === undefined) continue;
      const ids = feature.geometry.coordinates.map((c) =>
        graph.nodeOf(projection.toXY([c[0], c[1]])),
      );
      for (let i = 1; i < ids.length; i += 1) {
        graph.addEdge(ids[i - 1]!, ids[i]!, props.id, use);
        if (props.kind === 'road') graph.addEdge(ids[i]!, ids[i - 1]!, props.id, use);
      }
    }
    if (graph.edges.length === 0) throw new Error('the port model has no road network to drive on');
    return graph;
  }

  private nodeOf(p: XY): number {
    const k = key(p);
    let i = this.index.get(k);
    if (i === undefined) {
      i = this.nodes.length;
      this.index.set(k, i);
      this.nodes.push(p);
      this.out.push([]);
    }
    return i;
  }

  private addEdge(from: number, to: number, featureId: string, use: RoadUse): void {
    if (from === to || this.out[from]!.some((e) => this.edges[e]!.to === to)) return;
    const edge = this.edges.length;
    this.edges.push({
      from,
      to,
      length: distance(this.nodes[from]!, this.nodes[to]!),
      featureId,
      use,
    });
    this.out[from]!.push(edge);
    const back = this.out[to]!.find((e) => this.edges[e]!.to === from);
    if (back !== undefined) {
      this.reverse.set(edge, back);
      this.reverse.set(back, edge);
    }
  }

  /** Whether a node joins three roads or more (traffic crosses there). */
  isJunction(node: number): boolean {
    let junction = this.junctions.get(node);
    if (junction === undefined) {
      const around = new Set<number>();
      for (const e of this.edges) {
        if (e.from === node) around.add(e.to);
        if (e.to === node) around.add(e.from);
      }
      junction = around.size >= 3;
      this.junctions.set(node, junction);
    }
    return junction;
  }

  /** The node at a vertex of the road lines, if there is one. */
  nodeAt(p: XY): number | undefined {
    return this.index.get(key(p));
  }

  pointAt({ edge, offset }: RoadPoint): XY {
    const e = this.edges[edge]!;
    return lerp(this.nodes[e.from]!, this.nodes[e.to]!, e.length === 0 ? 0 : offset / e.length);
  }

  /** The nearest point of the network to p, among the edges `accept` allows. */
  nearestPoint(p: XY, accept: (edge: RoadEdge) => boolean = () => true): RoadPoint {
    let best: { point: RoadPoint; d: number } | undefined;
    this.edges.forEach((e, edge) => {
      if (!accept(e)) return;
      const near = nearestOnSegment(p, this.nodes[e.from]!, this.nodes[e.to]!);
      const d = distance(p, near.point);
      if (!best || d < best.d - 1e-9) best = { point: { edge, offset: near.t * e.length }, d };
    });
    if (!best) throw new Error('no road edge to stand on');
    return best.point;
  }

  /** The shortest route from one point of the network to another; throws when there is none. */
  route(from: RoadPoint, to: RoadPoint): Route {
    const a = this.edges[from.edge]!;
    const b = this.edges[to.edge]!;
    const candidates: Route[] = [];
    const direct = this.directRoute(from, to);
    if (direct) candidates.push(direct);
    const exits: { node: number; leg: RouteLeg }[] = [
      { node: a.to, leg: { edge: from.edge, from: from.offset, to: a.length } },
    ];
    const back = this.reverse.get(from.edge);
    if (back !== undefined)
      exits.push({ node: a.from, leg: { edge: back, from: a.length - from.offset, to: a.length } });
    const entries: { node: number; leg: RouteLeg }[] = [
      { node: b.from, leg: { edge: to.edge, from: 0, to: to.offset } },
    ];
    const backTo = this.reverse.get(to.edge);
    if (backTo !== undefined)
      entries.push({ node: b.to, leg: { edge: backTo, from: 0, to: b.length - to.offset } });
    for (const exit of exits) {
      const paths = this.shortestFrom(exit.node);
      for (const entry of entries) {
        const middle = paths.dist[entry.node]!;
        if (!Number.isFinite(middle)) continue;
        const legs = [exit.leg, ...this.edgesBetween(paths, entry.node), entry.leg];
        candidates.push({
          legs,
          length: legs.reduce((sum, l) => sum + Math.abs(l.to - l.from), 0),
        });
      }
    }
    if (candidates.length === 0)
      throw new Error(`no route from edge ${from.edge} to edge ${to.edge}`);
    const best = candidates.reduce((x, y) => (y.length < x.length - 1e-9 ? y : x));
    return { legs: best.legs.filter((l) => Math.abs(l.to - l.from) > 1e-9), length: best.length };
  }

  /** Both points on one segment, the second reachable along it without leaving it. */
  private directRoute(from: RoadPoint, to: RoadPoint): Route | undefined {
    const sameWay = from.edge === to.edge ? to.offset : undefined;
    const reverse = this.reverse.get(from.edge);
    const oppositeWay = reverse === to.edge ? this.edges[to.edge]!.length - to.offset : undefined;
    const target = sameWay ?? oppositeWay;
    if (target === undefined) return undefined;
    if (target >= from.offset)
      return {
        legs: [{ edge: from.edge, from: from.offset, to: target }],
        length: target - from.offset,
      };
    if (reverse === undefined) return undefined;
    const L = this.edges[from.edge]!.length;
    return {
      legs: [{ edge: reverse, from: L - from.offset, to: L - target }],
      length: from.offset - target,
    };
  }

  private edgesBetween(paths: ShortestPaths, target: number): RouteLeg[] {
    const legs: RouteLeg[] = [];
    for (let node = target; paths.previousEdge[node]! >= 0;) {
      const edge = paths.previousEdge[node]!;
      legs.push({ edge, from: 0, to: this.edges[edge]!.length });
      node = this.edges[edge]!.from;
    }
    return legs.reverse();
  }

  /** Dijkstra from one node, kept: the network is small and routes repeat. */
  private shortestFrom(source: number): ShortestPaths {
    const cached = this.shortest.get(source);
    if (cached) return cached;
    const n = this.nodes.length;
    const dist = new Float64Array(n).fill(Infinity);
    const previousEdge = new Int32Array(n).fill(-1);
    const done = new Uint8Array(n);
    dist[source] = 0;
    for (;;) {
      let u = -1;
      for (let i = 0; i < n; i += 1)
        if (!done[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
      if (u < 0) break;
      done[u] = 1;
      for (const edge of this.out[u]!) {
        const { to, length } = this.edges[edge]!;
        if (dist[u]! + length < dist[to]! - 1e-9) {
          dist[to] = dist[u]! + length;
          previousEdge[to] = edge;
        }
      }
    }
    const paths = { dist, previousEdge };
    this.shortest.set(source, paths);
    return paths;
  }

  /** The polyline a route draws, from its start to its end. */
  routePoints(route: Route): XY[] {
    const points: XY[] = [];
    for (const leg of route.legs) {
      const start = this.pointAt({ edge: leg.edge, offset: leg.from });
      if (points.length === 0 || distance(points.at(-1)!, start) > 1e-6) points.push(start);
      points.push(this.pointAt({ edge: leg.edge, offset: leg.to }));
    }
    return points;
  }

  /** The point of the network at distance d along a route (clamped to its ends). */
  pointAlong(route: Route, d: number): RoadPoint {
    let remaining = Math.max(0, d);
    for (const leg of route.legs) {
      const span = leg.to - leg.from;
      if (remaining <= span) return { edge: leg.edge, offset: leg.from + remaining };
      remaining -= span;
    }
    const last = route.legs.at(-1)!;
    return { edge: last.edge, offset: last.to };
  }
}
