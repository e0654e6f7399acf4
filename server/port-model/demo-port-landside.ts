// The demo port's landside: the terminal's outline, the land it stands on (an island
// joined to the mainland by a causeway, as at Yangshan), the gate complex on the public
// road, and the customs inspection area. Lanes are one-way lines in the direction of
// travel; their ends are vertices of the plaza roads, so they join the road graph.
import type { PortFeature } from '../../protocol/port-model.ts';
import {
  FRAME,
  GATE_X_M,
  INSPECTION_ACCESS_X_M,
  NORTH_LANE_Y_M,
  TERMINAL_ID,
  type XYList,
} from './demo-port-layout.ts';

const GATE_ID = `${TERMINAL_ID}-gate`;
// The gate stands at the landward end of the terminal, a kilometre from the stacks, as
// where a terminal's land meets its causeway.
const INNER_PLAZA_Y_M = 1_600;
const OUTER_PLAZA_Y_M = 1_660;
const TERMINAL_NORTH_Y_M = 1_700;
const ISLAND_NORTH_Y_M = 1_900;
const LANE_PITCH_M = 7;
const IN_LANES = 12;
const OUT_LANES = 8;
/** The last two in-lanes have no OCR portal: trucks with paperwork problems go there. */
const IN_LANES_WITHOUT_OCR = 2;
const PUBLIC_ROAD_END_Y_M = 3_600;

const INSPECTION_ID = `${TERMINAL_ID}-inspection`;
const INSPECTION_JUNCTION_Y_M = 740;
const INSPECTION_ENTRY_Y_M = 780;
const INSPECTION_EXIT_Y_M = 900;
const INSPECTION_RETURN_X_M = 600;
const SCAN_LANE_XS = [330, 355];
const MANUAL_LANE_XS = [460, 485, 510, 535];

const road = (
  id: string,
  roadKind: 'gate_road' | 'inspection_road' | 'public_road',
  points: XYList,
): PortFeature => ({
  type: 'Feature',
  geometry: { type: 'LineString', coordinates: FRAME.line(points) },
  properties: { id, kind: 'road', roadKind },
});

/** An east-west plaza road with a vertex at every lane that starts or ends on it. */
const plaza = (y: number, xs: number[]): XYList =>
  [...new Set(xs)].sort((a, b) => a - b).map((x): [number, number] => [x, y]);

function gateFeatures(): PortFeature[] {
  const inXs = Array.from({ length: IN_LANES }, (_, k) => GATE_X_M - 30 - LANE_PITCH_M * k);
  const outXs = Array.from({ length: OUT_LANES }, (_, k) => GATE_X_M + 30 + LANE_PITCH_M * k);
  const plazaXs = [GATE_X_M - 130, ...inXs, GATE_X_M, ...outXs, GATE_X_M + 130];
  const lane = (direction: 'in' | 'out', x: number, n: number, ocr: boolean): PortFeature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: FRAME.line(
        direction === 'in'
          ? [
              [x, OUTER_PLAZA_Y_M],
              [x, INNER_PLAZA_Y_M],
            ]
          : [
              [x, INNER_PLAZA_Y_M],
              [x, OUTER_PLAZA_Y_M],
            ],
      ),
    },
    properties: {
      id: `${GATE_ID}-${direction}-${String(n).padStart(2, '0')}`,
      kind: 'gate_lane',
      name: `${direction === 'in' ? 'In' : 'Out'}-gate lane ${n}`,
      gateId: GATE_ID,
      direction,
      ocr,
      rfid: true,
    },
  });
  return [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: FRAME.rectangle(
          GATE_X_M - 140,
          INNER_PLAZA_Y_M - 10,
          GATE_X_M + 140,
          OUTER_PLAZA_Y_M + 10,
        ),
      },
      properties: { id: GATE_ID, kind: 'gate', name: 'Main gate', terminalId: TERMINAL_ID },
    },
    ...inXs.map((x, k) => lane('in', x, k + 1, k < IN_LANES - IN_LANES_WITHOUT_OCR)),
    ...outXs.map((x, k) => lane('out', x, k + 1, true)),
    road(`${TERMINAL_ID}-road-gate`, 'gate_road', [
      [GATE_X_M, NORTH_LANE_Y_M],
      [GATE_X_M, INNER_PLAZA_Y_M],
    ]),
    road(`${TERMINAL_ID}-road-gate-inner-plaza`, 'gate_road', plaza(INNER_PLAZA_Y_M, plazaXs)),
    road(`${TERMINAL_ID}-road-gate-outer-plaza`, 'gate_road', plaza(OUTER_PLAZA_Y_M, plazaXs)),
    road('public-road', 'public_road', [
      [GATE_X_M, OUTER_PLAZA_Y_M],
      [GATE_X_M, ISLAND_NORTH_Y_M],
      [GATE_X_M, PUBLIC_ROAD_END_Y_M],
    ]),
  ];
}

function inspectionFeatures(): PortFeature[] {
  const x = INSPECTION_ACCESS_X_M;
  const laneXs = [...SCAN_LANE_XS, ...MANUAL_LANE_XS];
  const lane = (method: 'scan' | 'manual', laneX: number, n: number): PortFeature => ({
    type: 'Feature',
    geometry: {
      type: 'LineString',
      coordinates: FRAME.line([
        [laneX, INSPECTION_ENTRY_Y_M],
        [laneX, INSPECTION_EXIT_Y_M],
      ]),
    },
    properties: {
      id: `${INSPECTION_ID}-${method}-${n}`,
      kind: 'inspection_lane',
      name: method === 'scan' ? `Scanner ${n}` : `Examination bay ${n}`,
      inspectionAreaId: INSPECTION_ID,
      method,
      // A drive-through scanner takes about 40 trucks an hour; an examination, 40 minutes.
      capacityPerHour: method === 'scan' ? 40 : 1.5,
    },
  });
  return [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: FRAME.rectangle(280, 720, 640, 920) },
      properties: {
        id: INSPECTION_ID,
        kind: 'inspection_area',
        name: 'Customs inspection area',
        terminalId: TERMINAL_ID,
        authority: 'Customs',
      },
    },
    ...SCAN_LANE_XS.map((laneX, k) => lane('scan', laneX, k + 1)),
    ...MANUAL_LANE_XS.map((laneX, k) => lane('manual', laneX, k + 1)),
    // A loop that joins the yard at one junction only, so it is never a short cut.
    road(`${TERMINAL_ID}-road-inspection-access`, 'inspection_road', [
      [x, NORTH_LANE_Y_M],
      [x, INSPECTION_JUNCTION_Y_M],
      [x, INSPECTION_ENTRY_Y_M],
    ]),
    road(
      `${TERMINAL_ID}-road-inspection-entry`,
      'inspection_road',
      plaza(INSPECTION_ENTRY_Y_M, [SCAN_LANE_XS[0]! - 30, ...laneXs, x]),
    ),
    road(
      `${TERMINAL_ID}-road-inspection-exit`,
      'inspection_road',
      plaza(INSPECTION_EXIT_Y_M, [SCAN_LANE_XS[0]! - 30, ...laneXs, INSPECTION_RETURN_X_M]),
    ),
    road(`${TERMINAL_ID}-road-inspection-return`, 'inspection_road', [
      [INSPECTION_RETURN_X_M, INSPECTION_EXIT_Y_M],
      [INSPECTION_RETURN_X_M, INSPECTION_JUNCTION_Y_M],
      [x, INSPECTION_JUNCTION_Y_M],
    ]),
  ];
}

export function landsideFeatures(): PortFeature[] {
  const { rectangle, ring } = FRAME;
  return [
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: ring([
          [-400, 0],
          [2_500, 0],
          [2_500, ISLAND_NORTH_Y_M],
          [GATE_X_M + 50, ISLAND_NORTH_Y_M],
          [GATE_X_M + 50, PUBLIC_ROAD_END_Y_M],
          [GATE_X_M - 50, PUBLIC_ROAD_END_Y_M],
          [GATE_X_M - 50, ISLAND_NORTH_Y_M],
          [-400, ISLAND_NORTH_Y_M],
        ]),
      },
      properties: { id: `${TERMINAL_ID}-land`, kind: 'land', name: 'Terminal island and causeway' },
    },
    {
      type: 'Feature',
      geometry: {
        type: 'Polygon',
        coordinates: rectangle(-200, 0, 2_300, TERMINAL_NORTH_Y_M),
      },
      properties: {
        id: TERMINAL_ID,
        kind: 'terminal',
        name: 'Terminal 1',
        operator: 'Quayside Demo Terminals',
        unLocode: 'CNSHA',
      },
    },
    ...gateFeatures(),
    ...inspectionFeatures(),
  ];
}
