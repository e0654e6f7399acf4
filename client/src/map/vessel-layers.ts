// Vessels on the map, at true scale. A vessel with a heading is drawn as its hull: the AIS
// reference point is its position, the hull runs toBow ahead and toStern astern along the
// heading, toPort to the left and toStarboard to the right, with a pointed bow. Unknown
// dimensions give a default hull drawn translucent ("estimated"). Without a heading no
// direction is drawn at all: a dashed circle of the vessel's length around its position.
// A small marker keeps every vessel visible when zoomed out, and labels give the name and
// the AIS navigational status in the UI's language.
//
// Everything here is a pure function of the entity buffers and the vessel registry; the
// geometry lives in reused typed arrays handed to deck.gl as binary attributes, and is
// rebuilt only when a vessel moved (or turned), appeared, or the registry changed.
import { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { Layer } from '@deck.gl/core';
import { MESSAGES, type Language } from '../i18n.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import type { VesselInfo, VesselRegistry } from '../live/vessel-registry.ts';
import type { Rgba } from './deck-layers.ts';

// ---- Geometry -------------------------------------------------------------------------

export interface HullDimensions {
  toBowM: number;
  toSternM: number;
  toPortM: number;
  toStarboardM: number;
  /** True when some dimension was not reported and a default stands in for it. */
  estimated: boolean;
}

export const DEFAULT_LENGTH_M = 100;
export const DEFAULT_BEAM_M = 20;
/** Where the bow starts to narrow, as a fraction of the length from the stern. */
export const SHOULDER_AT = 0.85;
/** The circle drawn for a vessel without heading is never smaller than this. */
export const MIN_RING_RADIUS_M = 15;

const DEG = Math.PI / 180;
const usable = (v: number | undefined): v is number =>
  v !== undefined && Number.isFinite(v) && v >= 0;

/** The dimensions to draw: the reported ones, or defaults (marked estimated) for what is missing. */
export function hullDimensions(
  info?: Pick<VesselInfo, 'toBowM' | 'toSternM' | 'toPortM' | 'toStarboardM'>,
): HullDimensions {
  const { toBowM, toSternM, toPortM, toStarboardM } = info ?? {};
  const hasLength = usable(toBowM) && usable(toSternM) && toBowM + toSternM > 0;
  const hasBeam = usable(toPortM) && usable(toStarboardM) && toPortM + toStarboardM > 0;
  if (hasLength && hasBeam) return { toBowM, toSternM, toPortM, toStarboardM, estimated: false };
  const length = hasLength ? toBowM + toSternM : DEFAULT_LENGTH_M;
  // A known length without a beam: the default proportions, within what ships have.
  const beam = hasBeam
    ? toPortM + toStarboardM
    : hasLength
      ? Math.min(60, Math.max(3, (length * DEFAULT_BEAM_M) / DEFAULT_LENGTH_M))
      : DEFAULT_BEAM_M;
  return {
    toBowM: hasLength ? toBowM : length / 2,
    toSternM: hasLength ? toSternM : length / 2,
    toPortM: hasBeam ? toPortM : beam / 2,
    toStarboardM: hasBeam ? toStarboardM : beam / 2,
    estimated: true,
  };
}

/** Metres per degree of longitude and of latitude at a latitude (WGS84 ellipsoid). */
export function metresPerDegree(latDeg: number): { lon: number; lat: number } {
  const phi = latDeg * DEG;
  return {
    lon: 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi),
    lat: 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi),
  };
}

/**
 * The point `aheadM` ahead of and `starboardM` to the right of a position, for a vessel
 * heading `headingDeg` (true, clockwise from north), as [lon, lat].
 */
export function offsetPosition(
  lon: number,
  lat: number,
  headingDeg: number,
  aheadM: number,
  starboardM: number,
): [number, number] {
  const m = metresPerDegree(lat);
  const s = Math.sin(headingDeg * DEG);
  const c = Math.cos(headingDeg * DEG);
  return [lon + (aheadM * s + starboardM * c) / m.lon, lat + (aheadM * c - starboardM * s) / m.lat];
}

/** Values (lon, lat pairs) one hull ring takes: the pentagon and its closing vertex. */
export const HULL_VERTICES = 6;

/**
 * Writes the hull as a closed ring of lon/lat pairs into `target` at `offset`: bow,
 * starboard shoulder, starboard quarter, port quarter, port shoulder, bow again.
 * The corners are worked out in metres in a local frame (east, north) rotated by the
 * heading, then converted with the metres per degree at the vessel's latitude.
 */
export function writeHullRing(
  target: Float64Array,
  offset: number,
  lon: number,
  lat: number,
  headingDeg: number,
  d: HullDimensions,
): void {
  const m = metresPerDegree(lat);
  const s = Math.sin(headingDeg * DEG);
  const c = Math.cos(headingDeg * DEG);
  const shoulder = -d.toSternM + SHOULDER_AT * (d.toBowM + d.toSternM);
  const keel = (d.toStarboardM - d.toPortM) / 2;
  const along = [d.toBowM, shoulder, -d.toSternM, -d.toSternM, shoulder, d.toBowM];
  const across = [keel, d.toStarboardM, d.toStarboardM, -d.toPortM, -d.toPortM, keel];
  for (let i = 0; i < HULL_VERTICES; i += 1) {
    const a = along[i]!;
    const x = across[i]!;
    target[offset + i * 2] = lon + (a * s + x * c) / m.lon;
    target[offset + i * 2 + 1] = lat + (a * c - x * s) / m.lat;
  }
}

/** The hull as a closed ring of [lon, lat] (see writeHullRing). */
export function hullRing(
  lon: number,
  lat: number,
  headingDeg: number,
  d: HullDimensions,
): [number, number][] {
  const flat = new Float64Array(HULL_VERTICES * 2);
  writeHullRing(flat, 0, lon, lat, headingDeg, d);
  return Array.from({ length: HULL_VERTICES }, (_, i) => [flat[i * 2]!, flat[i * 2 + 1]!]);
}

/** The radius of the circle drawn for a vessel without heading: half its length. */
export function unknownHeadingRadiusM(d: HullDimensions): number {
  return Math.max(MIN_RING_RADIUS_M, (d.toBowM + d.toSternM) / 2);
}

export const RING_DASHES = 12;
/** The part of each dash's sector that is drawn. */
export const DASH_FILL = 0.5;
export const POINTS_PER_DASH = 4;

/** Writes a dashed circle as RING_DASHES open paths of POINTS_PER_DASH lon/lat points. */
export function writeDashedRing(
  target: Float64Array,
  offset: number,
  lon: number,
  lat: number,
  radiusM: number,
): void {
  const m = metresPerDegree(lat);
  const sector = (2 * Math.PI) / RING_DASHES;
  let i = offset;
  for (let dash = 0; dash < RING_DASHES; dash += 1)
    for (let p = 0; p < POINTS_PER_DASH; p += 1) {
      const angle = sector * (dash + (DASH_FILL * p) / (POINTS_PER_DASH - 1));
      target[i++] = lon + (radiusM * Math.sin(angle)) / m.lon;
      target[i++] = lat + (radiusM * Math.cos(angle)) / m.lat;
    }
}

// ---- Words ----------------------------------------------------------------------------

type MessageKey = keyof (typeof MESSAGES)['en'];

/** AIS navigational status codes with words; 9, 10 and 13 are reserved, 15 is "not defined". */
export const NAV_STATUS_KEYS: Readonly<Partial<Record<number, MessageKey>>> = {
  0: 'navUnderWayEngine',
  1: 'navAtAnchor',
  2: 'navNotUnderCommand',
  3: 'navRestrictedManoeuvrability',
  4: 'navConstrainedByDraught',
  5: 'navMoored',
  6: 'navAground',
  7: 'navFishing',
  8: 'navUnderWaySailing',
  11: 'navTowingAstern',
  12: 'navPushingAhead',
  14: 'navAisSart',
};

/** The status in words, or undefined when the vessel reports none (or a reserved code). */
export function navStatusText(status: number | undefined, language: Language): string | undefined {
  const key = status === undefined ? undefined : NAV_STATUS_KEYS[status];
  return key && MESSAGES[language][key];
}

/** The label: the name (else the MMSI) and, on a second line, the status when known. */
export function vesselLabel(
  mmsi: string,
  info: VesselInfo | undefined,
  language: Language,
): string {
  const name = info?.name ?? `MMSI ${mmsi}`;
  const status = navStatusText(info?.navStatus, language);
  return status ? `${name}\n${status}` : name;
}

// ---- Style ----------------------------------------------------------------------------

export type VesselStyle = 'hull' | 'estimated' | 'unknown-heading';
const STYLES: readonly VesselStyle[] = ['hull', 'estimated', 'unknown-heading'];

/**
 * Pale aqua, apart from the base map's blues and greys and from every equipment colour.
 * Hulls are opaque (the zoomed-out marker hides beneath them); an estimated hull is a
 * muted fill inside a bright outline.
 */
export const VESSEL_COLOURS = {
  hull: [94, 234, 212, 255],
  hullOutline: [214, 255, 248, 255],
  estimated: [40, 112, 110, 255],
  estimatedOutline: [94, 234, 212, 255],
  unknownHeading: [94, 234, 212, 255],
  label: [223, 231, 238, 255],
  labelBackground: [7, 20, 31, 235],
} satisfies Record<string, Rgba>;

/** Labels appear from this zoom on; below it the port would drown in text. */
export const LABEL_MIN_ZOOM = 13;
const FONT_FAMILY = 'system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const LABEL_FONT = { sdf: true, fontSize: 64, buffer: 6, radius: 16, smoothing: 0.15 };
export const LABEL_OFFSET: [number, number] = [8, 0];
const LABEL_PADDING: [number, number] = [5, 3];

// ---- Layers ---------------------------------------------------------------------------

export interface VesselLayerOptions {
  zoom: number;
  language: Language;
  /** Label text size in pixels (larger on the wall display). */
  labelSizePx?: number;
}

/** One vessel as drawn, for the details pane, debugging and tests. */
export interface VesselShape {
  id: string;
  style: VesselStyle;
  /** The AIS reference point (the reported position). */
  position: [number, number];
  /** Middle of the hull (the reference point for a vessel without heading). */
  centre: [number, number];
  /** The hull's closed ring, or the dashed circle's points, as [lon, lat]. */
  outline: [number, number][];
  /** The circle's radius for a vessel without heading. */
  radiusM?: number;
  label: string;
  labelPosition: [number, number];
}

export interface LabelDatum {
  /** The vessel's MMSI. */
  id: string;
  position: [number, number];
  text: string;
}

const RING_VALUES = RING_DASHES * POINTS_PER_DASH * 2;
const HULL_VALUES = HULL_VERTICES * 2;
const FAN = [0, 1, 2, 0, 2, 3, 0, 3, 4];

/** MMSIs of the vessels the buffers hold. */
export function vesselIds(buffers: EntityBuffers): string[] {
  const ids: string[] = [];
  for (let slot = 0; slot < buffers.count; slot += 1)
    if (buffers.kindOf(slot) === 'vessel') ids.push(buffers.ids[slot]!);
  return ids;
}

export class VesselLayers {
  private slots: number[] = [];
  private slotsFor = -1;
  private registryFor = -1;
  private languageFor: Language | undefined;
  private drawnPositions = new Float64Array(0);
  private drawnHeadings = new Float32Array(0);
  /** Bumped at each geometry rebuild: the layers' update trigger. */
  geometryVersion = 0;

  private capacity = 0;
  private styles = new Uint8Array(0);
  /** Per vessel, its hull's or ring's index in the hull or ring arrays. */
  private shapeIndex = new Uint32Array(0);
  private radii = new Float32Array(0);
  private hullPositions = new Float64Array(0);
  private hullStarts = new Uint32Array(0);
  private hullIndices = new Uint32Array(0);
  private hullFill = new Uint8Array(0);
  private hullLine = new Uint8Array(0);
  private ringPositions = new Float64Array(0);
  private ringStarts = new Uint32Array(0);
  private markerPositions = new Float64Array(0);
  private markerRadii = new Float32Array(0);
  private labels: LabelDatum[] = [];
  private hullCount = 0;
  private ringCount = 0;

  // The binary data objects handed to deck.gl: new ones only when the geometry changed,
  // so deck.gl re-uploads nothing on frames where no vessel moved.
  private hullData = this.hullDataObject();
  private outlineData = this.outlineDataObject();
  private ringData = this.ringDataObject();
  private markerData = this.markerDataObject();

  /** The vessel layers for this frame, bottom first; the labels go above everything else. */
  build(
    buffers: EntityBuffers,
    registry: Pick<VesselRegistry, 'get' | 'version'>,
    options: VesselLayerOptions,
  ): { shapes: Layer[]; labels: Layer } {
    this.update(buffers, registry, options.language);
    const trigger = this.geometryVersion;
    const shapes: Layer[] = [
      new ScatterplotLayer({
        id: 'vessel-markers',
        data: this.markerData,
        radiusUnits: 'meters',
        radiusMinPixels: 3,
        getFillColor: VESSEL_COLOURS.unknownHeading,
        stroked: false,
        updateTriggers: { getPosition: trigger, getRadius: trigger },
      }),
      new SolidPolygonLayer({
        id: 'vessel-hulls',
        data: this.hullData,
        _normalize: false,
        filled: true,
        updateTriggers: { getPolygon: trigger, getFillColor: trigger },
      }),
      new PathLayer({
        id: 'vessel-hull-outlines',
        data: this.outlineData,
        _pathType: 'open',
        widthUnits: 'pixels',
        getWidth: 1.5,
        jointRounded: true,
        updateTriggers: { getPath: trigger, getColor: trigger },
      }),
      new PathLayer({
        id: 'vessel-unknown-heading',
        data: this.ringData,
        _pathType: 'open',
        widthUnits: 'pixels',
        getWidth: 2,
        capRounded: true,
        getColor: VESSEL_COLOURS.unknownHeading,
        updateTriggers: { getPath: trigger },
      }),
    ];
    const size = options.labelSizePx ?? 14;
    const labels = new TextLayer<LabelDatum>({
      id: 'vessel-labels',
      data: this.labels,
      visible: options.zoom >= LABEL_MIN_ZOOM,
      getPosition: labelPosition,
      getText: labelText,
      getSize: size,
      getColor: VESSEL_COLOURS.label,
      getTextAnchor: 'start',
      getAlignmentBaseline: 'center',
      getPixelOffset: LABEL_OFFSET,
      lineHeight: 1.15,
      background: true,
      getBackgroundColor: VESSEL_COLOURS.labelBackground,
      backgroundPadding: LABEL_PADDING,
      backgroundBorderRadius: 3,
      fontFamily: FONT_FAMILY,
      // Signed-distance glyphs stay crisp at small sizes (bitmap glyphs blur to grey).
      fontSettings: LABEL_FONT,
      characterSet: 'auto',
      updateTriggers: { getPosition: trigger },
    });
    return { shapes, labels };
  }

  /** Every vessel as drawn at the last build. */
  describe(buffers: EntityBuffers): VesselShape[] {
    return this.slots.map((slot, k) => {
      const style = STYLES[this.styles[k]!]!;
      const at = this.shapeIndex[k]!;
      const point = (values: Float64Array, i: number): [number, number] => [
        values[i * 2]!,
        values[i * 2 + 1]!,
      ];
      const outline =
        style === 'unknown-heading'
          ? Array.from({ length: RING_DASHES * POINTS_PER_DASH }, (_, i) =>
              point(this.ringPositions, at * RING_DASHES * POINTS_PER_DASH + i),
            )
          : Array.from({ length: HULL_VERTICES }, (_, i) =>
              point(this.hullPositions, at * HULL_VERTICES + i),
            );
      return {
        id: buffers.ids[slot]!,
        style,
        position: point(this.drawnPositions, k),
        centre: point(this.markerPositions, k),
        outline,
        ...(style === 'unknown-heading' ? { radiusM: this.radii[k]! } : {}),
        label: this.labels[k]!.text,
        labelPosition: [...this.labels[k]!.position],
      };
    });
  }

  private update(
    buffers: EntityBuffers,
    registry: Pick<VesselRegistry, 'get' | 'version'>,
    language: Language,
  ): void {
    const slotsChanged = buffers.version !== this.slotsFor;
    if (slotsChanged) {
      this.slots = [];
      for (let slot = 0; slot < buffers.count; slot += 1)
        if (buffers.kindOf(slot) === 'vessel') this.slots.push(slot);
      this.slotsFor = buffers.version;
      this.ensureCapacity(this.slots.length);
    }
    const registryChanged = registry.version !== this.registryFor;
    const textChanged = slotsChanged || registryChanged || language !== this.languageFor;
    if (textChanged) {
      this.labels = this.slots.map((slot) => {
        const id = buffers.ids[slot]!;
        return { id, position: [0, 0], text: vesselLabel(id, registry.get(id), language) };
      });
      this.languageFor = language;
    }
    if (slotsChanged || registryChanged || this.moved(buffers)) this.rebuild(buffers, registry);
    else if (textChanged) this.placeLabels();
    this.registryFor = registry.version;
  }

  /** Whether any vessel is drawn somewhere else, or turned, since the last rebuild. */
  private moved(buffers: EntityBuffers): boolean {
    for (let k = 0; k < this.slots.length; k += 1) {
      const slot = this.slots[k]!;
      const heading = buffers.headings[slot]!;
      const drawn = this.drawnHeadings[k]!;
      if (
        buffers.positions[slot * 2] !== this.drawnPositions[k * 2] ||
        buffers.positions[slot * 2 + 1] !== this.drawnPositions[k * 2 + 1] ||
        (heading !== drawn && !(Number.isNaN(heading) && Number.isNaN(drawn)))
      )
        return true;
    }
    return false;
  }

  private rebuild(buffers: EntityBuffers, registry: Pick<VesselRegistry, 'get'>): void {
    let hulls = 0;
    let rings = 0;
    for (let k = 0; k < this.slots.length; k += 1) {
      const slot = this.slots[k]!;
      const lon = buffers.positions[slot * 2]!;
      const lat = buffers.positions[slot * 2 + 1]!;
      const heading = buffers.headings[slot]!;
      this.drawnPositions[k * 2] = lon;
      this.drawnPositions[k * 2 + 1] = lat;
      this.drawnHeadings[k] = heading;
      const d = hullDimensions(registry.get(buffers.ids[slot]!));
      if (Number.isFinite(heading)) {
        writeHullRing(this.hullPositions, hulls * HULL_VALUES, lon, lat, heading, d);
        this.hullStarts[hulls] = hulls * HULL_VERTICES;
        const [fill, line] = d.estimated
          ? [VESSEL_COLOURS.estimated, VESSEL_COLOURS.estimatedOutline]
          : [VESSEL_COLOURS.hull, VESSEL_COLOURS.hullOutline];
        for (let v = 0; v < HULL_VERTICES; v += 1) {
          this.hullFill.set(fill, (hulls * HULL_VERTICES + v) * 4);
          this.hullLine.set(line, (hulls * HULL_VERTICES + v) * 4);
        }
        const centre = offsetPosition(
          lon,
          lat,
          heading,
          (d.toBowM - d.toSternM) / 2,
          (d.toStarboardM - d.toPortM) / 2,
        );
        this.markerPositions.set(centre, k * 2);
        // Hidden under the hull when zoomed in; the minimum pixel size shows it zoomed out.
        this.markerRadii[k] = Math.min(d.toPortM + d.toStarboardM, d.toBowM + d.toSternM) / 2;
        this.styles[k] = STYLES.indexOf(d.estimated ? 'estimated' : 'hull');
        this.shapeIndex[k] = hulls;
        hulls += 1;
      } else {
        const radius = unknownHeadingRadiusM(d);
        writeDashedRing(this.ringPositions, rings * RING_VALUES, lon, lat, radius);
        for (let dash = 0; dash < RING_DASHES; dash += 1)
          this.ringStarts[rings * RING_DASHES + dash] =
            (rings * RING_DASHES + dash) * POINTS_PER_DASH;
        this.markerPositions[k * 2] = lon;
        this.markerPositions[k * 2 + 1] = lat;
        this.markerRadii[k] = 0; // a dot of the minimum size, at the position
        this.radii[k] = radius;
        this.styles[k] = STYLES.indexOf('unknown-heading');
        this.shapeIndex[k] = rings;
        rings += 1;
      }
    }
    this.hullStarts[hulls] = hulls * HULL_VERTICES;
    this.ringStarts[rings * RING_DASHES] = rings * RING_DASHES * POINTS_PER_DASH;
    this.hullCount = hulls;
    this.ringCount = rings;
    this.placeLabels();
    this.geometryVersion += 1;
    this.hullData = this.hullDataObject();
    this.outlineData = this.outlineDataObject();
    this.ringData = this.ringDataObject();
    this.markerData = this.markerDataObject();
  }

  /** Each label just east of its vessel's outline, vertically at the vessel's middle. */
  private placeLabels(): void {
    for (let k = 0; k < this.slots.length; k += 1) {
      const label = this.labels[k];
      if (!label) continue;
      const at = this.shapeIndex[k]!;
      let east = Number.NEGATIVE_INFINITY;
      if (STYLES[this.styles[k]!] === 'unknown-heading') {
        const lat = this.drawnPositions[k * 2 + 1]!;
        east = this.drawnPositions[k * 2]! + this.radii[k]! / metresPerDegree(lat).lon;
      } else
        for (let v = 0; v < HULL_VERTICES; v += 1)
          east = Math.max(east, this.hullPositions[(at * HULL_VERTICES + v) * 2]!);
      label.position[0] = east;
      label.position[1] = this.markerPositions[k * 2 + 1]!;
    }
  }

  private hullDataObject() {
    const vertices = this.hullCount * HULL_VERTICES;
    return {
      length: this.hullCount,
      startIndices: this.hullStarts.subarray(0, this.hullCount + 1),
      attributes: {
        getPolygon: { value: this.hullPositions.subarray(0, vertices * 2), size: 2 },
        indices: this.hullIndices.subarray(0, this.hullCount * FAN.length),
        getFillColor: { value: this.hullFill.subarray(0, vertices * 4), size: 4, normalized: true },
      },
    };
  }

  private outlineDataObject() {
    const vertices = this.hullCount * HULL_VERTICES;
    return {
      length: this.hullCount,
      startIndices: this.hullStarts.subarray(0, this.hullCount + 1),
      attributes: {
        getPath: { value: this.hullPositions.subarray(0, vertices * 2), size: 2 },
        getColor: { value: this.hullLine.subarray(0, vertices * 4), size: 4, normalized: true },
      },
    };
  }

  private ringDataObject() {
    const paths = this.ringCount * RING_DASHES;
    return {
      length: paths,
      startIndices: this.ringStarts.subarray(0, paths + 1),
      attributes: {
        getPath: { value: this.ringPositions.subarray(0, paths * POINTS_PER_DASH * 2), size: 2 },
      },
    };
  }

  private markerDataObject() {
    const n = this.slots.length;
    return {
      length: n,
      attributes: {
        getPosition: { value: this.markerPositions.subarray(0, n * 2), size: 2 },
        getRadius: { value: this.markerRadii.subarray(0, n), size: 1 },
      },
    };
  }

  private ensureCapacity(vessels: number): void {
    if (vessels <= this.capacity) return;
    const n = Math.max(vessels, this.capacity * 2, 16);
    this.styles = new Uint8Array(n);
    this.shapeIndex = new Uint32Array(n);
    this.radii = new Float32Array(n);
    this.drawnPositions = new Float64Array(n * 2);
    this.drawnHeadings = new Float32Array(n);
    this.hullPositions = new Float64Array(n * HULL_VALUES);
    this.hullStarts = new Uint32Array(n + 1);
    this.hullIndices = new Uint32Array(n * FAN.length);
    for (let h = 0; h < n; h += 1)
      for (let i = 0; i < FAN.length; i += 1)
        this.hullIndices[h * FAN.length + i] = h * HULL_VERTICES + FAN[i]!;
    this.hullFill = new Uint8Array(n * HULL_VERTICES * 4);
    this.hullLine = new Uint8Array(n * HULL_VERTICES * 4);
    this.ringPositions = new Float64Array(n * RING_VALUES);
    this.ringStarts = new Uint32Array(n * RING_DASHES + 1);
    this.markerPositions = new Float64Array(n * 2);
    this.markerRadii = new Float32Array(n);
    this.capacity = n;
  }
}

const labelPosition = (d: LabelDatum) => d.position;
const labelText = (d: LabelDatum) => d.text;
