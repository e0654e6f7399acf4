// Timestamps as feeds send them: ISO 8601 with a zone, or epoch milliseconds. A value is
// checked, never repaired: an impossible date or a clock far ahead is the feed's error.

/** How far ahead of the server's clock an actual timestamp may be (feeds' clock skew). */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Earliest instant accepted: older data is a unit mistake (seconds for milliseconds). */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);
/** Estimates and plans may look ahead, but not absurdly far. */
export const MAX_PLAN_AHEAD_MS = 366 * 24 * 3_600_000;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Date.parse rolls 2026-02-30 over to March 2; a feed's impossible date is an error. */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

export type WireTimeResult = { ok: true; ms: number } | { ok: false; reason: string };

/**
 * Epoch milliseconds of a wire timestamp, or why it is not one. `ahead` says what the
 * value stands for: an actual instant (at most minutes ahead) or an estimate or plan.
 */
export function parseWireTime(
  value: string | number,
  nowMs: number,
  ahead: 'actual' | 'estimate' = 'actual',
): WireTimeResult {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'time must be a finite number' };
    ms = value;
  } else {
    if (!ISO_WITH_ZONE.test(value))
      return {
        ok: false,
        reason: `time "${value}" is not an ISO 8601 timestamp with a zone (e.g. 2026-12-01T08:00:00Z)`,
      };
    ms = Date.parse(value);
    if (Number.isNaN(ms) || !isCalendarDate(value))
      return { ok: false, reason: `time "${value}" is not a real date` };
  }
  if (ms < EARLIEST_MS)
    return { ok: false, reason: 'time is before 2000-01-01 (epoch seconds sent as milliseconds?)' };
  if (ahead === 'actual' && ms > nowMs + MAX_FUTURE_MS)
    return { ok: false, reason: 'time is more than 5 minutes in the future' };
  if (ms > nowMs + MAX_PLAN_AHEAD_MS)
    return { ok: false, reason: 'time is more than a year in the future' };
  return { ok: true, ms };
}
