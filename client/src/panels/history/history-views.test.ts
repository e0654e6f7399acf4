// The history views as they render from data (server-side rendering: no DOM needed),
// and the polling rule that keeps the last good answer when a fetch fails.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { BlockFillBody } from './BlockFillView.tsx';
import { describe, expect, it } from 'vitest';
import type { EquipmentHistory, LaneHistory, ScheduledCall } from '../../../../protocol/history.ts';
import { formatDateTime } from '../../format.ts';
import { CallFacts } from './CallFacts.tsx';
import { EquipmentHistoryBody } from './EquipmentHistoryView.tsx';
import { LaneHistoryBody } from './LaneHistoryView.tsx';
import { afterFailure } from './use-polled.ts';

const H = 3_600_000;
const TO = Date.UTC(2026, 11, 1, 12);
const shown = { timeZone: 'Asia/Shanghai', language: 'en' as const };

describe('EquipmentHistoryBody', () => {
  const history: EquipmentHistory = {
    equipmentId: 'T1-QC01',
    fromMs: TO - 8 * H,
    toMs: TO,
    states: [
      { state: 'idle', fromMs: TO - 10 * H, toMs: TO - 6 * H },
      { state: 'fault', fromMs: TO - 6 * H, toMs: TO - 5 * H, reason: 'spreader' },
      { state: 'working', fromMs: TO - 5 * H, callId: 'C1' },
    ],
    moves: 5,
    movesPerHour: Array.from({ length: 9 }, (_, i) => ({
      hourMs: TO - (8 - i) * H,
      moves: i === 7 ? 5 : 0,
    })),
    recentMoves: [
      {
        timeMs: TO - H,
        type: 'container',
        code: 'DISC',
        placeId: 'T1-B2',
        by: 'C1',
        note: 'QSDU0000011',
      },
    ],
  };

  it('draws the state strip from the window’s start, the moves and the latest box', () => {
    const html = renderToStaticMarkup(createElement(EquipmentHistoryBody, { history, ...shown }));
    expect([...html.matchAll(/data-state="(\w+)"/g)].map((m) => m[1])).toEqual([
      'idle',
      'fault',
      'working',
    ]);
    // idle from the window's start (2 h of 8), fault 1 h, working to the end.
    expect(html).toContain('left:0%;width:25%;background:rgb(149, 165, 166)');
    expect(html).toContain('left:37.5%;width:62.5%;background:rgb(46, 204, 113)');
    expect(html).toContain('title="Fault 14:00–15:00 (spreader)"');
    expect(html).toMatch(/data-testid="moves-count">5</);
    expect(html.match(/<rect /g)).toHaveLength(9);
    expect(html).toContain('Discharged from the vessel');
    expect(html).toContain('QSDU0000011');
    expect(html).toContain('T1-B2 · C1');
  });

  it('says so when there were no moves', () => {
    const idle = { ...history, moves: 0, recentMoves: [], movesPerHour: [] };
    const html = renderToStaticMarkup(
      createElement(EquipmentHistoryBody, { history: idle, ...shown }),
    );
    expect(html).toContain('No moves in these 8 hours');
  });
});

describe('LaneHistoryBody', () => {
  it('shows the queue now, its course, completions and the latest events in words', () => {
    const history: LaneHistory = {
      laneId: 'T1-gate-in-01',
      fromMs: TO - 4 * H,
      toMs: TO,
      queueNow: 3,
      queue: [0, 1, 2, 3].map((length, i) => ({ timeMs: TO - (3 - i) * H, length })),
      completed: 17,
      recent: [
        {
          timeMs: TO - 60_000,
          type: 'gate',
          code: 'arrived',
          placeId: 'T1-gate-in-01',
          by: '沪A12345',
          note: 'in',
        },
      ],
    };
    const html = renderToStaticMarkup(createElement(LaneHistoryBody, { history, ...shown }));
    expect(html).toMatch(/data-testid="queue-now">3</);
    expect(html).toContain('>17<');
    expect(html.match(/<rect /g)).toHaveLength(4);
    expect(html).toContain('Arrived at the in-gate');
    expect(html).toContain('沪A12345');
  });
});

describe('CallFacts', () => {
  const call: ScheduledCall = {
    callId: 'C1',
    vesselImo: '9074729',
    vesselName: 'QUAY TEST',
    berthId: 'T1-B2',
    etaMs: TO - 10 * H,
    atbMs: TO - 8 * H,
    etdMs: TO - H,
    plannedMoves: 400,
    movesDone: 100,
  };

  it('gives the times in port time, the moves of planned, and marks a late call', () => {
    const html = renderToStaticMarkup(createElement(CallFacts, { call, ...shown, nowMs: TO }));
    expect(html).toContain(formatDateTime(TO - 10 * H, 'Asia/Shanghai', 'en'));
    expect(html).toContain('Dec 1, 12:00'); // ATB 04:00 UTC in Shanghai
    expect(html).toContain('100 / 400 (25%)');
    expect(html).toContain('class="late"');
    const zh = renderToStaticMarkup(
      createElement(CallFacts, {
        call: { ...call, etaMs: TO - 8.5 * H }, // berthed within the hour, not yet past ETD
        ...shown,
        language: 'zh-CN',
        nowMs: TO - 2 * H,
      }),
    );
    expect(zh).toContain('实际靠泊');
    expect(zh).not.toContain('class="late"');
  });
});

describe('afterFailure', () => {
  it('keeps the last good answer for the same key, marked as failed', () => {
    const last = { key: 'T1-QC01', data: { moves: 3 }, receivedAtMs: 1_000, failed: false };
    expect(afterFailure(last, 'T1-QC01')).toEqual({ ...last, failed: true });
    expect(afterFailure(last, 'T1-QC02')).toEqual({
      key: 'T1-QC02',
      data: undefined,
      receivedAtMs: undefined,
      failed: true,
    });
  });
});

describe('a yard block’s fill', () => {
  it('shows the fill, the boxes and TEU against capacity, or that nothing is known yet', () => {
    const block = { blockId: 'T1-YA02', boxes: 120, teu: 210, capacityTeu: 600, fill: 0.35 };
    const html = renderToStaticMarkup(createElement(BlockFillBody, { block, language: 'en' }));
    expect(html).toContain('35%');
    expect(html).toContain('120');
    expect(html).toContain('210 / 600');
    const none = renderToStaticMarkup(
      createElement(BlockFillBody, { block: undefined, language: 'en' }),
    );
    expect(none).toContain('No data yet');
  });
});
