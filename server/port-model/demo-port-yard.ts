// The demo port's yard: block rows parallel to the quay, and the road grid that serves
// them. East-west lanes (the crane lane, the apron lane, one lane south of each block
// row and one north of the last) cross north-south roads in the gaps between block
// columns; every crossing is a vertex of both lines, so the lines form one graph.
import type { FeatureOfKind, PortFeature } from '../../protocol/port-model.ts';
import {
  BLOCK_COLUMNS,
  BLOCK_DEPTH_M,
  BLOCK_LENGTH_M,
  BLOCK_ROWS,
  blockX0,
  blockY0,
  CRANE_LANE_Y_M,
  CROSS_XS,
  FRAME,
  GRID_YS,
  TERMINAL_ID,
} from './demo-port-layout.ts';

type BlockKind = FeatureOfKind<'yard_block'>['properties']['blockKind'];

const SLOT_LENGTH_M = 6.5; // a 20-foot slot with its gap
const SLOT_WIDTH_M = 2.8;
const TIERS = 5;

/** Rows from the quay inland: export stacks nearest the ships, empties furthest away. */
const ROW_KINDS: BlockKind[] = ['export', 'export', 'export', 'import', 'import', 'empty'];

function blockKind(row: number, column: number): BlockKind {
  const east = column >= BLOCK_COLUMNS - 2;
  if (ROW_KINDS[row] === 'import' && east) return 'reefer'; // by the reefer power racks
  if (ROW_KINDS[row] === 'empty' && east) return 'dangerous'; // segregated, at the edge
  return ROW_KINDS[row]!;
}

export const blockId = (row: number, column: number) =>
  `${TERMINAL_ID}-Y${String.fromCharCode(65 + row)}${String(column + 1).padStart(2, '0')}`;

export function yardFeatures(): PortFeature[] {
  const { rectangle, line } = FRAME;
  const features: PortFeature[] = [];
  const bays = Math.floor(BLOCK_LENGTH_M / SLOT_LENGTH_M);
  const rows = Math.floor(BLOCK_DEPTH_M / SLOT_WIDTH_M) - 2; // two lanes' width for the crane
  for (let r = 0; r < BLOCK_ROWS; r += 1) {
    for (let c = 0; c < BLOCK_COLUMNS; c += 1) {
      const x0 = blockX0(c);
      const y0 = blockY0(r);
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: rectangle(x0, y0, x0 + BLOCK_LENGTH_M, y0 + BLOCK_DEPTH_M),
        },
        properties: {
          id: blockId(r, c),
          kind: 'yard_block',
          terminalId: TERMINAL_ID,
          blockKind: blockKind(r, c),
          bays,
          rows,
          tiers: TIERS,
          capacityTeu: bays * rows * TIERS,
        },
      });
    }
  }

  GRID_YS.forEach((y, i) => {
    const quayside = i < 2;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: line(CROSS_XS.map((x) => [x, y])) },
      properties: {
        id: quayside
          ? `${TERMINAL_ID}-road-${y === CRANE_LANE_Y_M ? 'crane-lane' : 'apron'}`
          : `${TERMINAL_ID}-road-yard-${i - 1}`,
        kind: 'road',
        roadKind: quayside ? 'quay_lane' : 'yard_lane',
      },
    });
  });
  CROSS_XS.forEach((x, c) => {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: line(GRID_YS.map((y) => [x, y])) },
      properties: { id: `${TERMINAL_ID}-road-cross-${c}`, kind: 'road', roadKind: 'yard_lane' },
    });
  });
  return features;
}
