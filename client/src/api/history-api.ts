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

export const fetchEquipmentHistory = (equipmentId: string, signal?: AbortSignal) =>
  getJson<EquipmentHistory>(`/api/v1/equipment/${encodeURIComponent(equipmentId)}/history`, signal);

export const fetchLaneHistory = (laneId: string, signal?: AbortSignal) =>
  getJson<LaneHistory>(`/api/v1/lanes/${encodeURIComponent(laneId)}/history`, signal);
