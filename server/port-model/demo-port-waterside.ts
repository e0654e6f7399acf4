// The demo port's waterside: the approach waters with the channel, pilot boarding place
// and anchorage to the south, the quay, its berths and the ship-to-shore cranes.
import type { PortFeature } from '../../protocol/port-model.ts';
import {
  BERTH_COUNT,
  BERTH_LENGTH_M,
  CRANE_LANE_Y_M,
  CRANES_PER_BERTH,
  FRAME,
  QUAY_LENGTH_M,
  TERMINAL_ID,
} from './demo-port-layout.ts';

/** Deeper berths to the east take the largest ships; the west ones suit feeders. */
const BERTH_DEPTHS_M = [15, 16, 17.5, 17.5, 17.5, 17.5];
const OUTREACH_BY_BERTH_M = [60, 60, 70, 70, 70, 70];

/** Channel centre line, sea end first; it bends towards the basin off the quay. */
const CHANNEL_XY: [number, number][] = [
  [10_500, -14_500],
  [8_000, -11_000],
  [4_500, -6_000],
  [2_200, -2_600],
  [1_300, -1_100],
];

export function watersideFeatures(): PortFeature[] {
  const { rectangle, line, toLonLat } = FRAME;
  const features: PortFeature[] = [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: rectangle(-9_000, -16_000, 14_000, 0) },
      properties: { id: 'water', kind: 'water', name: 'Approach waters' },
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: line(CHANNEL_XY) },
      properties: {
        id: 'channel-main',
        kind: 'channel',
        name: 'Main approach channel',
        depthM: 17.5,
        widthM: 500,
        speedLimitKnots: 12,
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: toLonLat(8_200, -11_300) },
      properties: { id: 'pbp-main', kind: 'pilot_boarding_place', name: 'Pilot boarding place' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: rectangle(-500, -9_500, 3_500, -6_500) },
      properties: {
        id: 'anchorage-1',
        kind: 'anchorage',
        name: 'Container anchorage',
        maxDraughtM: 18,
      },
    },
    {
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [toLonLat(0, 0), toLonLat(QUAY_LENGTH_M, 0)] },
      properties: {
        id: `${TERMINAL_ID}-quay`,
        kind: 'quay',
        name: 'Main quay',
        terminalId: TERMINAL_ID,
      },
    },
  ];
  for (let b = 0; b < BERTH_COUNT; b += 1) {
    const x0 = b * BERTH_LENGTH_M;
    features.push({
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: rectangle(x0, -60, x0 + BERTH_LENGTH_M, 0) },
      properties: {
        id: `${TERMINAL_ID}-B${b + 1}`,
        kind: 'berth',
        name: `Berth ${b + 1}`,
        terminalId: TERMINAL_ID,
        lengthM: BERTH_LENGTH_M,
        depthM: BERTH_DEPTHS_M[b]!,
      },
    });
    // Parked evenly along the berth, each in the middle of its quarter.
    for (let k = 0; k < CRANES_PER_BERTH; k += 1) {
      const order = b * CRANES_PER_BERTH + k + 1;
      const x = x0 + ((k + 0.5) * BERTH_LENGTH_M) / CRANES_PER_BERTH;
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: toLonLat(x, CRANE_LANE_Y_M) },
        properties: {
          id: `${TERMINAL_ID}-QC${String(order).padStart(2, '0')}`,
          kind: 'sts_crane',
          name: `Quay crane ${order}`,
          terminalId: TERMINAL_ID,
          railOrder: order,
          outreachM: OUTREACH_BY_BERTH_M[b]!,
          liftCapacityT: 65,
        },
      });
    }
  }
  return features;
}
