// Replay: the state of the port at any past instant, and what happened over a window, in
// the shapes the live channel uses (positions as columns, KPIs, the operations picture),
// so the client draws a replayed moment with the same code as a live one.
import type { Alert } from './alerts.ts';
import type { KpiValue } from './kpi.ts';
import type { PositionColumns } from './live.ts';
import type { OperationsPicture } from './operations.ts';

/** KPIs and the operations picture at one instant. */
export interface ReplayFrame {
  atMs: number;
  /** Over [kpiFromMs, atMs): by default the trailing 24 hours, as the live KPIs. */
  kpis: KpiValue[];
  kpiFromMs: number;
  picture: OperationsPicture;
}

/** GET /api/v1/snapshot?at=: everything at one instant. */
export interface ReplaySnapshot extends ReplayFrame {
  /** The last fix of each entity seen in the lookback before atMs (at or before atMs). */
  positions: PositionColumns;
  /** How far back a last fix may lie and still count as where an entity is. */
  lookbackMs: number;
  /** Alerts raised at or before atMs and not resolved by then. */
  alerts: Alert[];
}

/** GET /api/v1/replay/frames: frames at fromMs, fromMs + stepMs, ... before toMs. */
export interface ReplayFrames {
  fromMs: number;
  toMs: number;
  stepMs: number;
  frames: ReplayFrame[];
}

/**
 * GET /api/v1/replay/positions: fixes of [fromMs, toMs) in time order. With stepMs above
 * the raw rate, one fix per entity per step (its last in that step): what a fast replay
 * needs and no more.
 */
export interface ReplayPositions {
  fromMs: number;
  toMs: number;
  stepMs: number;
  positions: PositionColumns;
}

/** GET /api/v1/replay/range: the span with stored positions (both absent when nothing is stored). */
export interface ReplayRange {
  firstMs?: number;
  lastMs?: number;
}

/** The sample steps a position window may be read at (ms); raw fixes are 1 s apart. */
export const POSITION_STEPS_MS = [1_000, 10_000, 60_000, 300_000] as const;
