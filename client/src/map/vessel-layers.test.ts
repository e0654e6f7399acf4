import { describe, expect, it } from 'vitest';
import type { PathLayer, ScatterplotLayer, SolidPolygonLayer, TextLayer } from '@deck.gl/layers';
import type { LiveEntityKind, PositionColumns } from '../../../protocol/live.ts';
import type { VesselSummary } from '../../../protocol/vessel.ts';
import { EntityBuffers } from '../live/entity-buffers.ts';
import { VesselRegistry } from '../live/vessel-registry.ts';
import {
  DEFAULT_BEAM_M,
  DEFAULT_LENGTH_M,
  hullDimensions,
  hullRing,
  LABEL_MIN_ZOOM,
  metresPerDegree,
  MIN_RING_RADIUS_M,
  NAV_STATUS_KEYS,
  navStatusText,
  offsetPosition,
  POINTS_PER_DASH,
  RING_DASHES,
  SHOULDER_AT,
  unknownHeadingRadiusM,
  vesselIds,
  vesselLabel,
  VesselLayers,
  type HullDimensions,
} from './vessel-layers.ts';

const LON = 122.04;
const LAT = 30.6;
const M = metresPerDegree(LAT);
/** A ring point back in metres east and north of the reference point. */
const local = ([lon, lat]: [number, number]) => ({
  east: (lon - LON) * M.lon,
  north: (lat - LAT) * M.lat,
});
/**
 * Distance on the WGS84 ellipsoid over short spans, from its radii of curvature at the
 * mean latitude: independent of the series the code under test uses.
 */
function groundDistanceM(a: [number, number], b: [number, number]): number {
  const A = 6_378_137;
  const E2 = 6.694_379_990_14e-3;
  const rad = Math.PI / 180;
  const phi = ((a[1] + b[1]) / 2) * rad;
  const w = 1 - E2 * Math.sin(phi) ** 2;
  const meridian = (A * (1 - E2)) / w ** 1.5;
  const normal = A / Math.sqrt(w);
  return Math.hypot((b[0] - a[0]) * rad * normal * Math.cos(phi), (b[1] - a[1]) * rad * meridian);
}
const span = (values: number[]) => Math.max(...values) - Math.min(...values);

const centred: HullDimensions = {
  toBowM: 150,
  toSternM: 150,
  toPortM: 24,
  toStarboardM: 24,
  estimated: false,
};
const asymmetric: HullDimensions = {
  toBowM: 240,
  toSternM: 60,
  toPortM: 18,
  toStarboardM: 30,
  estimated: false,
};

describe('metresPerDegree', () => {
  it('has the WGS84 values at the equator and shrinks longitude with latitude', () => {
    expect(metresPerDegree(0).lon).toBeCloseTo(111_319.5, 0);
    expect(metresPerDegree(0).lat).toBeCloseTo(110_574.3, 0);
    expect(metresPerDegree(60).lon).toBeCloseTo(55_800, -2);
    expect(M.lon / M.lat).toBeCloseTo(Math.cos(LAT * (Math.PI / 180)), 2);
  });
});

describe('hullRing', () => {
  it('is a closed pentagon: bow, starboard shoulder and quarter, port quarter and shoulder', () => {
    const ring = hullRing(LON, LAT, 0, centred);
    expect(ring).toHaveLength(6);
    expect(ring[5]).toEqual(ring[0]);
    const [bow, stbShoulder, stbQuarter, portQuarter, portShoulder] = ring.map(local);
    expect(bow!.north).toBeCloseTo(150, 6);
    expect(bow!.east).toBeCloseTo(0, 6);
    expect(stbShoulder!.north).toBeCloseTo(-150 + SHOULDER_AT * 300, 6);
    expect(stbShoulder!.east).toBeCloseTo(24, 6);
    expect(stbQuarter).toEqual({ east: expect.closeTo(24, 6), north: expect.closeTo(-150, 6) });
    expect(portQuarter).toEqual({ east: expect.closeTo(-24, 6), north: expect.closeTo(-150, 6) });
    expect(portShoulder!.east).toBeCloseTo(-24, 6);
  });

  it('turns a 300 m x 48 m ship heading 90 to span 300 m east-west and 48 m north-south', () => {
    const ring = hullRing(LON, LAT, 90, centred).map(local);
    expect(span(ring.map((p) => p.east))).toBeCloseTo(300, 6);
    expect(span(ring.map((p) => p.north))).toBeCloseTo(48, 6);
    expect(ring[0]).toEqual({ east: expect.closeTo(150, 6), north: expect.closeTo(0, 6) });
    // Starboard is to the south when heading east.
    expect(ring[2]!.north).toBeCloseTo(-24, 6);
    expect(ring[3]!.north).toBeCloseTo(24, 6);
  });

  it.each([
    [0, { east: 0, north: 150 }],
    [90, { east: 150, north: 0 }],
    [180, { east: 0, north: -150 }],
    [270, { east: -150, north: 0 }],
  ])('points the bow along heading %d', (heading, bow) => {
    const ring = hullRing(LON, LAT, heading, centred).map(local);
    expect(ring[0]!.east).toBeCloseTo(bow.east, 6);
    expect(ring[0]!.north).toBeCloseTo(bow.north, 6);
    const alongNorth = heading % 180 === 0;
    expect(span(ring.map((p) => (alongNorth ? p.north : p.east)))).toBeCloseTo(300, 6);
    expect(span(ring.map((p) => (alongNorth ? p.east : p.north)))).toBeCloseTo(48, 6);
  });

  it('measures true length and beam on the ground at any heading', () => {
    for (const heading of [0, 33, 90, 145, 180, 251, 359.9]) {
      const ring = hullRing(LON, LAT, heading, centred);
      const sternMiddle: [number, number] = [
        (ring[2]![0] + ring[3]![0]) / 2,
        (ring[2]![1] + ring[3]![1]) / 2,
      ];
      expect(groundDistanceM(ring[0]!, sternMiddle)).toBeCloseTo(300, 1);
      expect(groundDistanceM(ring[2]!, ring[3]!)).toBeCloseTo(48, 1);
    }
  });

  it('puts an off-centre AIS reference point where the dimensions say', () => {
    // Heading north: starboard is east. Antenna 60 m from the stern, 18 m from port.
    const north = hullRing(LON, LAT, 0, asymmetric).map(local);
    expect(north[0]).toEqual({ east: expect.closeTo(6, 6), north: expect.closeTo(240, 6) });
    expect(north[2]).toEqual({ east: expect.closeTo(30, 6), north: expect.closeTo(-60, 6) });
    expect(north[3]).toEqual({ east: expect.closeTo(-18, 6), north: expect.closeTo(-60, 6) });
    expect(north[1]!.north).toBeCloseTo(-60 + SHOULDER_AT * 300, 6);
    // Heading east: starboard is south, port north.
    const east = hullRing(LON, LAT, 90, asymmetric).map(local);
    expect(east[0]).toEqual({ east: expect.closeTo(240, 6), north: expect.closeTo(-6, 6) });
    expect(east[2]).toEqual({ east: expect.closeTo(-60, 6), north: expect.closeTo(-30, 6) });
    expect(east[3]).toEqual({ east: expect.closeTo(-60, 6), north: expect.closeTo(18, 6) });
    // Heading west: starboard is north.
    const west = hullRing(LON, LAT, 270, asymmetric).map(local);
    expect(west[0]).toEqual({ east: expect.closeTo(-240, 6), north: expect.closeTo(6, 6) });
    expect(west[2]).toEqual({ east: expect.closeTo(60, 6), north: expect.closeTo(30, 6) });
    // Heading south: starboard is west.
    const south = hullRing(LON, LAT, 180, asymmetric).map(local);
    expect(south[0]).toEqual({ east: expect.closeTo(-6, 6), north: expect.closeTo(-240, 6) });
    expect(south[2]).toEqual({ east: expect.closeTo(-30, 6), north: expect.closeTo(60, 6) });
  });

  it('finds the hull middle from the reference point', () => {
    const middle = local(offsetPosition(LON, LAT, 90, (240 - 60) / 2, (30 - 18) / 2));
    expect(middle).toEqual({ east: expect.closeTo(90, 6), north: expect.closeTo(-6, 6) });
  });
});

describe('hullDimensions', () => {
  it('keeps reported dimensions', () => {
    expect(hullDimensions({ toBowM: 240, toSternM: 60, toPortM: 18, toStarboardM: 30 })).toEqual(
      asymmetric,
    );
  });

  it.each([
    ['nothing known', undefined],
    ['an empty record', {}],
    ['AIS zeros (not available)', { toBowM: 0, toSternM: 0, toPortM: 0, toStarboardM: 0 }],
    ['nonsense', { toBowM: -5, toSternM: Number.NaN, toPortM: 3 }],
  ])('falls back to a centred default hull, marked estimated, for %s', (_label, info) => {
    expect(hullDimensions(info)).toEqual({
      toBowM: DEFAULT_LENGTH_M / 2,
      toSternM: DEFAULT_LENGTH_M / 2,
      toPortM: DEFAULT_BEAM_M / 2,
      toStarboardM: DEFAULT_BEAM_M / 2,
      estimated: true,
    });
  });

  it('estimates only the beam when the length is known', () => {
    const d = hullDimensions({ toBowM: 150, toSternM: 50 });
    expect(d).toMatchObject({ toBowM: 150, toSternM: 50, estimated: true });
    expect(d.toPortM + d.toStarboardM).toBeCloseTo(40, 6);
    expect(d.toPortM).toBe(d.toStarboardM);
  });

  it('estimates only the length when the beam is known', () => {
    const d = hullDimensions({ toPortM: 5, toStarboardM: 15 });
    expect(d).toEqual({ toBowM: 50, toSternM: 50, toPortM: 5, toStarboardM: 15, estimated: true });
  });

  it('gives a default-size ring of 100 m x 20 m', () => {
    const ring = hullRing(LON, LAT, 90, hullDimensions()).map(local);
    expect(span(ring.map((p) => p.east))).toBeCloseTo(100, 6);
    expect(span(ring.map((p) => p.north))).toBeCloseTo(20, 6);
  });

  it('draws the no-heading circle at half the length, never tiny', () => {
    expect(unknownHeadingRadiusM(centred)).toBe(150);
    expect(unknownHeadingRadiusM(hullDimensions())).toBe(50);
    expect(
      unknownHeadingRadiusM({ ...hullDimensions({ toBowM: 6, toSternM: 2 }), estimated: true }),
    ).toBe(MIN_RING_RADIUS_M);
  });
});

describe('navigational status', () => {
  it.each([
    [0, 'Under way', '在航（机动）'],
    [1, 'At anchor', '锚泊'],
    [2, 'Not under command', '失控'],
    [3, 'Restricted manoeuvrability', '操纵能力受限'],
    [4, 'Constrained by draught', '吃水受限'],
    [5, 'Moored', '系泊'],
    [6, 'Aground', '搁浅'],
    [7, 'Fishing', '从事捕捞'],
    [8, 'Under way, sailing', '在航（帆船）'],
    [11, 'Towing astern', '拖带（尾拖）'],
    [12, 'Pushing ahead / towing alongside', '顶推或旁拖'],
    [14, 'AIS-SART active', 'AIS-SART 报警'],
  ])('says what status %d means in both languages', (status, en, zh) => {
    expect(navStatusText(status, 'en')).toBe(en);
    expect(navStatusText(status, 'zh-CN')).toBe(zh);
  });

  it.each([9, 10, 13, 15, 16, -1, undefined])('says nothing for %s (reserved, unset)', (s) => {
    expect(navStatusText(s, 'en')).toBeUndefined();
    expect(navStatusText(s, 'zh-CN')).toBeUndefined();
  });

  it('has words for every status that is not reserved or "not defined"', () => {
    expect(Object.keys(NAV_STATUS_KEYS).map(Number)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 14,
    ]);
  });

  it('labels with the name and the status, else the MMSI alone', () => {
    expect(
      vesselLabel('413000001', { mmsi: '413000001', name: 'HAI XING', navStatus: 5 }, 'en'),
    ).toBe('HAI XING\nMoored');
    expect(
      vesselLabel('413000001', { mmsi: '413000001', name: '远洋之星', navStatus: 1 }, 'zh-CN'),
    ).toBe('远洋之星\n锚泊');
    expect(vesselLabel('413000001', undefined, 'en')).toBe('MMSI 413000001');
    expect(vesselLabel('413000001', { mmsi: '413000001', navStatus: 15 }, 'en')).toBe(
      'MMSI 413000001',
    );
  });
});

// ---- The layer builder ----------------------------------------------------------------

interface Fix {
  id: string;
  kind?: LiveEntityKind;
  lon: number;
  lat: number;
  headingDeg?: number | null;
  timeMs?: number;
}
const columns = (fixes: Fix[]): PositionColumns => ({
  ids: fixes.map((f) => f.id),
  kinds: fixes.map((f) => f.kind ?? 'vessel'),
  timeMs: fixes.map((f) => f.timeMs ?? 1_000),
  lon: fixes.map((f) => f.lon),
  lat: fixes.map((f) => f.lat),
  headingDeg: fixes.map((f) => f.headingDeg ?? null),
  speedMps: fixes.map(() => null),
  state: fixes.map(() => null),
});
const summary = (mmsi: string, more: Partial<VesselSummary> = {}): VesselSummary => ({
  mmsi,
  ...more,
});

function scene() {
  const buffers = new EntityBuffers(4);
  buffers.apply(
    columns([
      { id: '413000001', lon: 122.03, lat: 30.605, headingDeg: 90 },
      { id: 'TT001', kind: 'truck', lon: 122.035, lat: 30.616, headingDeg: 0 },
      { id: '413000002', lon: 122.045, lat: 30.604 },
      { id: '413000003', lon: 122.04, lat: 30.6145, headingDeg: 270 },
    ]),
    0,
  );
  const registry = new VesselRegistry();
  registry.replace([
    summary('413000001', {
      name: 'HAI XING',
      toBowM: 240,
      toSternM: 60,
      toPortM: 18,
      toStarboardM: 30,
      lastPosition: { lon: 122.03, lat: 30.605, navStatus: 0, time: '2026-12-01T08:00:00Z' },
    }),
    summary('413000002', {
      name: '远洋之星',
      toBowM: 150,
      toSternM: 30,
      toPortM: 14,
      toStarboardM: 14,
      lastPosition: { lon: 122.045, lat: 30.604, navStatus: 1, time: '2026-12-01T08:00:00Z' },
    }),
  ]);
  return { buffers, registry, layers: new VesselLayers() };
}
const EN = { zoom: 15, language: 'en' as const };

type AnyData = {
  length: number;
  attributes: Record<string, { value?: Float64Array | Float32Array | Uint8Array; length?: number }>;
};
const dataOf = (layer: unknown) => (layer as { props: { data: AnyData } }).props.data;

describe('VesselLayers', () => {
  it('builds the layers with stable ids, vessels only', () => {
    const { buffers, registry, layers } = scene();
    const built = layers.build(buffers, registry, EN);
    expect(built.shapes.map((l) => l.id)).toEqual([
      'vessel-markers',
      'vessel-hulls',
      'vessel-hull-outlines',
      'vessel-unknown-heading',
    ]);
    expect(built.labels.id).toBe('vessel-labels');
    expect(vesselIds(buffers)).toEqual(['413000001', '413000002', '413000003']);
    const again = layers.build(buffers, registry, { ...EN, zoom: 12 });
    expect([...again.shapes, again.labels].map((l) => l.id)).toEqual(
      [...built.shapes, built.labels].map((l) => l.id),
    );
  });

  it('draws a hull per vessel with a heading and a dashed circle per vessel without', () => {
    const { buffers, registry, layers } = scene();
    const { shapes, labels } = layers.build(buffers, registry, EN);
    const [markers, hulls, outlines, rings] = shapes as [
      ScatterplotLayer,
      SolidPolygonLayer,
      PathLayer,
      PathLayer,
    ];
    expect(dataOf(markers).length).toBe(3);
    expect(dataOf(hulls).length).toBe(2);
    expect(dataOf(hulls).attributes.getPolygon!.value!.length).toBe(2 * 6 * 2);
    expect(dataOf(hulls).attributes.indices!.length).toBe(2 * 9);
    expect(dataOf(outlines).length).toBe(2);
    expect(dataOf(rings).length).toBe(RING_DASHES);
    expect(dataOf(rings).attributes.getPath!.value!.length).toBe(RING_DASHES * POINTS_PER_DASH * 2);
    expect((labels as TextLayer).props.data).toHaveLength(3);
  });

  it('chooses the style: true hull, estimated hull, unknown heading', () => {
    const { buffers, registry, layers } = scene();
    layers.build(buffers, registry, EN);
    const shapes = layers.describe(buffers);
    expect(shapes.map((s) => [s.id, s.style])).toEqual([
      ['413000001', 'hull'],
      ['413000002', 'unknown-heading'],
      ['413000003', 'estimated'],
    ]);
    const ring = shapes[1]!;
    expect(ring.radiusM).toBe(90);
    expect(ring.centre).toEqual([122.045, 30.604]);
    for (const point of ring.outline)
      expect(groundDistanceM(point, ring.position)).toBeCloseTo(90, 0);
    const hull = shapes[0]!;
    expect(hull.outline).toEqual(hullRing(122.03, 30.605, 90, asymmetric));
    expect(groundDistanceM(hull.centre, hull.position)).toBeCloseTo(Math.hypot(90, 6), 0);
    const estimated = shapes[2]!;
    expect(groundDistanceM(estimated.outline[0]!, estimated.position)).toBeCloseTo(50, 0);
  });

  it('labels each vessel with name and status, in the chosen language, east of its outline', () => {
    const { buffers, registry, layers } = scene();
    layers.build(buffers, registry, EN);
    let shapes = layers.describe(buffers);
    expect(shapes.map((s) => s.label)).toEqual([
      'HAI XING\nUnder way',
      '远洋之星\nAt anchor',
      'MMSI 413000003',
    ]);
    for (const s of shapes) {
      const eastmost = Math.max(...s.outline.map((p) => p[0]));
      expect(s.labelPosition[0]).toBeCloseTo(eastmost, 9);
      expect(s.labelPosition[1]).toBeCloseTo(s.centre[1], 9);
    }
    layers.build(buffers, registry, { ...EN, language: 'zh-CN' });
    shapes = layers.describe(buffers);
    expect(shapes.map((s) => s.label)).toEqual([
      'HAI XING\n在航（机动）',
      '远洋之星\n锚泊',
      'MMSI 413000003',
    ]);
  });

  it('shows labels only from a zoom on, with glyphs for whatever the names hold', () => {
    const { buffers, registry, layers } = scene();
    const near = layers.build(buffers, registry, { ...EN, zoom: LABEL_MIN_ZOOM }).labels;
    const far = layers.build(buffers, registry, { ...EN, zoom: LABEL_MIN_ZOOM - 0.5 }).labels;
    expect(near.props.visible).toBe(true);
    expect(far.props.visible).toBe(false);
    expect((near as TextLayer).props.characterSet).toBe('auto');
  });

  it('keeps a minimum-size marker for every vessel, hidden inside the hull when zoomed in', () => {
    const { buffers, registry, layers } = scene();
    const markers = layers.build(buffers, registry, EN).shapes[0] as ScatterplotLayer;
    expect(markers.props.radiusMinPixels).toBeGreaterThanOrEqual(2);
    const radii = [...dataOf(markers).attributes.getRadius!.value!];
    expect(radii).toEqual([24, 0, 10]); // half the beam; a bare dot without heading
  });

  it('rebuilds the geometry only when a vessel moves or turns, or the registry changes', () => {
    const { buffers, registry, layers } = scene();
    const first = layers.build(buffers, registry, EN);
    const version = layers.geometryVersion;
    const still = layers.build(buffers, registry, EN);
    expect(layers.geometryVersion).toBe(version);
    expect(dataOf(still.shapes[1])).toBe(dataOf(first.shapes[1]));
    expect(still.labels.props.data).toBe(first.labels.props.data);

    // A new fix glides: positions change over the next frames.
    buffers.apply(
      columns([{ id: '413000001', lon: 122.031, lat: 30.605, headingDeg: 90, timeMs: 2_000 }]),
      0,
    );
    buffers.interpolate(500);
    const moving = layers.build(buffers, registry, EN);
    expect(layers.geometryVersion).toBe(version + 1);
    expect(dataOf(moving.shapes[1])).not.toBe(dataOf(first.shapes[1]));
    expect(moving.labels.props.data).toBe(first.labels.props.data); // same words, moved
    buffers.interpolate(5_000);
    layers.build(buffers, registry, EN);
    layers.build(buffers, registry, EN);
    expect(layers.geometryVersion).toBe(version + 2); // arrived, then still

    // Turning on the spot.
    buffers.apply(
      columns([{ id: '413000001', lon: 122.031, lat: 30.605, headingDeg: 95, timeMs: 3_000 }]),
      6_000,
    );
    buffers.interpolate(9_000);
    layers.build(buffers, registry, EN);
    expect(layers.geometryVersion).toBe(version + 3);

    // The registry gives vessel 3 its dimensions: no longer estimated.
    registry.replace([
      summary('413000003', {
        name: 'DONG HAI',
        toBowM: 80,
        toSternM: 20,
        toPortM: 8,
        toStarboardM: 8,
      }),
    ]);
    const named = layers.build(buffers, registry, EN);
    expect(layers.geometryVersion).toBe(version + 4);
    expect(named.labels.props.data).not.toBe(first.labels.props.data);
    expect(layers.describe(buffers).map((s) => s.style)).toEqual([
      'estimated',
      'unknown-heading',
      'hull',
    ]);
  });

  it('follows vessels that appear, and starts over after the buffers are cleared', () => {
    const { buffers, registry, layers } = scene();
    layers.build(buffers, registry, EN);
    buffers.apply(
      columns(
        Array.from({ length: 40 }, (_, i) => ({
          id: String(413_100_000 + i),
          lon: 122.03 + i * 0.0005,
          lat: 30.6,
          headingDeg: i % 3 === 0 ? null : i * 9,
        })),
      ),
      0,
    );
    const { shapes, labels } = layers.build(buffers, registry, EN);
    expect(dataOf(shapes[0]).length).toBe(43);
    expect(dataOf(shapes[1]).length).toBe(2 + 26);
    expect(dataOf(shapes[3]).length).toBe((1 + 14) * RING_DASHES);
    expect((labels as TextLayer).props.data).toHaveLength(43);
    buffers.clear();
    const empty = layers.build(buffers, registry, EN);
    expect(empty.shapes.map((l) => dataOf(l).length)).toEqual([0, 0, 0, 0]);
    expect((empty.labels as TextLayer).props.data).toHaveLength(0);
  });
});
