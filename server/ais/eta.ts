// A type 5 ETA has month, day, hour and minute but no year. Placed in time relative to when
// it was received: the year that puts it closest to the receive time (an ETA is usually
// ahead, but stale ETAs a few weeks old are common, so "closest" beats "next").
import type { AisEta } from './types.ts';

/** Epoch ms of a complete ETA (all four parts available and a real date), else undefined. */
export function etaToEpochMs(eta: AisEta | undefined, referenceMs: number): number | undefined {
  if (!eta) return undefined;
  const { month, day, hour, minute } = eta;
  if (month === undefined || day === undefined || hour === undefined || minute === undefined) {
    return undefined;
  }
  const year = new Date(referenceMs).getUTCFullYear();
  let best: number | undefined;
  for (const y of [year - 1, year, year + 1]) {
    const ms: number = Date.UTC(y, month - 1, day, hour, minute);
    if (new Date(ms).getUTCDate() !== day) continue; // 31 April, 29 February of a common year
    if (best === undefined || Math.abs(ms - referenceMs) < Math.abs(best - referenceMs)) best = ms;
  }
  return best;
}
