// Everything at one past instant: each entity at its last recent fix, the alerts open then
// as they stood then, and the frame (KPIs and picture). What a seek lands on.
import { alertAsAt, type Alert } from '../../protocol/alerts.ts';
import type { ReplaySnapshot } from '../../protocol/replay.ts';
import type { AlertStore } from '../alerts/alert-store.ts';
import { toColumns } from '../live/live-hub.ts';
import { fromEquipment, fromVessel } from '../live/live-positions.ts';
import { latestEquipmentPositions, latestVesselPositions } from '../storage/latest.ts';
import { replayFrames, type FrameWindows, type ReplayDeps } from './replay-frames.ts';

/**
 * A fix older than this is not where an entity is: it has left (a truck gone out of the
 * gate) or its feed was down. AIS reports a moored ship every 3 minutes.
 */
export const SNAPSHOT_LOOKBACK_MS = 15 * 60_000;

export async function replaySnapshot(
  deps: ReplayDeps & { alerts: AlertStore },
  atMs: number,
  windows: FrameWindows,
): Promise<ReplaySnapshot> {
  const asAt = { atMs, lookbackMs: SNAPSHOT_LOOKBACK_MS };
  const [[frame], equipment, vessels, alerts] = await Promise.all([
    replayFrames(deps, [atMs], windows),
    latestEquipmentPositions(deps.db, asAt),
    latestVesselPositions(deps.db, asAt),
    deps.alerts.list(atMs, atMs + 1),
  ]);
  return {
    ...frame!,
    positions: toColumns([...equipment.map(fromEquipment), ...vessels.map(fromVessel)]),
    lookbackMs: SNAPSHOT_LOOKBACK_MS,
    alerts: alerts.map((a) => alertAsAt(a, atMs)).filter((a): a is Alert => a !== undefined),
  };
}
