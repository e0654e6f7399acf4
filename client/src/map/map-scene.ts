// What deck.gl draws, frame by frame: the operations picture (berths, yard heat, lane
// queues, flow arcs), the equipment, the vessels, loaded vehicles' trails and pulsing
// alerts, each group shown or hidden by the legend. A frame is only drawn when something
// changed: a wall display in software rendering must not spend a core redrawing a still
// picture.
import type { Layer } from '@deck.gl/core';
import { TripsLayer } from '@deck.gl/geo-layers';
import type { Alert } from '../../../protocol/alerts.ts';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import type { PortModel } from '../../../protocol/port-model.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import { TrailHistory, type Trip } from '../live/trail-history.ts';
import type { VesselRegistry } from '../live/vessel-registry.ts';
import { MESSAGES, type Language } from '../i18n.ts';
import { deckLayerVisible, type LayerSettings } from '../state/layer-settings.ts';
import { alertPulseLayer, placeAlerts, type PlacedAlert } from './alert-pulses.ts';
import { drawIconAtlas } from './equipment-icons.ts';
import { EquipmentAttributes, equipmentLayer } from './equipment-layer.ts';
import { operationsLayers } from './operations-layers.ts';
import { placesOf, type Place } from './places.ts';
import { vesselIds, VesselLayers, type LabelDatum } from './vessel-layers.ts';

/**
 * A loaded vehicle's trail: pale gold, the colour of the box it carries faded, yet apart
 * from the vehicle's own state colour so the trail never reads as a vehicle.
 */
export const TRAIL_COLOUR: [number, number, number] = [255, 222, 140];

/** Below this zoom a berth is labelled with its name only; its colour tells its status. */
export const BRIEF_LABELS_BELOW_ZOOM = 15.5;

/** Pulsing alerts alone redraw at most this often (a calm ~12 frames a second). */
const PULSE_FRAME_MS = 80;

export interface SceneInputs {
  /** Client time: glides and pulses run by it. */
  nowMs: number;
  /** The data source's clock (the replayed instant in replay): trails are laid by it. */
  clockMs: number;
  /** Counts the clock's jumps (seeks): trails from before a jump are dropped. */
  clockJumps: number;
  zoom: number;
  language: Language;
  layers: LayerSettings;
  picture: OperationsPicture | undefined;
  alerts: readonly Alert[];
}

export class MapScene {
  readonly equipment = new EquipmentAttributes();
  readonly vessels = new VesselLayers();
  readonly places: ReadonlyMap<string, Place>;
  private readonly atlas = drawIconAtlas();
  private trails: TrailHistory;
  private readonly labelSizePx: number;
  private readonly iconMinPixels: number;
  private drawn: Partial<Omit<SceneInputs, 'nowMs' | 'clockMs'>> & {
    version?: number;
    atMs?: number;
  } = {};
  private operations: Layer[] = [];
  private briefLabels: boolean | undefined;
  private placedAlerts: PlacedAlert[] = [];
  private shownLabels: { from?: unknown; picture?: OperationsPicture; data: LabelDatum[] } = {
    data: [],
  };
  frames = 0;

  constructor(
    model: PortModel,
    private readonly buffers: EntityBuffers,
    private readonly registry: VesselRegistry,
    screen: string,
    /** Draw every frame even when nothing changed (benchmarks: ?redraw=always). */
    private readonly alwaysRedraw = false,
  ) {
    this.places = placesOf(model);
    this.trails = new TrailHistory(Date.now());
    this.labelSizePx = screen === 'wall' ? 20 : 14;
    this.iconMinPixels = screen === 'wall' ? 14 : 10;
  }

  /** The layers to draw now, or undefined when the last ones still show the picture. */
  frame(inputs: SceneInputs): Layer[] | undefined {
    const { buffers } = this;
    const moving = buffers.interpolate(inputs.nowMs);
    if (inputs.clockJumps !== this.drawn.clockJumps) this.trails = new TrailHistory(inputs.clockMs);
    const trailsChanged = inputs.layers.flows && this.trails.sample(buffers, inputs.clockMs);
    const changed =
      moving ||
      trailsChanged ||
      buffers.version !== this.drawn.version ||
      inputs.picture !== this.drawn.picture ||
      inputs.alerts !== this.drawn.alerts ||
      inputs.layers !== this.drawn.layers ||
      inputs.zoom !== this.drawn.zoom ||
      inputs.language !== this.drawn.language ||
      inputs.clockJumps !== this.drawn.clockJumps;
    const pulsing = inputs.layers.alerts && this.placedAlerts.length > 0;
    const pulseDue = pulsing && inputs.nowMs - (this.drawn.atMs ?? 0) >= PULSE_FRAME_MS;
    if (!changed && !pulseDue && !this.alwaysRedraw) return undefined;

    if (buffers.version !== this.drawn.version) this.registry.notice(vesselIds(buffers));
    const brief = inputs.zoom < BRIEF_LABELS_BELOW_ZOOM;
    if (
      inputs.picture !== this.drawn.picture ||
      inputs.language !== this.drawn.language ||
      brief !== this.briefLabels
    ) {
      const t = MESSAGES[inputs.language];
      this.operations = operationsLayers(inputs.picture, {
        places: this.places,
        labelSizePx: this.labelSizePx,
        statusWord: (status) => t[`berth_${status}`],
        brief,
      });
      this.briefLabels = brief;
    }
    // Alerts follow machines as they move: placed again whenever anything changed.
    this.placedAlerts = placeAlerts(inputs.alerts, this.places, inputs.picture, buffers);
    this.drawn = { ...inputs, version: buffers.version, atMs: inputs.nowMs };
    this.frames += 1;

    const ships = this.vessels.build(buffers, this.registry, {
      zoom: inputs.zoom,
      language: inputs.language,
      labelSizePx: this.labelSizePx,
    });
    // Places' labels under the ships and machines (zoomed out, a ship's marker must stay
    // visible over its berth's name); the ships' own labels and the alert rings on top.
    const layers: Layer[] = [
      ...this.operations,
      this.trailLayer(inputs.clockMs),
      ...ships.shapes,
      equipmentLayer(buffers, this.equipment, this.atlas, this.frames, {
        minPixels: this.iconMinPixels,
      }),
      this.withoutMooredLabels(ships.labels, inputs.picture),
      alertPulseLayer(this.placedAlerts, inputs.nowMs, this.labelSizePx),
    ];
    return layers.map((layer) =>
      deckLayerVisible(inputs.layers, layer.id) ? layer : layer.clone({ visible: false }),
    );
  }

  /**
   * A vessel alongside is named on its berth's label: its own label would only cover the
   * quay's. Filtered again only when the labels or the picture change.
   */
  private withoutMooredLabels(labels: Layer, picture: OperationsPicture | undefined): Layer {
    const all = labels.props.data as LabelDatum[];
    const shown = this.shownLabels;
    if (shown.from !== all || shown.picture !== picture) {
      const moored = new Set(picture?.berths.flatMap((b) => (b.mmsi ? [b.mmsi] : [])));
      this.shownLabels = { from: all, picture, data: all.filter((l) => !moored.has(l.id)) };
    }
    return labels.clone({ data: this.shownLabels.data });
  }

  private trailLayer(clockMs: number): Layer {
    return new TripsLayer<Trip>({
      id: 'flow-trails',
      data: this.trails.current(),
      getPath: (trip) => trip.path,
      getTimestamps: (trip) => trip.timestamps,
      getColor: TRAIL_COLOUR,
      opacity: 0.7,
      widthUnits: 'meters',
      getWidth: 2.5,
      widthMinPixels: 2,
      jointRounded: true,
      capRounded: true,
      fadeTrail: true,
      trailLength: this.trails.lengthSeconds(),
      currentTime: this.trails.secondsAt(clockMs),
    });
  }
}
