// Numbers for people, converted only here at the edge: durations stored in seconds read
// as minutes or hours, ratios as percentages, in the reader's language. Times of day are
// shown in the port's own time zone, whatever the browser's.
import type { KpiDefinition } from '../../protocol/kpi.ts';
import type { Language } from './i18n.ts';

export interface Formatted {
  value: string;
  unit: string;
}

const UNIT_LABELS: Record<Language, Record<string, string>> = {
  en: {
    min: 'min',
    h: 'h',
    '%': '%',
    count: '',
    'moves/h': 'moves/h',
    'trucks/h': 'trucks/h',
    'boxes/h': 'boxes/h',
    cranes: 'cranes',
  },
  'zh-CN': {
    min: '分钟',
    h: '小时',
    '%': '%',
    count: '',
    'moves/h': '自然箱/小时',
    'trucks/h': '车次/小时',
    'boxes/h': '箱/小时',
    cranes: '台',
  },
};

const number = (language: Language, value: number, digits: number) =>
  new Intl.NumberFormat(language, {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(value);

/** A KPI value as a tile shows it; "–" when there is none (nothing to measure yet). */
export function formatKpi(
  value: number | null,
  unit: KpiDefinition['unit'],
  language: Language,
): Formatted {
  const labels = UNIT_LABELS[language];
  if (value === null || !Number.isFinite(value))
    return { value: '–', unit: unit === 's' ? labels.min! : (labels[unit] ?? '') };
  switch (unit) {
    case 's':
      // Up to two hours in minutes, beyond in hours: 95 min reads better than 1.6 h.
      return value < 2 * 3600
        ? { value: number(language, value / 60, 0), unit: labels.min! }
        : { value: number(language, value / 3600, 1), unit: labels.h! };
    case 'ratio':
      return { value: number(language, value * 100, 0), unit: labels['%']! };
    case 'count':
      return { value: number(language, value, Number.isInteger(value) ? 0 : 1), unit: '' };
    default:
      return { value: number(language, value, 1), unit: labels[unit] ?? unit };
  }
}

/** A time of day (HH:mm) in the port's time zone. */
export function formatClock(timeMs: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(timeMs);
}

/** Day and time (e.g. 27 Nov 14:05) in the port's time zone. */
export function formatDateTime(timeMs: number, timeZone: string, language: Language): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(timeMs);
}
