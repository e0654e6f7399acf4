// The operations picture on the map: berths coloured by status with the vessel alongside,
// yard blocks as a heat map of fill, each lane's queue drawn back from its entry, and the
// last hour's container flows as arcs between places. Rebuilt only when a new picture
// arrives (about once a second); ids are stable so deck.gl keeps its buffers.
import { ArcLayer, PathLayer, PolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import type {
  BerthStatus,
  BerthStatusCode,
  BlockFill,
  ContainerFlowArc,
  LaneQueue,
  OperationsPicture,
} from '../../../protocol/operations.ts';
import type { Rgba } from './deck-layers.ts';
import { offset, type LonLat, type Place } from './places.ts';

/** Occupied berths' colours; a free one is left as the base map draws it. */
export const BERTH_STATUS_COLOURS: Record<BerthStatusCode, Rgba> = {
  free: [0, 0, 0, 0],
  alongside: [52, 152, 219, 150],
  working: [46, 204, 113, 150],
  delayed: [231, 76, 60, 190],
};

/** Fill ratio → colour: calm teal when there is room, amber when tight, red when full. */
export const YARD_FILL_STOPS: readonly [number, Rgba][] = [
  [0, [38, 70, 83, 150]],
  [0.5, [42, 157, 143, 160]],
  [0.7, [233, 196, 106, 170]],
  [0.85, [244, 162, 97, 180]],
  [1, [231, 76, 60, 190]],
];

export function yardFillColour(fill: number): Rgba {
  const stops = YARD_FILL_STOPS;
  if (fill <= stops[0]![0]) return stops[0]![1];
  for (let i = 1; i < stops.length; i += 1) {
    const [to, high] = stops[i]!;
    const [from, low] = stops[i - 1]!;
    if (fill <= to) {
      const t = (fill - from) / (to - from);
      return low.map((v, k) => Math.round(v + (high[k]! - v) * t)) as Rgba;
    }
  }
  return stops.at(-1)![1];
}

/**
 * A queue's colour: orange-red, apart from every equipment state colour, so a queue never
 * reads as a truck in some state.
 */
export const QUEUE_COLOUR: Rgba = [250, 120, 60, 230];

/** Road space a queued vehicle takes (truck and gap). */
export const QUEUE_SPACING_M = 20;
const FONT = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

/** Flow colours by what the leg joins: quay and yard, yard and gate, yard and yard. */
export const FLOW_COLOURS = {
  quay_to_yard: [64, 156, 255, 220],
  yard_to_quay: [46, 204, 113, 220],
  gate_to_yard: [255, 159, 67, 220],
  yard_to_gate: [200, 120, 255, 220],
  other: [200, 200, 200, 180],
} as const satisfies Record<string, Rgba>;

/** Arcs drawn at most: over a whole day nearly every block trades with every berth. */
export const MAX_FLOW_ARCS = 40;

/** The largest flows, at most MAX_FLOW_ARCS of them: the pattern, not every pair. */
export function mainFlows(flows: readonly ContainerFlowArc[]): ContainerFlowArc[] {
  return [...flows].sort((a, b) => b.boxes - a.boxes).slice(0, MAX_FLOW_ARCS);
}

export function flowKind(from: Place, to: Place): keyof typeof FLOW_COLOURS {
  const gate = (p: Place) => p.kind === 'gate_lane' || p.kind === 'inspection_lane';
  if (from.kind === 'berth' && to.kind === 'yard_block') return 'quay_to_yard';
  if (from.kind === 'yard_block' && to.kind === 'berth') return 'yard_to_quay';
  if (gate(from) && to.kind === 'yard_block') return 'gate_to_yard';
  if (from.kind === 'yard_block' && gate(to)) return 'yard_to_gate';
  return 'other';
}

export interface OperationsLayerOptions {
  places: ReadonlyMap<string, Place>;
  labelSizePx: number;
  /** Berth labels in this language's words ("working", "delayed"). */
  statusWord(status: BerthStatusCode): string;
  /** Berths named only (zoomed out, a longer label would run into its neighbours'). */
  brief: boolean;
}

type Placed<T> = T & { place: Place };

function placed<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  places: ReadonlyMap<string, Place>,
) {
  const out: Placed<T>[] = [];
  for (const item of items) {
    const place = places.get(idOf(item));
    if (place) out.push({ ...item, place });
  }
  return out;
}

/** "B3 · ZHEN HUA 36 · 42 %": the berth, its vessel and how far its cargo work has got. */
export function berthLabel(berth: Placed<BerthStatus>, statusWord: (s: BerthStatusCode) => string) {
  const name = berth.place.name ?? berth.berthId;
  if (berth.status === 'free') return name;
  const progress =
    berth.plannedMoves && berth.movesDone !== undefined
      ? ` ${Math.min(100, Math.round((100 * berth.movesDone) / berth.plannedMoves))}%`
      : '';
  return `${name} · ${statusWord(berth.status)}${progress}\n${berth.vesselName ?? berth.vesselImo ?? ''}`;
}

export function operationsLayers(
  picture: OperationsPicture | undefined,
  options: OperationsLayerOptions,
): Layer[] {
  const { places } = options;
  const berths = placed(picture?.berths ?? [], (b) => b.berthId, places);
  const blocks = placed(picture?.blocks ?? [], (b) => b.blockId, places);
  const lanes = placed(
    (picture?.lanes ?? []).filter((l) => l.waiting > 0),
    (l) => l.laneId,
    places,
  ).filter((l) => l.place.entry && l.place.travel);
  const flows = mainFlows(picture?.flows ?? []).flatMap((flow) => {
    const [from, to] = [places.get(flow.fromId), places.get(flow.toId)];
    return from && to ? [{ ...flow, from, to }] : [];
  });
  // Widths by boxes an hour: a day's accumulated flows are not drawn fatter than an hour's.
  const hours = Math.max(1, (picture?.flowWindowMs ?? 3_600_000) / 3_600_000);
  const queueEnd = (lane: Placed<LaneQueue>): LonLat =>
    offset(lane.place.entry!, lane.place.travel!, -lane.waiting * QUEUE_SPACING_M);
  return [
    new PolygonLayer<Placed<BlockFill>>({
      id: 'yard-heat',
      data: blocks,
      getPolygon: (b) => b.place.ring!,
      getFillColor: (b) => yardFillColour(b.fill),
      stroked: false,
      updateTriggers: { getFillColor: picture?.atMs },
    }),
    // A free berth keeps the base map's look: only an occupied one is coloured.
    new PolygonLayer<Placed<BerthStatus>>({
      id: 'berth-status',
      data: berths.filter((b) => b.status !== 'free'),
      getPolygon: (b) => b.place.ring!,
      getFillColor: (b) => BERTH_STATUS_COLOURS[b.status],
      getLineColor: (b) => [...BERTH_STATUS_COLOURS[b.status].slice(0, 3), 255] as Rgba,
      lineWidthMinPixels: 2,
      updateTriggers: { getFillColor: picture?.atMs, getLineColor: picture?.atMs },
    }),
    new ArcLayer<(typeof flows)[number]>({
      id: 'flow-arcs',
      data: flows,
      getSourcePosition: (f) => f.from.centre,
      getTargetPosition: (f) => f.to.centre,
      getSourceColor: (f) => FLOW_COLOURS[flowKind(f.from, f.to)],
      getTargetColor: (f) => FLOW_COLOURS[flowKind(f.from, f.to)],
      getWidth: (f: ContainerFlowArc) => 1 + 1.5 * Math.log2(1 + f.boxes / hours),
      getHeight: 0.35,
      widthUnits: 'pixels',
      updateTriggers: { getWidth: picture?.atMs },
    }),
    new PathLayer<Placed<LaneQueue>>({
      id: 'lane-queues',
      data: lanes,
      getPath: (l) => [l.place.entry!, queueEnd(l)],
      getColor: QUEUE_COLOUR,
      getWidth: 7,
      widthUnits: 'meters',
      widthMinPixels: 4,
      capRounded: true,
      updateTriggers: { getPath: picture?.atMs },
    }),
    new TextLayer<Placed<LaneQueue>>({
      id: 'lane-queue-counts',
      data: lanes,
      getPosition: (l) => queueEnd(l),
      getText: (l) => String(l.waiting),
      getColor: [255, 220, 130, 255],
      getSize: options.labelSizePx,
      fontWeight: 700,
      fontFamily: FONT,
      outlineWidth: 3,
      outlineColor: [10, 20, 30, 255],
      fontSettings: { sdf: true },
      updateTriggers: { getPosition: picture?.atMs, getText: picture?.atMs },
    }),
    new TextLayer<Placed<BerthStatus>>({
      id: 'berth-labels',
      data: berths,
      getPosition: (b) => b.place.labelAt ?? b.place.centre,
      getText: (b) =>
        options.brief ? (b.place.name ?? b.berthId) : berthLabel(b, options.statusWord),
      getColor: (b) => (b.status === 'delayed' ? [255, 150, 140, 255] : [210, 230, 245, 255]),
      getSize: options.labelSizePx,
      fontFamily: FONT,
      characterSet: 'auto',
      outlineWidth: 3,
      outlineColor: [10, 20, 30, 255],
      fontSettings: { sdf: true },
      updateTriggers: { getText: picture?.atMs, getColor: picture?.atMs },
    }),
  ];
}
