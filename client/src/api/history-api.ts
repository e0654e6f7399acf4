// The history routes, typed: the berth schedule, a machine's timeline, a lane's queue.
// Each uses the server's default window (the views show "around now"); the schedule can
// also be read as known at a past instant (replay).
import type { BerthSchedule, EquipmentHistory, LaneHistory } from '../../../protocol/history.ts';
import { getJson } from './get-json.ts';

const DAY_MS = 86_400_000;

/** The calls of the day before and after now, or as known at asAtMs and around it. */
export const fetchBerthSchedule = (signal?: AbortSignal, asAtMs?: number) =>
  getJson<BerthSchedule>(
    asAtMs === undefined
      ? '/api/v1/berth-schedule'
      : `/api/v1/berth-schedule?from=${asAtMs - DAY_MS}&to=${asAtMs + DAY_MS}&at=${asAtMs}`,
    signal,
  );

const EQUIPMENT_SPAN_MS = 8 * 3_600_000;
const LANE_SPAN_MS = 4 * 3_600_000;
/** The span the server gives by default, ending at toMs instead of now. */
const endingAt = (spanMs: number, toMs?: number) =>
  toMs === undefined ? '' : `?from=${toMs - spanMs}&to=${toMs}`;

/** A machine's last 8 hours, up to now or to toMs. */
export const fetchEquipmentHistory = (equipmentId: string, signal?: AbortSignal, toMs?: number) =>
  getJson<EquipmentHistory>(
    `/api/v1/equipment/${encodeURIComponent(equipmentId)}/history${endingAt(EQUIPMENT_SPAN_MS, toMs)}`,
    signal,
  );

/** A lane's last 4 hours, up to now or to toMs. */
export const fetchLaneHistory = (laneId: string, signal?: AbortSignal, toMs?: number) =>
  getJson<LaneHistory>(
    `/api/v1/lanes/${encodeURIComponent(laneId)}/history${endingAt(LANE_SPAN_MS, toMs)}`,
    signal,
  );
