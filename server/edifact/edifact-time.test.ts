import { describe, expect, it } from 'vitest';
import { parseWireTime } from '../ingest/wire-time.ts';
import { assertTimeZone, parseEdifactTime, readDtm } from './edifact-time.ts';
import type { Segment } from './types.ts';

const iso = (value: string, format: string, zone = 'Asia/Shanghai') => {
  const result = parseEdifactTime(value, format, zone);
  return result.ok ? result.iso : result.reason;
};

describe('parseEdifactTime', () => {
  it('reads 203 (CCYYMMDDHHMM) as local time at the port', () => {
    expect(iso('202612010815', '203')).toBe('2026-12-01T00:15:00Z');
    expect(iso('202612010815', '203', 'UTC')).toBe('2026-12-01T08:15:00Z');
    expect(iso('202612010815', '203', 'America/Los_Angeles')).toBe('2026-12-01T16:15:00Z');
  });

  it('reads 204 with seconds, 102 as midnight, 201 and 202 with two-digit years', () => {
    expect(iso('20261201081530', '204')).toBe('2026-12-01T00:15:30Z');
    expect(iso('20261201', '102')).toBe('2026-11-30T16:00:00Z');
    expect(iso('2612010815', '201')).toBe('2026-12-01T00:15:00Z');
    expect(iso('261201081530', '202')).toBe('2026-12-01T00:15:30Z');
    expect(iso('9912310000', '201', 'UTC')).toBe('1999-12-31T00:00:00Z');
  });

  it('follows daylight saving time in the port zone', () => {
    expect(iso('202607011200', '203', 'Europe/Rome')).toBe('2026-07-01T10:00:00Z');
    expect(iso('202601011200', '203', 'Europe/Rome')).toBe('2026-01-01T11:00:00Z');
    // 2026-03-29 02:30 does not exist in Rome: the clock jumps from 02:00 to 03:00.
    expect(iso('202603290230', '203', 'Europe/Rome')).toBe('2026-03-29T01:30:00Z');
  });

  it('honours a time zone when the format carries one (303, 304, 301, 205)', () => {
    expect(iso('202612010815UTC', '303')).toBe('2026-12-01T08:15:00Z');
    expect(iso('202612010815GMT', '303')).toBe('2026-12-01T08:15:00Z');
    expect(iso('202612010815+08', '303', 'UTC')).toBe('2026-12-01T00:15:00Z');
    expect(iso('20261201081530-05', '304')).toBe('2026-12-01T13:15:30Z');
    expect(iso('2612010815+0530', '301')).toBe('2026-12-01T02:45:00Z');
    expect(iso('202612010815+0100', '205')).toBe('2026-12-01T07:15:00Z');
  });

  it('reports a zone it does not understand instead of guessing', () => {
    expect(iso('202612010815XYZ', '303')).toBe(
      'time zone "XYZ" of "202612010815XYZ" is not understood',
    );
  });

  it('infers the format from the length when 2379 is absent', () => {
    expect(iso('202612010815', '')).toBe('2026-12-01T00:15:00Z');
    expect(iso('20261201', '')).toBe('2026-11-30T16:00:00Z');
    expect(iso('2026120108', '')).toBe('"2026120108" (format 201) is not a real date');
    expect(iso('2026', '')).toBe('"2026" has no format and no known length');
  });

  it('reports impossible dates and times, never rolling them over', () => {
    expect(iso('202602300800', '203')).toBe('"202602300800" (format 203) is not a real date');
    expect(iso('2600150800', '201')).toBe('"2600150800" (format 201) is not a real date');
    expect(iso('202612012400', '203')).toBe(
      '"202612012400" (format 203) is not a real time of day',
    );
    expect(iso('202612011260', '203')).toBe(
      '"202612011260" (format 203) is not a real time of day',
    );
    expect(iso('2026120108', '203')).toBe('"2026120108" does not have the layout of format 203');
    expect(iso('20261201', '718')).toMatch(/format 718 is not one Quayside reads/);
  });

  it('gives what the ingest validator takes as an instant with a zone', () => {
    const result = parseEdifactTime('202612010815', '203', 'Asia/Shanghai');
    expect(result.ok && parseWireTime(result.iso, Date.UTC(2027, 0, 1))).toEqual({
      ok: true,
      ms: Date.UTC(2026, 11, 1, 0, 15),
    });
  });
});

describe('readDtm', () => {
  const dtm = (...components: string[]): Segment => ({
    tag: 'DTM',
    elements: [components],
    position: 1,
    line: 1,
  });

  it('reads qualifier, value and format of C507', () => {
    expect(readDtm(dtm('203', '202612010815', '203'), 'UTC')).toEqual({
      qualifier: '203',
      time: { ok: true, iso: '2026-12-01T08:15:00Z', ms: Date.UTC(2026, 11, 1, 8, 15) },
    });
  });

  it('names the qualifier in its reasons', () => {
    expect(readDtm(dtm('137', '', '201'), 'UTC').time).toEqual({
      ok: false,
      reason: 'DTM+137 has no value',
    });
    expect(readDtm(dtm('132', '2600150800', '201'), 'UTC').time).toEqual({
      ok: false,
      reason: 'DTM+132: "2600150800" (format 201) is not a real date',
    });
  });
});

describe('assertTimeZone', () => {
  it('throws for a zone the runtime does not know', () => {
    expect(() => assertTimeZone('Asia/Shanghai')).not.toThrow();
    expect(() => assertTimeZone('Mars/Olympus')).toThrow(RangeError);
  });
});
