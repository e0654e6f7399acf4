import { describe, expect, it } from 'vitest';
import type { PortModel } from '../../../protocol/port-model.ts';
import { portBounds } from '../map/port-style.ts';
import { parsePlaylist, terminalIds, viewAt, viewBounds } from './playlist.ts';

const TERMINALS = new Set(['T1', 'T2', 'North:Quay']);

describe('parsePlaylist', () => {
  it('without a playlist the wall does not cycle and says nothing', () => {
    expect(parsePlaylist('', TERMINALS)).toEqual({ views: [], dwellMs: 30_000, problems: [] });
    expect(parsePlaylist('?dwell=45', TERMINALS).views).toEqual([]);
    expect(parsePlaylist('?dwell=45', TERMINALS).problems).toEqual([]);
  });

  it('reads the views in order, with the dwell in seconds', () => {
    expect(parsePlaylist('?playlist=port,terminal:T1,kpis&dwell=45', TERMINALS)).toEqual({
      views: [{ kind: 'port' }, { kind: 'terminal', terminalId: 'T1' }, { kind: 'kpis' }],
      dwellMs: 45_000,
      problems: [],
    });
  });

  it('takes 30 s when no dwell is given, and fractions of a second', () => {
    expect(parsePlaylist('?playlist=port,kpis', TERMINALS).dwellMs).toBe(30_000);
    expect(parsePlaylist('?playlist=port,kpis&dwell=', TERMINALS).dwellMs).toBe(30_000);
    expect(parsePlaylist('?playlist=port,kpis&dwell=12.5', TERMINALS).dwellMs).toBe(12_500);
  });

  it('reads view names in any case, with spaces, a stray comma and repeats', () => {
    const { views, problems } = parsePlaylist(
      '?playlist=' + encodeURIComponent(' Port , KPIS,,port,terminal:T2,'),
      TERMINALS,
    );
    expect(views).toEqual([
      { kind: 'port' },
      { kind: 'kpis' },
      { kind: 'port' },
      { kind: 'terminal', terminalId: 'T2' },
    ]);
    expect(problems).toEqual([]);
  });

  it('matches terminal ids exactly, colons in them included', () => {
    const { views, problems } = parsePlaylist(
      '?playlist=terminal:North:Quay,terminal:t1',
      TERMINALS,
    );
    expect(views).toEqual([{ kind: 'terminal', terminalId: 'North:Quay' }]);
    expect(problems).toEqual([{ reason: 'unknownTerminal', entry: 'terminal:t1' }]);
  });

  it('leaves out what it does not understand and names each entry', () => {
    const { views, problems } = parsePlaylist(
      '?playlist=port,map,terminal:T9,terminal,kpis:extra,kpis',
      TERMINALS,
    );
    expect(views).toEqual([{ kind: 'port' }, { kind: 'kpis' }]);
    expect(problems).toEqual([
      { reason: 'unknownView', entry: 'map' },
      { reason: 'unknownTerminal', entry: 'terminal:T9' },
      { reason: 'unknownTerminal', entry: 'terminal' },
      { reason: 'unknownView', entry: 'kpis:extra' },
    ]);
  });

  it('says so when no view is left to show', () => {
    expect(parsePlaylist('?playlist=', TERMINALS)).toEqual({
      views: [],
      dwellMs: 30_000,
      problems: [{ reason: 'empty' }],
    });
    expect(parsePlaylist('?playlist=nothing', TERMINALS).problems).toEqual([
      { reason: 'unknownView', entry: 'nothing' },
      { reason: 'empty' },
    ]);
  });

  it.each([
    ['5', 10],
    ['0', 10],
    ['9.99', 10],
    ['100000', 86_400],
  ])('holds dwell=%s to the allowed range (%i s) and says so', (dwell, usedS) => {
    const playlist = parsePlaylist(`?playlist=port,kpis&dwell=${dwell}`, TERMINALS);
    expect(playlist.dwellMs).toBe(usedS * 1000);
    expect(playlist.problems).toEqual([{ reason: 'badDwell', entry: `dwell=${dwell}`, usedS }]);
  });

  it.each(['abc', '-20', '1e3', '30s', '0x20', 'NaN', 'Infinity'])(
    'takes the default for dwell=%s and says so',
    (dwell) => {
      const playlist = parsePlaylist(
        `?playlist=port,kpis&dwell=${encodeURIComponent(dwell)}`,
        TERMINALS,
      );
      expect(playlist.dwellMs).toBe(30_000);
      expect(playlist.problems).toEqual([
        { reason: 'badDwell', entry: `dwell=${dwell}`, usedS: 30 },
      ]);
    },
  );
});

describe('viewAt', () => {
  const playlist = {
    views: [{ kind: 'port' }, { kind: 'kpis' }, { kind: 'port' }],
    dwellMs: 10_000,
  } as const;
  const start = 1_800_000_000_000;

  it('shows the first view first and changes every dwell', () => {
    expect(viewAt(playlist, start, start)).toEqual({
      index: 0,
      nextIndex: 1,
      changesAtMs: start + 10_000,
    });
    expect(viewAt(playlist, start, start + 9_999).index).toBe(0);
    expect(viewAt(playlist, start, start + 10_000)).toEqual({
      index: 1,
      nextIndex: 2,
      changesAtMs: start + 20_000,
    });
  });

  it('starts over after the last view', () => {
    expect(viewAt(playlist, start, start + 25_000)).toEqual({
      index: 2,
      nextIndex: 0,
      changesAtMs: start + 30_000,
    });
    expect(viewAt(playlist, start, start + 30_000).index).toBe(0);
  });

  it('follows the clock, not a count of timer ticks: a late tick lands where it should', () => {
    expect(viewAt(playlist, start, start + 3_600_000 + 15_000).index).toBe(1);
  });

  it('stays on the first view if the clock steps back before the start', () => {
    expect(viewAt(playlist, start, start - 60_000).index).toBe(0);
  });

  it('never changes a single view, nor an empty list', () => {
    const single = { views: [{ kind: 'kpis' }], dwellMs: 10_000 } as const;
    expect(viewAt(single, start, start + 1e9)).toEqual({
      index: 0,
      nextIndex: 0,
      changesAtMs: undefined,
    });
    expect(viewAt({ views: [], dwellMs: 10_000 }, start, start).changesAtMs).toBeUndefined();
  });
});

const ring = (w: number, s: number, e: number, n: number): [number, number][][] => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

const MODEL: PortModel = {
  type: 'FeatureCollection',
  properties: { portId: 'TEST', name: 'Test', timeZone: 'UTC', center: [122, 30] },
  features: [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: ring(121, 29, 123, 31) },
      properties: { id: 'sea', kind: 'water' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: ring(122.0, 30.0, 122.02, 30.01) },
      properties: { id: 'T1', kind: 'terminal', name: 'Terminal 1' },
    },
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: ring(122.05, 30.02, 122.08, 30.04) },
      properties: { id: 'T2', kind: 'terminal' },
    },
  ],
};

describe('viewBounds', () => {
  it('frames the port as the first view does', () => {
    const [w, s, e, n] = portBounds(MODEL);
    expect(viewBounds({ kind: 'port' }, MODEL)).toEqual([
      [w, s],
      [e, n],
    ]);
  });

  it('frames one terminal by its outline', () => {
    expect(viewBounds({ kind: 'terminal', terminalId: 'T2' }, MODEL)).toEqual([
      [122.05, 30.02],
      [122.08, 30.04],
    ]);
  });

  it('frames nothing for the KPI board or a terminal the model lacks', () => {
    expect(viewBounds({ kind: 'kpis' }, MODEL)).toBeUndefined();
    expect(viewBounds({ kind: 'terminal', terminalId: 'T9' }, MODEL)).toBeUndefined();
  });

  it('knows the terminals a playlist may name', () => {
    expect(terminalIds(MODEL)).toEqual(new Set(['T1', 'T2']));
  });
});
