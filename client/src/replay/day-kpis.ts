// One port day's KPIs from GET /api/v1/kpis, and what the comparison knows of a day while
// it loads. The server refuses a window that ends in the future, so today is asked for up
// to now (and says so: "until 14:05"); a day that has not begun is not asked for at all.
import type { KpiValue } from '../../../protocol/kpi.ts';
import { getJson } from '../api/get-json.ts';
import { dayWindow, type PortDay } from './port-day.ts';

/** A day's KPIs as received, over [fromMs, toMs). */
export interface DayKpis {
  day: PortDay;
  kpis: KpiValue[];
  fromMs: number;
  toMs: number;
  /** The window stops before the day's end (today, asked for up to now). */
  partial: boolean;
}

/** A day of the comparison: how its latest request stands, and the last good answer. */
export interface DaySide {
  status: 'loading' | 'ready' | 'failed' | 'not-begun';
  /** The last good answer: for this day when ready, else possibly for the day before. */
  data?: DayKpis;
  /** Why the latest request failed (the server's message when it gave one). */
  message?: string;
}

export interface DayRequest {
  fromMs: number;
  toMs: number;
  partial: boolean;
}

const MINUTE_MS = 60_000;

/** The window to ask for: the day, or its part up to now; undefined before it begins. */
export function dayRequest(day: PortDay, timeZone: string, nowMs: number): DayRequest | undefined {
  const { fromMs, toMs } = dayWindow(day, timeZone);
  // Whole minutes: "until 14:05" then means what it says.
  const upToNow = Math.floor(nowMs / MINUTE_MS) * MINUTE_MS;
  if (upToNow <= fromMs) return undefined;
  return upToNow < toMs
    ? { fromMs, toMs: upToNow, partial: true }
    : { fromMs, toMs, partial: false };
}

export const kpisPath = ({ fromMs, toMs }: { fromMs: number; toMs: number }) =>
  `/api/v1/kpis?from=${encodeURIComponent(new Date(fromMs).toISOString())}` +
  `&to=${encodeURIComponent(new Date(toMs).toISOString())}`;

export async function fetchDayKpis(
  day: PortDay,
  request: DayRequest,
  signal?: AbortSignal,
): Promise<DayKpis> {
  const body = await getJson<{ kpis?: KpiValue[] }>(kpisPath(request), signal);
  if (!Array.isArray(body.kpis)) throw new Error('the answer has no kpis');
  return { day, kpis: body.kpis, ...request };
}

/** After a failed request: the last good answer stays, with why the latest failed. */
export function afterFailure(last: DaySide, error: unknown): DaySide {
  const message = error instanceof Error ? error.message : String(error);
  return { status: 'failed', message, ...(last.data ? { data: last.data } : {}) };
}
