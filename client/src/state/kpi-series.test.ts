import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../../../protocol/kpi.ts';
import { addSample, SAMPLES_KEPT, seriesKey, type KpiSeries } from './kpi-series.ts';

const kpi = (value: number | null, scope = 'port'): KpiValue => ({
  id: 'crane.gross_rate',
  scope,
  value,
  unit: 'moves/h',
  from: '',
  to: '',
});
const KEY = seriesKey('crane.gross_rate', 'port');

describe('KPI series for sparklines', () => {
  it('keeps one sample a minute, the newest push standing for its minute', () => {
    let state: { series: KpiSeries; sampleMs: number | undefined } = {
      series: {},
      sampleMs: undefined,
    };
    const push = (value: number | null, atMs: number) =>
      (state = addSample(state.series, state.sampleMs, [kpi(value)], atMs));
    push(30, 0);
    push(31, 1_000);
    push(32, 59_000);
    push(28, 60_000);
    push(null, 125_000);
    expect(state.series[KEY]).toEqual([32, 28, null]);
  });

  it('keeps two hours, and leaves the old series untouched', () => {
    let series: KpiSeries = {};
    let sampleMs: number | undefined;
    for (let minute = 0; minute < SAMPLES_KEPT + 10; minute += 1)
      ({ series, sampleMs } = addSample(series, sampleMs, [kpi(minute)], minute * 60_000));
    expect(series[KEY]).toHaveLength(SAMPLES_KEPT);
    expect(series[KEY]![0]).toBe(10);
    const before = series;
    addSample(series, sampleMs, [kpi(1)], 1e9);
    expect(before[KEY]).toHaveLength(SAMPLES_KEPT);
  });

  it('keeps each scope apart and forgets KPIs no longer pushed', () => {
    const first = addSample({}, undefined, [kpi(1), kpi(2, 'berth:B1')], 0);
    expect(first.series[seriesKey('crane.gross_rate', 'berth:B1')]).toEqual([2]);
    const second = addSample(first.series, first.sampleMs, [kpi(3)], 60_000);
    expect(Object.keys(second.series)).toEqual([KEY]);
  });
});
