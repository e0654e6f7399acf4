import { describe, expect, it } from 'vitest';
import { addDays, dayOf, dayUpTo, dayWindow, isPortDay } from './port-day.ts';

const H = 3_600_000;

describe('port days', () => {
  it('runs from local midnight to local midnight in the port’s zone', () => {
    expect(dayWindow('2026-11-30', 'Asia/Shanghai')).toEqual({
      fromMs: Date.parse('2026-11-29T16:00:00Z'),
      toMs: Date.parse('2026-11-30T16:00:00Z'),
    });
    expect(dayWindow('2026-11-30', 'UTC')).toEqual({
      fromMs: Date.parse('2026-11-30T00:00:00Z'),
      toMs: Date.parse('2026-12-01T00:00:00Z'),
    });
  });

  it('is 23 or 25 hours long across a daylight-saving change', () => {
    const spring = dayWindow('2026-03-29', 'Europe/Amsterdam');
    expect(spring.toMs - spring.fromMs).toBe(23 * H);
    expect(spring.fromMs).toBe(Date.parse('2026-03-28T23:00:00Z'));
    const autumn = dayWindow('2026-10-25', 'Europe/Amsterdam');
    expect(autumn.toMs - autumn.fromMs).toBe(25 * H);
  });

  it('is the part of a day that has happened: all of a past day, today up to now', () => {
    const day = dayWindow('2026-11-30', 'Asia/Shanghai');
    expect(dayUpTo('2026-11-30', 'Asia/Shanghai', day.toMs + 5 * H)).toEqual(day);
    expect(dayUpTo('2026-11-30', 'Asia/Shanghai', day.fromMs + 5 * H)).toEqual({
      fromMs: day.fromMs,
      toMs: day.fromMs + 5 * H,
    });
    // A day still to come has not begun: nothing of it to replay.
    expect(dayUpTo('2026-11-30', 'Asia/Shanghai', day.fromMs - H)).toEqual({
      fromMs: day.fromMs,
      toMs: day.fromMs,
    });
  });

  it('finds the local day of an instant, at both edges', () => {
    expect(dayOf(Date.parse('2026-11-29T16:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-30');
    expect(dayOf(Date.parse('2026-11-29T15:59:59.999Z'), 'Asia/Shanghai')).toBe('2026-11-29');
    expect(dayOf(Date.parse('2026-11-30T23:59:59Z'), 'UTC')).toBe('2026-11-30');
  });

  it('steps days across months and years, and tells real days from others', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isPortDay('2026-02-28')).toBe(true);
    expect(isPortDay('2026-02-30')).toBe(false);
    expect(isPortDay('2026-2-3')).toBe(false);
    expect(isPortDay('yesterday')).toBe(false);
  });
});
