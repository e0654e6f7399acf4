import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatKpi } from './format.ts';

describe('KPI values for people', () => {
  it('reads durations as minutes up to two hours, then hours', () => {
    expect(formatKpi(1923.5, 's', 'en')).toEqual({ value: '32', unit: 'min' });
    expect(formatKpi(43_278, 's', 'en')).toEqual({ value: '12.0', unit: 'h' });
    expect(formatKpi(43_278, 's', 'zh-CN')).toEqual({ value: '12.0', unit: '小时' });
  });

  it('reads ratios as percentages and rates with one decimal, in the reader’s digits', () => {
    expect(formatKpi(0.5, 'ratio', 'en')).toEqual({ value: '50', unit: '%' });
    expect(formatKpi(31.936, 'moves/h', 'en')).toEqual({ value: '31.9', unit: 'moves/h' });
    expect(formatKpi(1290.4, 'trucks/h', 'en').value).toBe('1,290.4');
    expect(formatKpi(3, 'count', 'zh-CN')).toEqual({ value: '3', unit: '' });
  });

  it('shows a dash, not 0, when there is nothing to measure', () => {
    expect(formatKpi(null, 'moves/h', 'en')).toEqual({ value: '–', unit: 'moves/h' });
    expect(formatKpi(Number.NaN, 'ratio', 'en').value).toBe('–');
  });
});

describe('times in the port’s zone', () => {
  const t = Date.UTC(2026, 10, 27, 6, 5); // 14:05 in Shanghai
  it('is the port’s clock, whatever the browser’s zone', () => {
    expect(formatClock(t, 'Asia/Shanghai', 'en')).toBe('14:05');
    expect(formatClock(t, 'Europe/Amsterdam', 'en')).toBe('07:05');
    expect(formatDateTime(t, 'Asia/Shanghai', 'en')).toMatch(/Nov 27.*14:05|27 Nov.*14:05/);
    expect(formatDateTime(t, 'Asia/Shanghai', 'zh-CN')).toMatch(/11月27日.*14:05/);
  });
});
