// The day comparison as it renders from data (server-side rendering: no DOM needed), and
// the rules for asking the server for a day and keeping the last good answer.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { KpiValue } from '../../../protocol/kpi.ts';
import { COMPARE_WORDS } from './compare-words.ts';
import {
  CompareDaysBody,
  dayLabel,
  signedChange,
  type CompareDaysBodyProps,
} from './CompareDays.tsx';
import { afterFailure, dayRequest, kpisPath, type DayKpis } from './day-kpis.ts';

const ZONE = 'Asia/Shanghai';
const DAY_A = '2026-11-29';
const DAY_B = '2026-11-30';

const value = (id: string, scope: string, v: number | null, unit: string): KpiValue => ({
  id,
  scope,
  value: v,
  unit,
  from: '',
  to: '',
});

const dayKpis = (day: string, kpis: KpiValue[], partial = false): DayKpis => ({
  day,
  kpis,
  fromMs: Date.parse(`${day}T00:00:00+08:00`),
  toMs: partial ? Date.parse(`${day}T14:05:00+08:00`) : Date.parse(`${day}T00:00:00+08:00`) + 864e5,
  partial,
});

const A = dayKpis(DAY_A, [
  value('crane.gross_rate', 'port', 25, 'moves/h'),
  value('crane.gross_rate', 'crane:T1-QC01', 24, 'moves/h'),
  value('crane.gross_rate', 'crane:T1-QC02', 28, 'moves/h'),
  value('berth.occupancy', 'port', 0.55, 'ratio'),
  value('berth.occupancy', 'berth:T1-B1', 0.5, 'ratio'),
  value('gate.turn_time_median', 'port', 2400, 's'),
  value('gate.throughput', 'lane:T1-gate-in-01', 20, 'trucks/h'),
  value('inspection.queue', 'port', 0, 'count'),
  value('customs.clearance_time', 'port', 3600, 's'),
]);
const B = dayKpis(DAY_B, [
  value('crane.gross_rate', 'port', 30, 'moves/h'),
  value('crane.gross_rate', 'crane:T1-QC01', 24, 'moves/h'),
  value('berth.occupancy', 'port', 0.62, 'ratio'),
  value('berth.occupancy', 'berth:T1-B1', 0.7, 'ratio'),
  value('gate.turn_time_median', 'port', 3000, 's'),
  value('gate.throughput', 'lane:T1-gate-in-01', 15, 'trucks/h'),
  value('inspection.wait', 'lane:T1-insp-01', 600, 's'),
  value('inspection.queue', 'port', 4, 'count'),
  value('customs.clearance_time', 'port', 3620, 's'),
]);

const nothing = () => {};
const props = (over: Partial<CompareDaysBodyProps> = {}): CompareDaysBodyProps => ({
  language: 'en',
  timeZone: ZONE,
  dayA: DAY_A,
  dayB: DAY_B,
  latestDay: '2026-12-01',
  a: { status: 'ready', data: A },
  b: { status: 'ready', data: B },
  scope: 'port',
  onDays: nothing,
  onScope: nothing,
  onRetry: nothing,
  onClose: nothing,
  ...over,
});
const render = (over: Partial<CompareDaysBodyProps> = {}) =>
  renderToStaticMarkup(createElement(CompareDaysBody, props(over)));

/** Each row's attributes and cells as text, in order. */
function rowsOf(html: string) {
  return [
    ...html.matchAll(
      /<tr data-kpi="([^"]+)" data-scope="([^"]+)" data-verdict="(\w+)"[^>]*>(.*?)<\/tr>/g,
    ),
  ].map(([, kpi, scope, verdict, cells]) => ({
    kpi,
    scope,
    verdict,
    cells: [...cells!.matchAll(/<t[hd][^>]*>(.*?)<\/t[hd]>/g)].map((c) =>
      c[1]!
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    ),
    html: cells!,
  }));
}

describe('CompareDaysBody', () => {
  it('has the two day pickers, the scope tabs and a row per KPI with its change', () => {
    const html = render();
    expect(html).toContain(
      '<input type="date" data-testid="compare-day-a" max="2026-12-01" required="" value="2026-11-29"/>',
    );
    expect(html).toMatch(/data-testid="compare-day-b"[^>]* value="2026-11-30"/);
    expect(html).toMatch(/<input type="date" data-testid="compare-day-a"/);
    for (const kind of ['port', 'berth', 'crane', 'lane'])
      expect(html).toContain(`data-testid="compare-scope-${kind}"`);
    expect(html).toMatch(/aria-selected="true" data-testid="compare-scope-port"/);
    expect(html).toContain('data-testid="compare-table"');
    const rows = rowsOf(html);
    expect(rows.map((r) => r.kpi)).toEqual([
      'crane.gross_rate',
      'berth.occupancy',
      'gate.turn_time_median',
      'customs.clearance_time',
      'inspection.queue',
    ]);
    expect(rows.every((r) => r.scope === 'port')).toBe(true);
    expect(rows[0]!.cells).toEqual([
      'Gross crane rate',
      '25.0 moves/h',
      '30.0 moves/h',
      '+5.0 moves/h',
      '+20 %',
    ]);
    // A ratio changes in percentage points; its relative change is in per cent.
    expect(rows[1]!.cells).toEqual(['Berth occupancy', '55 %', '62 %', '+7 pp', '+13 %']);
    // Durations in the reader's units.
    expect(rows[2]!.cells).toEqual([
      'Truck turn time (median)',
      '40 min',
      '50 min',
      '+10 min',
      '+25 %',
    ]);
    // From a zero base: a change, but no relative change.
    expect(rows[4]!.cells).toEqual(['Inspection queue', '0', '4', '+4', '–']);
    expect(html).toContain('title="Median of out-gate completion');
  });

  it('colours a change by whether it is for the better or the worse', () => {
    const rows = rowsOf(render());
    const verdictOf = (kpi: string) => rows.find((r) => r.kpi === kpi)!.verdict;
    expect(verdictOf('crane.gross_rate')).toBe('good'); // rate up
    expect(verdictOf('gate.turn_time_median')).toBe('bad'); // turn time up
    expect(verdictOf('inspection.queue')).toBe('bad'); // queue up
    expect(verdictOf('berth.occupancy')).toBe('neutral'); // not judged
    const crane = rows.find((r) => r.kpi === 'crane.gross_rate')!;
    expect(crane.html).toContain('class="compare-num delta delta-good" title="better"');
    // 20 s on an hour reads "0 min" but "+1 %": still a change, and coloured.
    expect(rows.find((r) => r.kpi === 'customs.clearance_time')).toMatchObject({
      verdict: 'bad',
      cells: ['Customs clearance time', '60 min', '60 min', '0 min', '+1 %'],
    });
    const turn = rows.find((r) => r.kpi === 'gate.turn_time_median')!;
    expect(turn.html).toContain('class="compare-num delta delta-bad" title="worse"');
    const a = { ...A, kpis: [value('gate.throughput', 'port', 40, 'trucks/h')] };
    const b = { ...B, kpis: [value('gate.throughput', 'port', 40.04, 'trucks/h')] };
    const [same] = rowsOf(
      render({ a: { status: 'ready', data: a }, b: { status: 'ready', data: b } }),
    );
    expect(same).toMatchObject({
      verdict: 'same',
      cells: ['Gate throughput', '40.0 trucks/h', '40.0 trucks/h', '0.0 trucks/h', '0 %'],
    });
  });

  it('lists the scopes of the chosen kind, a scope missing on one day marked as such', () => {
    const cranes = rowsOf(render({ scope: 'crane' }));
    expect(cranes.map((r) => [r.kpi, r.scope])).toEqual([
      ['crane.gross_rate', 'crane:T1-QC01'],
      ['crane.gross_rate', 'crane:T1-QC02'],
    ]);
    expect(cranes[0]!.cells).toEqual([
      'Gross crane rate',
      'T1-QC01',
      '24.0 moves/h',
      '24.0 moves/h',
      '0.0 moves/h',
      '0 %',
    ]);
    expect(cranes[0]!.verdict).toBe('same');
    expect(cranes[1]!.cells).toEqual([
      'Gross crane rate',
      'T1-QC02',
      '28.0 moves/h',
      '–',
      '–',
      '–',
    ]);
    expect(cranes[1]!.html).toContain('title="not reported that day"');
    expect(render({ scope: 'crane' })).toMatch(
      /<tr data-kpi="crane.gross_rate" data-scope="crane:T1-QC02" data-verdict="none" class="compare-repeat"/,
    );
    const lanes = rowsOf(render({ scope: 'lane' }));
    expect(lanes.map((r) => r.scope)).toEqual(['lane:T1-gate-in-01', 'lane:T1-insp-01']);
    expect(lanes[0]!.verdict).toBe('bad'); // throughput down
    expect(rowsOf(render({ scope: 'berth' })).map((r) => r.scope)).toEqual(['berth:T1-B1']);
    expect(render({ scope: 'lane' })).toMatch(
      /aria-selected="true" data-testid="compare-scope-lane"/,
    );
    const empty = render({
      b: { status: 'ready', data: { ...B, kpis: [] } },
      a: { status: 'ready', data: { ...A, kpis: [] } },
    });
    expect(empty).toContain('Neither day has figures of this kind.');
  });

  it('speaks Chinese with the same numbers in Chinese units', () => {
    const html = render({ language: 'zh-CN' });
    const rows = rowsOf(html);
    expect(rows[0]!.cells).toEqual([
      '岸桥毛效率',
      '25.0 自然箱/小时',
      '30.0 自然箱/小时',
      '+5.0 自然箱/小时',
      '+20 %',
    ]);
    expect(rows[1]!.cells[3]).toBe('+7 个百分点');
    expect(rows[2]!.cells[3]).toBe('+10 分钟');
    expect(html).toContain('基准日（A）');
    expect(html).toContain(dayLabel(DAY_A, 'zh-CN'));
    expect(html).toContain('title="变差"');
  });

  it('heads the columns with the days the figures are of, and today up to when', () => {
    const html = render({ b: { status: 'ready', data: dayKpis(DAY_B, B.kpis, true) } });
    expect(html).toContain('Sun, Nov 29, 2026');
    expect(html).toContain('Mon, Nov 30, 2026');
    expect(html).toContain('until 14:05');
  });

  it('says it is loading, and keeps the last good table, marked, while a new day loads', () => {
    const first = render({ a: { status: 'loading' }, b: { status: 'loading' } });
    expect(first).not.toContain('compare-table');
    expect(first).toContain('Loading Sun, Nov 29, 2026…');
    expect(first).toContain('Loading the figures…');
    // Day B moved on to Dec 1: the Nov 30 figures stay until Dec 1 arrives.
    const html = render({ dayB: '2026-12-01', b: { status: 'loading', data: B } });
    expect(html).toContain('data-stale="true"');
    expect(html).toContain('data-testid="compare-status-b" data-status="loading"');
    expect(html).toContain('Loading Tue, Dec 1, 2026…');
    expect(html).toContain('(the table still shows Mon, Nov 30, 2026)');
    expect(html).toContain('Mon, Nov 30, 2026</span></th>');
    expect(rowsOf(html)).toHaveLength(5);
    expect(render()).toContain('data-stale="false"');
    expect(render()).not.toContain('compare-status');
  });

  it('says plainly when a day failed, with the server’s reason and a retry', () => {
    const failed = render({
      b: { status: 'failed', message: 'to: time is more than 5 minutes in the future' },
    });
    expect(failed).toContain('data-status="failed" role="alert"');
    expect(failed).toContain('The figures for Mon, Nov 30, 2026 could not be loaded.');
    expect(failed).toContain('to: time is more than 5 minutes in the future');
    expect(failed).toContain('data-testid="compare-retry"');
    expect(failed).not.toContain('compare-table');
    expect(failed).not.toContain('Loading the figures');
    const kept = render({
      dayB: '2026-12-01',
      b: { status: 'failed', message: 'HTTP 502', data: B },
    });
    expect(kept).toContain('data-testid="compare-table"');
    expect(kept).toContain('data-testid="compare-retry"');
    expect(render()).not.toContain('compare-retry');
    const future = render({ dayB: '2026-12-05', b: { status: 'not-begun', data: B } });
    expect(future).toContain('Sat, Dec 5, 2026 has not begun yet.');
    expect(future).not.toContain('compare-retry');
  });

  it('has a close button', () => {
    expect(render()).toContain('data-testid="compare-close"');
  });
});

describe('a change as shown', () => {
  const en = COMPARE_WORDS.en;
  it('carries its sign, and zero as shown has none', () => {
    expect(signedChange(-5400, 's', 'en', en)).toEqual({ value: '−90', unit: 'min', zero: false });
    expect(signedChange(3 * 3600, 's', 'en', en)).toEqual({
      value: '+3.0',
      unit: 'h',
      zero: false,
    });
    expect(signedChange(20, 's', 'en', en)).toEqual({ value: '0', unit: 'min', zero: true });
    expect(signedChange(-0.07, 'ratio', 'en', en)).toEqual({
      value: '−7',
      unit: 'pp',
      zero: false,
    });
    expect(signedChange(2, 'count', 'zh-CN', COMPARE_WORDS['zh-CN'])).toEqual({
      value: '+2',
      unit: '',
      zero: false,
    });
  });
});

describe('asking for a day', () => {
  const NOW = Date.parse('2026-11-30T06:05:30Z'); // 14:05:30 in Shanghai, on Nov 30
  it('asks for the whole of a past day in the port’s zone', () => {
    const request = dayRequest(DAY_A, ZONE, NOW)!;
    expect(request).toEqual({
      fromMs: Date.parse('2026-11-28T16:00:00Z'),
      toMs: Date.parse('2026-11-29T16:00:00Z'),
      partial: false,
    });
    expect(kpisPath(request)).toBe(
      '/api/v1/kpis?from=2026-11-28T16%3A00%3A00.000Z&to=2026-11-29T16%3A00%3A00.000Z',
    );
  });

  it('asks for today up to the current minute, and not at all for a day to come', () => {
    expect(dayRequest(DAY_B, ZONE, NOW)).toEqual({
      fromMs: Date.parse('2026-11-29T16:00:00Z'),
      toMs: Date.parse('2026-11-30T06:05:00Z'),
      partial: true,
    });
    expect(dayRequest('2026-12-01', ZONE, NOW)).toBeUndefined();
    // The first minute of a day has nothing to ask for yet.
    expect(dayRequest(DAY_B, ZONE, Date.parse('2026-11-29T16:00:40Z'))).toBeUndefined();
  });

  it('keeps the last good answer when a request fails', () => {
    expect(afterFailure({ status: 'loading', data: A }, new Error('HTTP 502'))).toEqual({
      status: 'failed',
      message: 'HTTP 502',
      data: A,
    });
    expect(afterFailure({ status: 'loading' }, 'offline')).toEqual({
      status: 'failed',
      message: 'offline',
    });
  });
});
