import { describe, expect, it } from 'vitest';
import { validateTelemetry } from './validate-telemetry.ts';
import { EARLIEST_MS, MAX_FUTURE_MS, parseWireTime } from './wire-time.ts';

const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

const goodItem = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  equipmentId: 'TT001',
  kind: 'truck',
  time: '2026-06-01T11:59:00Z',
  lon: 122.03,
  lat: 30.615,
  ...overrides,
});

const without = (key: string): Record<string, unknown> => {
  const item = goodItem();
  delete item[key];
  return item;
};

function reasonFor(item: unknown): string {
  const result = validateTelemetry(item, NOW);
  if (result.ok) throw new Error(`expected a rejection, got ${JSON.stringify(result.value)}`);
  return result.reason;
}

describe('validateTelemetry: good items', () => {
  it.each([
    ['an ISO time in UTC (Z)', '2026-06-01T11:59:00Z', Date.UTC(2026, 5, 1, 11, 59)],
    ['an ISO time with a +08:00 offset', '2026-06-01T19:59:00+08:00', Date.UTC(2026, 5, 1, 11, 59)],
    [
      'an ISO time with fractional seconds',
      '2026-06-01T11:59:00.250Z',
      Date.UTC(2026, 5, 1, 11, 59, 0, 250),
    ],
    ['epoch milliseconds', Date.UTC(2026, 5, 1, 11, 59), Date.UTC(2026, 5, 1, 11, 59)],
  ])('accepts %s and normalises it to epoch ms', (_label, time, expectedMs) => {
    const result = validateTelemetry(goodItem({ time }), NOW);
    expect(result).toEqual({
      ok: true,
      value: {
        kind: 'equipment',
        position: {
          equipmentId: 'TT001',
          kind: 'truck',
          lon: 122.03,
          lat: 30.615,
          timeMs: expectedMs,
        },
      },
    });
  });

  it('keeps the optional fields and drops the wire time', () => {
    const result = validateTelemetry(
      goodItem({ headingDeg: 359.9, speedMps: 0, state: 'travelling_loaded' }),
      NOW,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.position).toMatchObject({
      headingDeg: 359.9,
      speedMps: 0,
      state: 'travelling_loaded',
    });
    expect(result.value.position).not.toHaveProperty('time');
  });

  it.each([
    ['lon', -180],
    ['lon', 180],
    ['lat', -90],
    ['lat', 90],
    ['headingDeg', 0],
  ])('accepts the boundary %s = %d', (field, value) => {
    expect(validateTelemetry(goodItem({ [field]: value }), NOW).ok).toBe(true);
  });
});

describe('validateTelemetry: rejections name the offending field', () => {
  it.each([
    ['equipmentId as a number', { equipmentId: 5 }, 'equipmentId'],
    ['an empty equipmentId', { equipmentId: '' }, 'equipmentId'],
    ['an equipmentId starting with a dash', { equipmentId: '-x' }, 'equipmentId'],
    ['lon as a string', { lon: '122.03' }, 'lon'],
    ['lat as null', { lat: null }, 'lat'],
    ['time as a boolean', { time: true }, 'time'],
    ['headingDeg as a string', { headingDeg: '90' }, 'headingDeg'],
    ['an unknown kind', { kind: 'boat' }, 'kind'],
    ['an unknown state', { state: 'asleep' }, 'state'],
    ['lon above 180', { lon: 180.0001 }, 'lon'],
    ['lon below -180', { lon: -181 }, 'lon'],
    ['lat above 90', { lat: 90.5 }, 'lat'],
    ['lat below -90', { lat: -91 }, 'lat'],
    ['headingDeg of 360', { headingDeg: 360 }, 'headingDeg'],
    ['a negative speed', { speedMps: -0.1 }, 'speedMps'],
    ['a speed above 100 m/s', { speedMps: 101 }, 'speedMps'],
    ['lon NaN', { lon: Number.NaN }, 'lon'],
    ['lat Infinity', { lat: Number.POSITIVE_INFINITY }, 'lat'],
    ['speedMps NaN', { speedMps: Number.NaN }, 'speedMps'],
    ['time NaN', { time: Number.NaN }, 'time'],
    ['time Infinity', { time: Number.POSITIVE_INFINITY }, 'time'],
  ])('rejects %s', (_label, overrides, field) => {
    expect(reasonFor(goodItem(overrides))).toContain(field);
  });

  it('says which enum values are allowed', () => {
    expect(reasonFor(goodItem({ kind: 'boat' }))).toBe(
      'kind must be one of sts, yard_crane, agv, truck, scanner',
    );
  });

  it('says the bound a range violation breaks', () => {
    expect(reasonFor(goodItem({ lon: 200 }))).toBe('lon must be <= 180');
    expect(reasonFor(goodItem({ headingDeg: 360 }))).toBe('headingDeg must be < 360');
    expect(reasonFor(goodItem({ speedMps: -1 }))).toBe('speedMps must be >= 0');
  });

  it('describes the accepted time forms when time has the wrong type', () => {
    expect(reasonFor(goodItem({ time: true }))).toMatch(/^time must be an ISO 8601 timestamp/);
  });

  it.each(['equipmentId', 'kind', 'time', 'lon', 'lat'])('rejects an item missing %s', (key) => {
    expect(reasonFor(without(key))).toBe(`missing ${key}`);
  });

  it('lists every missing key of an empty object', () => {
    expect(reasonFor({})).toBe('missing equipmentId, kind, time, lon, lat');
  });

  it('rejects an unknown property by name', () => {
    expect(reasonFor(goodItem({ colour: 'red' }))).toBe('unknown property colour');
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['an array', [goodItem()]],
    ['a string', 'TT001'],
    ['undefined', undefined],
  ])('rejects %s as not an object', (_label, item) => {
    expect(reasonFor(item)).toBe('item must be an object');
  });
});

describe('validateTelemetry: time checks beyond the schema', () => {
  it('rejects an ISO time without a zone, quoting it', () => {
    const reason = reasonFor(goodItem({ time: '2026-06-01T11:59:00' }));
    expect(reason).toContain('"2026-06-01T11:59:00"');
    expect(reason).toContain('with a zone');
  });

  it('rejects a time before 2000 (seconds sent as milliseconds)', () => {
    expect(reasonFor(goodItem({ time: Math.floor(NOW / 1000) }))).toMatch(/before 2000-01-01/);
  });

  it('rejects a time more than 5 minutes ahead of the clock', () => {
    expect(reasonFor(goodItem({ time: NOW + MAX_FUTURE_MS + 1 }))).toBe(
      'time is more than 5 minutes in the future',
    );
  });
});

describe('parseWireTime', () => {
  it.each([
    ['Z', '2026-06-01T08:00:00Z', Date.UTC(2026, 5, 1, 8)],
    ['+08:00', '2026-06-01T16:00:00+08:00', Date.UTC(2026, 5, 1, 8)],
    ['-05:00', '2026-06-01T03:00:00-05:00', Date.UTC(2026, 5, 1, 8)],
    ['+0800 (no colon)', '2026-06-01T16:00:00+0800', Date.UTC(2026, 5, 1, 8)],
    ['minutes only', '2026-06-01T08:00Z', Date.UTC(2026, 5, 1, 8)],
    ['epoch ms', Date.UTC(2026, 5, 1, 8), Date.UTC(2026, 5, 1, 8)],
  ])('parses a time with %s', (_label, value, ms) => {
    expect(parseWireTime(value, NOW)).toEqual({ ok: true, ms });
  });

  it.each([
    ['a date only', '2026-06-01'],
    ['no zone', '2026-06-01T08:00:00'],
    ['a space instead of T', '2026-06-01 08:00:00Z'],
    ['free text', 'yesterday'],
    ['an empty string', ''],
  ])('rejects %s as not ISO 8601 with a zone', (_label, value) => {
    const result = parseWireTime(value, NOW);
    expect(result).toEqual({
      ok: false,
      reason: `time "${value}" is not an ISO 8601 timestamp with a zone (e.g. 2026-12-01T08:00:00Z)`,
    });
  });

  // Date.parse rejects these outright (NaN); see the report for 2026-02-30, which V8
  // rolls over to 2 March instead of rejecting.
  it.each(['2026-13-01T00:00:00Z', '2026-06-01T25:00:00Z', '2026-06-01T12:60:00Z'])(
    'rejects %s, which has the right form but is not a real date',
    (value) => {
      expect(Number.isNaN(Date.parse(value))).toBe(true);
      expect(parseWireTime(value, NOW)).toEqual({
        ok: false,
        reason: `time "${value}" is not a real date`,
      });
    },
  );

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])(
    'rejects the non-finite number %d',
    (value) => {
      expect(parseWireTime(value, NOW)).toEqual({
        ok: false,
        reason: 'time must be a finite number',
      });
    },
  );

  it('accepts 2000-01-01T00:00:00Z exactly and rejects one millisecond earlier', () => {
    expect(parseWireTime(EARLIEST_MS, NOW)).toEqual({ ok: true, ms: EARLIEST_MS });
    expect(parseWireTime('1999-12-31T23:59:59.999Z', NOW)).toEqual({
      ok: false,
      reason: 'time is before 2000-01-01 (epoch seconds sent as milliseconds?)',
    });
  });

  it('accepts exactly 5 minutes in the future and rejects one millisecond more', () => {
    expect(parseWireTime(NOW + MAX_FUTURE_MS, NOW)).toEqual({ ok: true, ms: NOW + MAX_FUTURE_MS });
    expect(parseWireTime(NOW + MAX_FUTURE_MS + 1, NOW)).toEqual({
      ok: false,
      reason: 'time is more than 5 minutes in the future',
    });
  });

  it('judges the future against the nowMs it is given, not the real clock', () => {
    const farFuture = Date.UTC(2090, 0, 1);
    expect(parseWireTime(farFuture, farFuture).ok).toBe(true);
    expect(parseWireTime(farFuture, NOW).ok).toBe(false);
  });
});

describe('impossible calendar dates', () => {
  it.each(['2026-02-30T00:00:00Z', '2026-04-31T12:00:00Z', '2025-02-29T00:00:00+08:00'])(
    'rejects %s instead of rolling it over',
    (time) => {
      const result = parseWireTime(time, Date.UTC(2027, 0, 1));
      expect(result).toEqual({ ok: false, reason: `time "${time}" is not a real date` });
    },
  );

  it('accepts 29 February in a leap year', () => {
    expect(parseWireTime('2024-02-29T00:00:00Z', Date.UTC(2027, 0, 1))).toEqual({
      ok: true,
      ms: Date.UTC(2024, 1, 29),
    });
  });
});
