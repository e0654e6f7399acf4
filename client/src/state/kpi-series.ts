// The recent course of each KPI, for sparklines: one sample a minute of every KPI value
// pushed live (about once a second), the newest replacing the last while its minute is
// still open. Two hours are kept: enough to see a trend on a tile, small enough to copy.
import type { KpiValue } from '../../../protocol/kpi.ts';

export const SAMPLE_EVERY_MS = 60_000;
export const SAMPLES_KEPT = 120;

export type KpiSeries = Readonly<Record<string, readonly (number | null)[]>>;

export const seriesKey = (id: string, scope: string) => `${id}|${scope}`;

/** The series with this push's values added; the old object is not changed. */
export function addSample(
  series: KpiSeries,
  lastSampleMs: number | undefined,
  kpis: readonly KpiValue[],
  atMs: number,
): { series: KpiSeries; sampleMs: number } {
  const newMinute = lastSampleMs === undefined || atMs - lastSampleMs >= SAMPLE_EVERY_MS;
  const next: Record<string, (number | null)[]> = {};
  for (const kpi of kpis) {
    const key = seriesKey(kpi.id, kpi.scope);
    const known = series[key] ?? [];
    const kept = newMinute ? known : known.slice(0, -1);
    next[key] = [...kept, kpi.value].slice(-SAMPLES_KEPT);
  }
  return { series: next, sampleMs: newMinute ? atMs : lastSampleMs! };
}
