// The arithmetic the benches report with.

export const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Bytes in (decimal) megabytes, to two places. */
export const mb = (bytes: number) => round(bytes / 1_000_000, 2);

/** Nearest-rank quantiles (each q in (0, 1]) of the samples, sorted once; NaN when empty. */
export function quantiles(samples: ArrayLike<number>, qs: number[]): number[] {
  const sorted = Float64Array.from(samples).sort();
  const n = sorted.length;
  return qs.map((q) => (n === 0 ? NaN : sorted[Math.min(n - 1, Math.ceil(q * n) - 1)]!));
}
