// The demo port's dimensions in its local frame (x east, y north, metres from the west
// end of the quay), shared by the modules that draw its waterside, yard and landside.
// The road grid's lines are listed here because all three connect to it.
import { localFrame } from './local-frame.ts';

export const TERMINAL_ID = 'T1';
export const FRAME = localFrame([122.03, 30.615]);

export const QUAY_LENGTH_M = 2_100;
export const BERTH_COUNT = 6;
export const BERTH_LENGTH_M = QUAY_LENGTH_M / BERTH_COUNT;
export const CRANES_PER_BERTH = 4;

/** Under the cranes (where AGVs are served) and the apron lane behind the landside rail. */
export const CRANE_LANE_Y_M = 18;
export const APRON_LANE_Y_M = 55;

export const BLOCK_COLUMNS = 10;
export const BLOCK_ROWS = 6;
export const COLUMN_PITCH_M = 210;
export const BLOCK_LENGTH_M = 180;
export const BLOCK_DEPTH_M = 40;
export const ROW_PITCH_M = 90;
export const FIRST_BLOCK_Y_M = 150;
/** A yard lane runs 25 m south of each block row, and one more north of the last. */
export const LANE_OFFSET_M = 25;

export const blockX0 = (column: number) => column * COLUMN_PITCH_M + 15;
export const blockY0 = (row: number) => FIRST_BLOCK_Y_M + row * ROW_PITCH_M;

export const YARD_LANE_YS = Array.from(
  { length: BLOCK_ROWS + 1 },
  (_, r) => blockY0(r) - LANE_OFFSET_M,
);
export const NORTH_LANE_Y_M = YARD_LANE_YS.at(-1)!;
/** Every east-west line of the grid, from the crane lane to the northern yard lane. */
export const GRID_YS = [CRANE_LANE_Y_M, APRON_LANE_Y_M, ...YARD_LANE_YS];
/** The north-south cross roads, in the gaps between block columns. */
export const CROSS_XS = Array.from({ length: BLOCK_COLUMNS + 1 }, (_, c) => c * COLUMN_PITCH_M);

/** The gate complex sits north of the yard, on the cross road in the middle. */
export const GATE_X_M = CROSS_XS[5]!;
/** The inspection area hangs off the northern yard lane at this cross road. */
export const INSPECTION_ACCESS_X_M = CROSS_XS[2]!;

export type XYList = [number, number][];
