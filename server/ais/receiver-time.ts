// Timestamps receivers and loggers write around AIS sentences, outside the NMEA 4.0 tag
// block: a leading date-time or unix time ("2012-05-17 12:00:00.123 !AIVDM...",
// "1337256000.123 !AIVDM..."), the trailing unix time of the USCG logging format
// ("...*5C,s1234,d-119,T12.34567123,r003669958,1085889680"), and the $PGHP sentence some
// receivers (Gatehouse) write before each AIS sentence.
import { nmeaChecksum } from './checksum.ts';
import { unixTimeToMs } from './tag-block.ts';

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[ T_](\d{2}):(\d{2}):(\d{2})(?:[.,](\d{1,9}))?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i;

/**
 * The time a prefix names, epoch ms: ISO-like "YYYY-MM-DD hh:mm:ss[.fff][Z|±hh:mm]" (UTC
 * when no zone is given) or a unix time in seconds or milliseconds. Separators the logger
 * put between it and the sentence (spaces, tabs, ',', ';', '|', ':', brackets) are ignored.
 */
export function prefixTimeMs(prefix: string): number | undefined {
  const text = prefix
    .trim()
    .replace(/^[[(<]+/, '')
    .replace(/[\s,;|:\])>-]+$/, '');
  if (text.length === 0) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const whole = text.split('.')[0] ?? '';
    return whole.length === 10 || whole.length === 13 ? unixTimeToMs(text) : undefined;
  }
  const m = DATE_TIME.exec(text);
  if (!m) return undefined;
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = m
    .slice(1, 7)
    .map(Number);
  let ms = dateTimeMs(year, month, day, hour, minute, second);
  if (ms === undefined) return undefined;
  if (m[7]) ms += Math.round(Number(`0.${m[7]}`) * 1000);
  const zone = m[8]?.toUpperCase();
  if (zone && zone !== 'Z' && zone !== 'UTC') {
    const zm = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (!zm) return undefined;
    const offset = (Number(zm[2]) * 60 + Number(zm[3])) * 60_000;
    ms -= zm[1] === '+' ? offset : -offset;
  }
  return ms;
}

/**
 * The receiver time in comma-separated fields after a sentence's checksum: the last field
 * that is a 10-digit (seconds) or 13-digit (milliseconds) unix time, as the USCG format
 * ends with one. Other fields (s signal, d dBm, T/t time of arrival, r/b station) are not
 * times of day.
 */
export function suffixTimeMs(fields: readonly string[]): number | undefined {
  for (let i = fields.length - 1; i >= 0; i--) {
    const field = fields[i] ?? '';
    if (/^(\d{10}(\.\d+)?|\d{13})$/.test(field)) return unixTimeToMs(field);
  }
  return undefined;
}

/** The station id a USCG-style suffix names (its r... or b... field), if any. */
export function suffixStation(fields: readonly string[]): string | undefined {
  return fields.find((f) => /^[rb][0-9A-Z]{3,}$/.test(f));
}

/**
 * A $PGHP type 1 sentence ("$PGHP,1,year,month,day,hour,minute,second,ms,...*hh") gives the
 * receive time of the AIS sentence that follows it. Undefined for any other line, a bad
 * checksum or an impossible date.
 */
export function pghpTimeMs(line: string): number | undefined {
  const m = /^\$(PGHP,[^*]*)\*([0-9A-Fa-f]{2})\s*$/.exec(line);
  if (!m || parseInt(m[2] ?? '', 16) !== nmeaChecksum(m[1] ?? '')) return undefined;
  const f = (m[1] ?? '').split(',');
  if (f[1] !== '1') return undefined;
  const parts = f.slice(2, 9).map((v) => (/^\d+$/.test(v) ? Number(v) : NaN));
  const [year = NaN, month = NaN, day = NaN, hour = NaN, minute = NaN, second = NaN, milli = NaN] =
    parts;
  const ms = dateTimeMs(year, month, day, hour, minute, second);
  return ms === undefined || !(milli >= 0 && milli <= 999) ? undefined : ms + milli;
}

/** Epoch ms of a UTC date and time whose every part is in range and whose day exists. */
function dateTimeMs(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number | undefined {
  const inRange = (v: number, lo: number, hi: number) => Number.isInteger(v) && v >= lo && v <= hi;
  if (
    !inRange(year, 1970, 9999) ||
    !inRange(month, 1, 12) ||
    !inRange(day, 1, 31) ||
    !inRange(hour, 0, 23) ||
    !inRange(minute, 0, 59) ||
    !inRange(second, 0, 60)
  ) {
    return undefined;
  }
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  return new Date(ms).getUTCDate() === day ? ms : undefined;
}
