// The history routes, typed: the berth schedule, a machine's timeline, a lane's queue.
// Each uses the server's default window (the views show "around now"); a refusal or an
// unreachable server comes back as an Error with the server's message when it gave one.
import type { BerthSchedule, EquipmentHistory, LaneHistory } from '../../../protocol/history.ts';

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { signal });
  const body = (await response.json().catch(() => ({}))) as T & { message?: string };
  if (!response.ok) throw new Error(body.message ?? `HTTP ${response.status}`);
  return body;
}

export const fetchBerthSchedule = (signal?: AbortSignal) =>
  getJson<BerthSchedule>('/api/v1/berth-schedule', signal);

export const fetchEquipmentHistory = (equipmentId: string, signal?: AbortSignal) =>
  getJson<EquipmentHistory>(`/api/v1/equipment/${encodeURIComponent(equipmentId)}/history`, signal);

export const fetchLaneHistory = (laneId: string, signal?: AbortSignal) =>
  getJson<LaneHistory>(`/api/v1/lanes/${encodeURIComponent(laneId)}/history`, signal);
