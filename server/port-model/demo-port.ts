// The built-in demo port: a fictional automated container terminal laid out at
// plausible coordinates off Shanghai's Yangshan islands. Quay along the south edge of
// the terminal (water to the south), yard blocks in rows behind it, a road grid between
// the blocks whose crossings are shared vertices (the simulator's road graph).
import type { PortFeature, PortModel } from '../../protocol/port-model.ts';
import { localFrame } from './local-frame.ts';

const TERMINAL = 'T1';
const ORIGIN: [number, number] = [122.03, 30.615];
const QUAY_LENGTH_M = 2_100;
const BERTHS = 6;
const BLOCK_COLUMNS = 10;
const BLOCK_ROWS = 5;
const COLUMN_PITCH_M = 210;
const BLOCK_LENGTH_M = 180;
const ROW_PITCH_M = 90;
const BLOCK_DEPTH_M = 40;
const FIRST_ROW_Y_M = 150;
const QUAY_LANE_Y_M = 35;
const SLOT_LENGTH_M = 6.5; // a 20-foot slot with its gap
const SLOT_WIDTH_M = 2.8;
const TIERS = 5;

const BLOCK_KIND_BY_ROW = ['export', 'export', 'import', 'import', 'empty'] as const;

export function buildDemoPort(): PortModel {
  const { toLonLat, rectangle } = localFrame(ORIGIN);
  const features: PortFeature[] = [];
  const add = (feature: PortFeature) => features.push(feature);

  add({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: rectangle(-3_000, -4_000, 5_000, 0) },
    properties: { id: 'water', kind: 'water', name: 'Approach waters' },
  });
  add({
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: rectangle(-200, 0, QUAY_LENGTH_M + 200, 700) },
    properties: { id: `${TERMINAL}-land`, kind: 'land', name: 'Terminal 1' },
  });
  add({
    type: 'Feature',
    geometry: { type: 'LineString', coordinates: [toLonLat(0, 0), toLonLat(QUAY_LENGTH_M, 0)] },
    properties: { id: `${TERMINAL}-quay`, kind: 'quay', name: 'Main quay', terminalId: TERMINAL },
  });

  const berthLength = QUAY_LENGTH_M / BERTHS;
  for (let b = 0; b < BERTHS; b += 1) {
    add({
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: rectangle(b * berthLength, -60, (b + 1) * berthLength, 0),
      },
      properties: {
        id: `${TERMINAL}-B${b + 1}`,
        kind: 'berth',
        name: `Berth ${b + 1}`,
        terminalId: TERMINAL,
        lengthM: berthLength,
        depthM: 17.5,
      },
    });
  }

  const bays = Math.floor(BLOCK_LENGTH_M / SLOT_LENGTH_M);
  const rows = Math.floor(BLOCK_DEPTH_M / SLOT_WIDTH_M) - 2; // two lanes' width for the crane
  for (let r = 0; r < BLOCK_ROWS; r += 1) {
    for (let c = 0; c < BLOCK_COLUMNS; c += 1) {
      const x0 = c * COLUMN_PITCH_M + 15;
      const y0 = FIRST_ROW_Y_M + r * ROW_PITCH_M;
      const reefer = r === 2 && c >= 8;
      const dangerous = r === 4 && c === 9;
      const blockKind = dangerous ? 'dangerous' : reefer ? 'reefer' : BLOCK_KIND_BY_ROW[r]!;
      add({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: rectangle(x0, y0, x0 + BLOCK_LENGTH_M, y0 + BLOCK_DEPTH_M),
        },
        properties: {
          id: `${TERMINAL}-Y${String.fromCharCode(65 + r)}${String(c + 1).padStart(2, '0')}`,
          kind: 'yard_block',
          terminalId: TERMINAL,
          blockKind,
          bays,
          rows,
          tiers: TIERS,
          capacityTeu: bays * rows * TIERS,
        },
      });
    }
  }

  // Road grid: east-west lanes (the quay lane and one before each block row) crossed by
  // north-south lanes in the gaps between block columns. Every crossing is a vertex of
  // both lines, so the lines form a connected graph.
  const laneYs = [
    QUAY_LANE_Y_M,
    ...Array.from({ length: BLOCK_ROWS + 1 }, (_, r) => FIRST_ROW_Y_M + r * ROW_PITCH_M - 25),
  ];
  const crossXs = Array.from({ length: BLOCK_COLUMNS + 1 }, (_, c) => c * COLUMN_PITCH_M);
  laneYs.forEach((y, i) => {
    add({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: crossXs.map((x) => toLonLat(x, y)) },
      properties: {
        id: i === 0 ? `${TERMINAL}-road-quay` : `${TERMINAL}-road-yard-${i}`,
        kind: 'road',
        roadKind: i === 0 ? 'quay_lane' : 'yard_lane',
      },
    });
  });
  crossXs.forEach((x, c) => {
    add({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: laneYs.map((y) => toLonLat(x, y)) },
      properties: { id: `${TERMINAL}-road-cross-${c}`, kind: 'road', roadKind: 'yard_lane' },
    });
  });

  return {
    type: 'FeatureCollection',
    properties: {
      portId: 'CNSHA-DEMO',
      name: 'Quayside demo terminal',
      timeZone: 'Asia/Shanghai',
      center: toLonLat(QUAY_LENGTH_M / 2, 250),
    },
    features,
  };
}
