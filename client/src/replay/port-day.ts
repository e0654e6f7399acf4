// Days as the port lives them: a replayed or compared "day" is midnight to midnight in
// the port's time zone (Asia/Shanghai for a Chinese port), not in UTC and not in the
// browser's zone. Times stay UTC epoch milliseconds; only the day's edges move.

/** A calendar day as YYYY-MM-DD. */
export type PortDay = string;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isPortDay(value: string): value is PortDay {
  const match = DAY_PATTERN.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The zone's offset from UTC at an instant, in ms (east positive). */
function offsetAt(timeMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(timeMs);
  const field = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(
    field('year'),
    field('month') - 1,
    field('day'),
    field('hour'),
    field('minute'),
    field('second'),
  );
  return asUtc - Math.floor(timeMs / 1000) * 1000;
}

/** The instant a local wall-clock time (given as if UTC) happens in the zone. */
function localToUtc(localAsUtcMs: number, timeZone: string): number {
  // Two passes settle a guess made with the offset of the wrong side of a DST change.
  let utc = localAsUtcMs - offsetAt(localAsUtcMs, timeZone);
  utc = localAsUtcMs - offsetAt(utc, timeZone);
  return utc;
}

/** [fromMs, toMs) of a day in the zone (23 or 25 hours across a DST change). */
export function dayWindow(day: PortDay, timeZone: string): { fromMs: number; toMs: number } {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return {
    fromMs: localToUtc(Date.UTC(y, m - 1, d), timeZone),
    toMs: localToUtc(Date.UTC(y, m - 1, d + 1), timeZone),
  };
}

/** The part of a day that has happened by nowMs: the whole of a past day, today up to now. */
export function dayUpTo(
  day: PortDay,
  timeZone: string,
  nowMs: number,
): { fromMs: number; toMs: number } {
  const whole = dayWindow(day, timeZone);
  return { fromMs: whole.fromMs, toMs: Math.max(whole.fromMs, Math.min(whole.toMs, nowMs)) };
}

/** The day in the zone that holds an instant. */
export function dayOf(timeMs: number, timeZone: string): PortDay {
  const local = new Date(timeMs + offsetAt(timeMs, timeZone));
  return local.toISOString().slice(0, 10);
}

/** The day before or after. */
export function addDays(day: PortDay, days: number): PortDay {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
