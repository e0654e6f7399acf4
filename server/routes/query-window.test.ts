import { describe, expect, it } from 'vitest';
import { parseQueryWindow, type WindowRule } from './query-window.ts';

const H = 3_600_000;
const NOW = Date.UTC(2026, 11, 1, 12);
const RULE: WindowRule = {
  defaultBeforeMs: 24 * H,
  defaultAfterMs: 24 * H,
  maxMs: 7 * 24 * H,
  maxText: '7 days',
};

describe('parseQueryWindow', () => {
  it('defaults around now, and keeps the default length when one end is given', () => {
    expect(parseQueryWindow({}, NOW, RULE)).toEqual({
      ok: true,
      fromMs: NOW - 24 * H,
      toMs: NOW + 24 * H,
    });
    expect(parseQueryWindow({ from: String(NOW) }, NOW, RULE)).toEqual({
      ok: true,
      fromMs: NOW,
      toMs: NOW + 48 * H,
    });
    expect(parseQueryWindow({ to: '2026-12-01T12:00:00Z' }, NOW, RULE)).toEqual({
      ok: true,
      fromMs: NOW - 48 * H,
      toMs: NOW,
    });
  });

  it('takes ISO 8601 with a zone and epoch milliseconds, plans ahead included', () => {
    expect(
      parseQueryWindow({ from: '2026-12-01T20:00:00+08:00', to: String(NOW + 72 * H) }, NOW, RULE),
    ).toEqual({ ok: true, fromMs: NOW, toMs: NOW + 72 * H });
  });

  it('says which end is wrong and why', () => {
    expect(parseQueryWindow({ from: 'yesterday' }, NOW, RULE)).toEqual({
      ok: false,
      message: expect.stringMatching(/^from: time "yesterday" is not an ISO 8601/),
    });
    expect(parseQueryWindow({ to: '2026-02-30T00:00:00Z' }, NOW, RULE)).toEqual({
      ok: false,
      message: 'to: time "2026-02-30T00:00:00Z" is not a real date',
    });
    expect(parseQueryWindow({ from: '1700000000' }, NOW, RULE)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^from: .*before 2000/),
    });
    expect(parseQueryWindow({ from: '' }, NOW, RULE)).toMatchObject({ ok: false });
  });

  it('refuses a reversed, empty or too long window', () => {
    const iso = (ms: number) => new Date(ms).toISOString();
    expect(parseQueryWindow({ from: iso(NOW), to: iso(NOW - H) }, NOW, RULE)).toEqual({
      ok: false,
      message: 'from must be before to',
    });
    expect(parseQueryWindow({ from: iso(NOW), to: iso(NOW) }, NOW, RULE)).toMatchObject({
      ok: false,
    });
    expect(parseQueryWindow({ from: iso(NOW - 8 * 24 * H), to: iso(NOW) }, NOW, RULE)).toEqual({
      ok: false,
      message: 'the window from..to is at most 7 days',
    });
  });
});
