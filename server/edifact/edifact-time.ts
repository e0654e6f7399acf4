// EDIFACT dates and times (DTM C507: qualifier 2005, value 2380, format 2379) to ISO 8601
// UTC. Formats read (UNTDID 2379):
//   102 CCYYMMDD          201 YYMMDDHHMM        202 YYMMDDHHMMSS
//   203 CCYYMMDDHHMM      204 CCYYMMDDHHMMSS    205 CCYYMMDDHHMM±HHMM (offset from UTC)
//   301 YYMMDDHHMMZZZ     302 YYMMDDHHMMSSZZZ   303 CCYYMMDDHHMMZZZ   304 CCYYMMDDHHMMSSZZZ
// Without a format the value's length decides (8: 102, 10: 201, 12: 203, 14: 204).
// Two-digit years are 20YY below 70 and 19YY from 70. A 102 date is midnight.
// Zones: a ZZZ zone may be UTC, GMT, UT or Z, or an offset (+08, -0530, +08:00); a value
// without a zone is local time at the port, in the IANA zone given (e.g. Asia/Shanghai),
// DST included. A zone given but not understood is an error, not a guess.
// Impossible dates (2026-00-15, 24:00, February 30) are errors: nothing is repaired.
import { el } from './segment-access.ts';
import type { Segment } from './types.ts';

export type TimeResult = { ok: true; iso: string; ms: number } | { ok: false; reason: string };

interface Fields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** Minutes east of UTC when the value says; undefined: local time at the port. */
  offsetMinutes?: number;
  /** The zone text when it could not be read. */
  badZone?: string;
}

const LAYOUTS: Record<
  string,
  { pattern: RegExp; twoDigitYear: boolean; zone: 'none' | 'ZZZ' | 'offset' }
> = {
  '102': { pattern: /^(\d{4})(\d\d)(\d\d)()()()$/, twoDigitYear: false, zone: 'none' },
  '201': { pattern: /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)()$/, twoDigitYear: true, zone: 'none' },
  '202': { pattern: /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, twoDigitYear: true, zone: 'none' },
  '203': { pattern: /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)()$/, twoDigitYear: false, zone: 'none' },
  '204': { pattern: /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)$/, twoDigitYear: false, zone: 'none' },
  '205': {
    pattern: /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)()(.+)$/,
    twoDigitYear: false,
    zone: 'offset',
  },
  '301': { pattern: /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)()(.+)$/, twoDigitYear: true, zone: 'ZZZ' },
  '302': { pattern: /^(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(.+)$/, twoDigitYear: true, zone: 'ZZZ' },
  '303': { pattern: /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)()(.+)$/, twoDigitYear: false, zone: 'ZZZ' },
  '304': {
    pattern: /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(.+)$/,
    twoDigitYear: false,
    zone: 'ZZZ',
  },
};
const BY_LENGTH: Record<number, string> = { 8: '102', 10: '201', 12: '203', 14: '204' };
export const TIME_FORMATS = Object.keys(LAYOUTS);

/** Minutes east of UTC for a zone text, or undefined when it cannot be read. */
function zoneOffset(zone: string): number | undefined {
  const text = zone.trim().toUpperCase();
  if (['UTC', 'GMT', 'UT', 'Z'].includes(text)) return 0;
  const match = /^(?:UTC|GMT)?([+-])(\d\d):?(\d\d)?$/.exec(text);
  if (!match) return undefined;
  const hours = Number(match[2]);
  const minutes = Number(match[3] ?? 0);
  if (hours > 14 || minutes > 59) return undefined;
  return (match[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function readFields(value: string, format: string): Fields | string {
  const layout = LAYOUTS[format];
  if (!layout)
    return `date/time format ${format} is not one Quayside reads (${TIME_FORMATS.join(', ')})`;
  const match = layout.pattern.exec(value);
  if (!match) return `"${value}" does not have the layout of format ${format}`;
  const [, y, mo, d, h, mi, s, zone] = match as unknown as string[];
  let year = Number(y);
  if (layout.twoDigitYear) year += year < 70 ? 2000 : 1900;
  const fields: Fields = {
    year,
    month: Number(mo),
    day: Number(d),
    hour: Number(h || 0),
    minute: Number(mi || 0),
    second: Number(s || 0),
  };
  if (layout.zone !== 'none') {
    const offset = zoneOffset(zone ?? '');
    if (offset === undefined) fields.badZone = zone ?? '';
    else fields.offsetMinutes = offset;
  }
  return fields;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a time zone the runtime does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** Offsets by zone and quarter hour: zone transitions fall on quarter hours (UTC). */
const offsets = new Map<string, number>();
const QUARTER_HOUR = 15 * 60_000;

/** The zone's offset from UTC at an instant, in ms. */
function offsetAt(ms: number, timeZone: string): number {
  const key = `${timeZone}|${Math.floor(ms / QUARTER_HOUR)}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    offset = computeOffset(Math.floor(ms / QUARTER_HOUR) * QUARTER_HOUR, timeZone);
    if (offsets.size > 100_000) offsets.clear();
    offsets.set(key, offset);
  }
  return offset;
}

function computeOffset(ms: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(ms)))
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  const asUtc = Date.UTC(
    parts.year!,
    parts.month! - 1,
    parts.day!,
    parts.hour! % 24,
    parts.minute!,
    parts.second!,
  );
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** Epoch ms of a wall-clock time in an IANA zone (a time skipped by DST moves forward). */
export function zonedToEpochMs(wallMs: number, timeZone: string): number {
  const first = wallMs - offsetAt(wallMs, timeZone);
  const second = wallMs - offsetAt(first, timeZone);
  return second;
}

/** An EDIFACT date/time value in the given format, to ISO 8601 UTC. */
export function parseEdifactTime(value: string, format: string, timeZone: string): TimeResult {
  const effective = format || BY_LENGTH[value.length] || '';
  if (!effective) return { ok: false, reason: `"${value}" has no format and no known length` };
  const fields = readFields(value, effective);
  if (typeof fields === 'string') return { ok: false, reason: fields };
  if (fields.badZone !== undefined)
    return { ok: false, reason: `time zone "${fields.badZone}" of "${value}" is not understood` };
  const { year, month, day, hour, minute, second } = fields;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth)
    return { ok: false, reason: `"${value}" (format ${effective}) is not a real date` };
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, reason: `"${value}" (format ${effective}) is not a real time of day` };
  const wallMs = Date.UTC(year, month - 1, day, hour, minute, second);
  const ms =
    fields.offsetMinutes !== undefined
      ? wallMs - fields.offsetMinutes * 60_000
      : zonedToEpochMs(wallMs, timeZone);
  return { ok: true, ms, iso: new Date(ms).toISOString().replace('.000Z', 'Z') };
}

/** A DTM segment: its qualifier (2005) and its value, read. */
export function readDtm(
  segment: Segment,
  timeZone: string,
): { qualifier: string; time: TimeResult } {
  const qualifier = el(segment, 0, 0);
  const value = el(segment, 0, 1);
  const format = el(segment, 0, 2);
  if (!value) return { qualifier, time: { ok: false, reason: `DTM+${qualifier} has no value` } };
  const time = parseEdifactTime(value, format, timeZone);
  return {
    qualifier,
    time: time.ok ? time : { ok: false, reason: `DTM+${qualifier}: ${time.reason}` },
  };
}
