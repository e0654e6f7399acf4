// The simulator's reading of a port model: the places where things happen, in the local
// frame, with the road points vehicles stop at. Everything is derived from the model's
// geometry and references, so any valid PORT_MODEL with these parts can be simulated.
import type { FeatureOfKind, PortFeatureKind, PortModel } from '../../protocol/port-model.ts';
import type { LonLat } from '../geo.ts';
import {
  add,
  centroid,
  distance,
  dot,
  localProjection,
  scale,
  sub,
  unit,
  type Projection,
  type XY,
} from '../geometry/planar.ts';
import { RoadGraph, type RoadPoint } from '../road-graph.ts';
import { readWaterside, type Waterside } from './waterside.ts';

export type BlockKind = FeatureOfKind<'yard_block'>['properties']['blockKind'];

export interface CraneSite {
  id: string;
  railOrder: number;
  /** Distance along the quay line where it is parked. */
  parkedAlongM: number;
  outreachM: number;
}

export interface BerthSite {
  id: string;
  lengthM: number;
  depthM: number;
  /** Its stretch of the quay line, as distances along it. */
  fromM: number;
  toM: number;
  cranes: CraneSite[];
}

export interface BlockSite {
  id: string;
  kind: BlockKind;
  bays: number;
  rows: number;
  tiers: number;
  /** Corner of bay 0 on the waterside edge; bays run along `axis`, rows along `inland`. */
  origin: XY;
  axis: XY;
  inland: XY;
  lengthM: number;
  depthM: number;
}

export interface LaneSite {
  id: string;
  /** Where a vehicle stops to be served: the booth, the scanner, the examination bay. */
  stop: RoadPoint;
}
export interface GateLaneSite extends LaneSite {
  gateId: string;
  direction: 'in' | 'out';
  ocr: boolean;
}
export interface InspectionLaneSite extends LaneSite {
  method: 'scan' | 'manual';
  capacityPerHour: number;
}

export interface PortLayout {
  model: PortModel;
  projection: Projection;
  roads: RoadGraph;
  quay: { start: XY; direction: XY; waterNormal: XY; lengthM: number; railOffsetM: number };
  berths: BerthSite[];
  blocks: BlockSite[];
  gateLanes: GateLaneSite[];
  inspectionLanes: InspectionLaneSite[];
  waterside: Waterside;
  /** Where hauliers' trucks come from and go back to, on the public road. */
  hinterland: RoadPoint;
  /** A point on the quay apron, the start of routes that stand for "from the yard". */
  apron: RoadPoint;
}

export class PortLayoutError extends Error {}

const featuresOf = <K extends PortFeatureKind>(model: PortModel, kind: K) =>
  model.features.filter((f): f is FeatureOfKind<K> => f.properties.kind === kind);

export function readPortLayout(model: PortModel): PortLayout {
  const projection = localProjection(model.properties.center);
  const xy = (p: readonly number[]) => projection.toXY([p[0]!, p[1]!] as LonLat);
  const roads = RoadGraph.fromModel(model, projection);
  const isRoad = (featureIds: Set<string>) => (e: { featureId: string }) =>
    featureIds.has(e.featureId);
  const roadIds = new Set(featuresOf(model, 'road').map((f) => f.properties.id));
  const onRoads = isRoad(roadIds);

  const [quayFeature] = featuresOf(model, 'quay');
  if (!quayFeature) throw new PortLayoutError('the port model has no quay');
  const quayPoints = quayFeature.geometry.coordinates.map(xy);
  const quayStart = quayPoints[0]!;
  const quayDirection = unit(sub(quayPoints.at(-1)!, quayStart));
  const along = (p: XY) => dot(sub(p, quayStart), quayDirection);
  const berthFeatures = featuresOf(model, 'berth');
  if (berthFeatures.length === 0) throw new PortLayoutError('the port model has no berths');
  const waterSide = sub(centroid(berthFeatures[0]!.geometry.coordinates[0]!.map(xy)), quayStart);
  const leftNormal: XY = [-quayDirection[1], quayDirection[0]];
  const waterNormal = dot(waterSide, leftNormal) > 0 ? leftNormal : scale(leftNormal, -1);

  const cranes = featuresOf(model, 'sts_crane').map((f) => ({
    id: f.properties.id,
    xy: xy(f.geometry.coordinates),
    p: f.properties,
  }));
  const berths: BerthSite[] = berthFeatures
    .map((f) => {
      const extent = f.geometry.coordinates[0]!.map((p) => along(xy(p)));
      const fromM = Math.min(...extent);
      const toM = Math.max(...extent);
      return {
        id: f.properties.id,
        lengthM: f.properties.lengthM,
        depthM: f.properties.depthM,
        fromM,
        toM,
        cranes: cranes
          .filter((c) => along(c.xy) >= fromM && along(c.xy) < toM)
          .map((c) => ({
            id: c.id,
            railOrder: c.p.railOrder,
            parkedAlongM: along(c.xy),
            outreachM: c.p.outreachM,
          }))
          .sort((a, b) => a.railOrder - b.railOrder),
      };
    })
    .sort((a, b) => a.fromM - b.fromM);
  if (berths.every((b) => b.cranes.length === 0))
    throw new PortLayoutError('the port model has no quay cranes at its berths');
  const railOffsetM = cranes.length > 0 ? -dot(sub(cranes[0]!.xy, quayStart), waterNormal) : 0;

  const blocks = featuresOf(model, 'yard_block').map((f) => readBlock(f, xy, waterNormal));
  if (blocks.length === 0) throw new PortLayoutError('the port model has no yard blocks');

  const laneStop = (id: string, points: XY[]) =>
    roads.nodeAt(points[0]!) !== undefined
      ? roads.nearestPoint(midpoint(points), (e) => e.featureId === id)
      : roads.nearestPoint(centroid(points), onRoads); // a lane drawn as an area
  const gateLanes: GateLaneSite[] = featuresOf(model, 'gate_lane').map((f) => ({
    id: f.properties.id,
    gateId: f.properties.gateId,
    direction: f.properties.direction,
    ocr: f.properties.ocr ?? false,
    stop: laneStop(
      f.properties.id,
      f.geometry.type === 'LineString'
        ? f.geometry.coordinates.map(xy)
        : f.geometry.coordinates[0]!.map(xy),
    ),
  }));
  if (!gateLanes.some((l) => l.direction === 'in') || !gateLanes.some((l) => l.direction === 'out'))
    throw new PortLayoutError('the port model needs gate lanes in both directions');
  const inspectionLanes: InspectionLaneSite[] = featuresOf(model, 'inspection_lane').map((f) => ({
    id: f.properties.id,
    method: f.properties.method,
    capacityPerHour: f.properties.capacityPerHour,
    stop: laneStop(f.properties.id, f.geometry.coordinates.map(xy)),
  }));
  for (const method of ['scan', 'manual'] as const)
    if (!inspectionLanes.some((l) => l.method === method))
      throw new PortLayoutError(`the port model needs an inspection lane with method ${method}`);

  const quayMiddle = add(quayStart, scale(quayDirection, along(quayPoints.at(-1)!) / 2));
  return {
    model,
    projection,
    roads,
    quay: {
      start: quayStart,
      direction: quayDirection,
      waterNormal,
      lengthM: along(quayPoints.at(-1)!),
      railOffsetM,
    },
    berths,
    blocks,
    gateLanes,
    inspectionLanes,
    waterside: readWaterside(model, xy, quayMiddle, waterNormal),
    hinterland: readHinterland(model, xy, roads, gateLanes),
    apron: roads.nearestPoint(sub(quayMiddle, scale(waterNormal, railOffsetM)), onRoads),
  };
}

function midpoint(points: XY[]): XY {
  const total = points.slice(1).reduce((sum, p, i) => sum + distance(points[i]!, p), 0);
  let remaining = total / 2;
  for (let i = 1; i < points.length; i += 1) {
    const d = distance(points[i - 1]!, points[i]!);
    if (remaining <= d)
      return add(points[i - 1]!, scale(unit(sub(points[i]!, points[i - 1]!)), remaining));
    remaining -= d;
  }
  return points.at(-1)!;
}

function readBlock(
  f: FeatureOfKind<'yard_block'>,
  xy: (p: readonly number[]) => XY,
  waterNormal: XY,
): BlockSite {
  const ring = f.geometry.coordinates[0]!.map(xy);
  const [p0, p1, p2] = ring as [XY, XY, XY];
  const e0 = sub(p1, p0);
  const e1 = sub(p2, p1);
  const [long, short] = Math.hypot(...e0) >= Math.hypot(...e1) ? [e0, e1] : [e1, e0];
  const axis = unit(long);
  let inland = unit(short);
  if (dot(inland, waterNormal) > 0) inland = scale(inland, -1);
  // The corner whose edges run along +axis and +inland from it.
  const origin = ring
    .slice(0, 4)
    .reduce((best, p) =>
      dot(p, axis) + dot(p, inland) < dot(best, axis) + dot(best, inland) ? p : best,
    );
  return {
    id: f.properties.id,
    kind: f.properties.blockKind,
    bays: f.properties.bays,
    rows: f.properties.rows,
    tiers: f.properties.tiers,
    origin,
    axis,
    inland,
    lengthM: Math.hypot(...long),
    depthM: Math.hypot(...short),
  };
}

function readHinterland(
  model: PortModel,
  xy: (p: readonly number[]) => XY,
  roads: RoadGraph,
  gateLanes: GateLaneSite[],
): RoadPoint {
  const gate = roads.pointAt(gateLanes[0]!.stop);
  const ends = featuresOf(model, 'road')
    .filter((f) => f.properties.roadKind === 'public_road')
    .flatMap((f) => [f.geometry.coordinates[0]!, f.geometry.coordinates.at(-1)!].map(xy));
  if (ends.length === 0) return gateLanes.find((l) => l.direction === 'in')!.stop;
  const far = ends.reduce((best, p) => (distance(p, gate) > distance(best, gate) ? p : best));
  return roads.nearestPoint(far);
}

/** The point of a block's centre line at the middle of a bay. */
export const bayCentre = (block: BlockSite, bay: number): XY =>
  add(
    block.origin,
    add(
      scale(block.axis, ((bay + 0.5) * block.lengthM) / block.bays),
      scale(block.inland, block.depthM / 2),
    ),
  );

/** A point on the quay crane rail, at a distance along the quay. */
export const railPoint = (layout: PortLayout, alongM: number): XY =>
  sub(
    add(layout.quay.start, scale(layout.quay.direction, alongM)),
    scale(layout.quay.waterNormal, layout.quay.railOffsetM),
  );
