// Small numeric helpers the KPI definitions share.

/** Percentile by linear interpolation between closest ranks (p in [0, 1]). */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = p * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (rank - low);
}

/** Length of the overlap of [a0, a1) and [b0, b1), 0 when they do not meet. */
export function overlapMs(a0: number, a1: number, b0: number, b1: number): number {
  return Math.max(0, Math.min(a1, b1) - Math.max(a0, b0));
}

export const HOUR_MS = 3_600_000;

/** numerator ÷ denominator, or null when the denominator is 0 (nothing to divide by). */
export function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** A count over a duration in ms as a rate per hour; null for an empty duration. */
export function perHour(count: number, durationMs: number): number | null {
  return ratio(count * HOUR_MS, durationMs);
}

/** A percentile of durations in ms, in seconds; null for no durations. */
export function percentileSeconds(valuesMs: readonly number[], p: number): number | null {
  const value = percentile(valuesMs, p);
  return value === undefined ? null : value / 1000;
}

/** Total length covered by intervals [start, end) that may overlap. */
export function unionLengthMs(intervals: readonly (readonly [number, number])[]): number {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  let total = 0;
  let coveredTo = -Infinity;
  for (const [start, end] of sorted) {
    const from = Math.max(start, coveredTo);
    if (end > from) total += end - from;
    coveredTo = Math.max(coveredTo, end);
  }
  return total;
}

/** Adds `amount` to the number kept under `key` (a missing key counts as 0). */
export function addTo<K>(totals: Map<K, number>, key: K, amount: number): void {
  totals.set(key, (totals.get(key) ?? 0) + amount);
}

export const sum = (values: Iterable<number>) => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
