// The wall display's playlist, read from its URL so a control room can bookmark it:
// /wall?playlist=port,terminal:T1,kpis&dwell=45 shows the whole port, terminal T1 and
// the KPI board in turn, 45 s each. What cannot be understood is left out and reported,
// so a typo shows as a notice on the wall, never as a blank screen.
import type { PortModel } from '../../../protocol/port-model.ts';
import { portBounds } from '../map/port-style.ts';

export type WallView =
  { kind: 'port' } | { kind: 'terminal'; terminalId: string } | { kind: 'kpis' };

export type PlaylistProblem =
  | { reason: 'unknownView'; entry: string }
  | { reason: 'unknownTerminal'; entry: string }
  | { reason: 'badDwell'; entry: string; usedS: number }
  | { reason: 'empty' };

export interface Playlist {
  /** In order; empty when the URL names none (then the wall does not cycle). */
  views: WallView[];
  dwellMs: number;
  problems: PlaylistProblem[];
}

export const DEFAULT_DWELL_S = 30;
/** Shorter than this and nobody can read a view before it goes. */
export const MIN_DWELL_S = 10;
export const MAX_DWELL_S = 24 * 3600;

/** Bounds as the map frames them: [[west, south], [east, north]]. */
export type LonLatBox = [[number, number], [number, number]];

/**
 * The playlist of a wall URL's query. `terminalIds` are the port model's terminals: a
 * terminal entry must name one of them (ids are matched exactly, view names in any case).
 */
export function parsePlaylist(search: string, terminalIds: ReadonlySet<string>): Playlist {
  const params = new URLSearchParams(search);
  const listed = params.get('playlist');
  if (listed === null) return { views: [], dwellMs: DEFAULT_DWELL_S * 1000, problems: [] };

  const views: WallView[] = [];
  const problems: PlaylistProblem[] = [];
  for (const entry of listed.split(',').map((e) => e.trim())) {
    if (entry === '') continue; // a stray comma is no mistake worth a notice
    const [name, ...rest] = entry.split(':');
    const kind = name!.toLowerCase();
    const terminalId = rest.join(':');
    if (kind === 'port' && rest.length === 0) views.push({ kind: 'port' });
    else if (kind === 'kpis' && rest.length === 0) views.push({ kind: 'kpis' });
    else if (kind === 'terminal' && terminalIds.has(terminalId))
      views.push({ kind: 'terminal', terminalId });
    else problems.push({ reason: kind === 'terminal' ? 'unknownTerminal' : 'unknownView', entry });
  }
  if (views.length === 0) problems.push({ reason: 'empty' });

  const dwell = parseDwell(params.get('dwell'));
  if (dwell.problem) problems.push(dwell.problem);
  return { views, dwellMs: dwell.seconds * 1000, problems };
}

function parseDwell(value: string | null): { seconds: number; problem?: PlaylistProblem } {
  if (value === null || value.trim() === '') return { seconds: DEFAULT_DWELL_S };
  const entry = `dwell=${value}`;
  const seconds = /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : Number.NaN;
  if (Number.isNaN(seconds))
    return {
      seconds: DEFAULT_DWELL_S,
      problem: { reason: 'badDwell', entry, usedS: DEFAULT_DWELL_S },
    };
  const used = Math.min(MAX_DWELL_S, Math.max(MIN_DWELL_S, seconds));
  return used === seconds
    ? { seconds }
    : { seconds: used, problem: { reason: 'badDwell', entry, usedS: used } };
}

/**
 * Which view shows at `nowMs` for a playlist started at `startedAtMs`, and when it
 * changes. Derived from the clock rather than counted by a timer, so a throttled or late
 * timer never makes the wall drift or skip. A single view never changes.
 */
export function viewAt(
  playlist: { views: readonly WallView[]; dwellMs: number },
  startedAtMs: number,
  nowMs: number,
): { index: number; nextIndex: number; changesAtMs: number | undefined } {
  const count = playlist.views.length;
  if (count <= 1) return { index: 0, nextIndex: 0, changesAtMs: undefined };
  const step = Math.floor(Math.max(0, nowMs - startedAtMs) / playlist.dwellMs);
  return {
    index: step % count,
    nextIndex: (step + 1) % count,
    changesAtMs: startedAtMs + (step + 1) * playlist.dwellMs,
  };
}

/** The terminals a playlist may name. */
export function terminalIds(model: PortModel): Set<string> {
  return new Set(
    model.features.filter((f) => f.properties.kind === 'terminal').map((f) => f.properties.id),
  );
}

/** What the map frames for a view; undefined for the KPI board, which hides the map. */
export function viewBounds(view: WallView, model: PortModel): LonLatBox | undefined {
  if (view.kind === 'kpis') return undefined;
  if (view.kind === 'port') {
    const [west, south, east, north] = portBounds(model);
    return [
      [west, south],
      [east, north],
    ];
  }
  const terminal = model.features.find(
    (f) => f.properties.kind === 'terminal' && f.properties.id === view.terminalId,
  );
  if (terminal?.geometry.type !== 'Polygon') return undefined;
  const ring = terminal.geometry.coordinates[0] ?? [];
  const lons = ring.map(([lon]) => lon);
  const lats = ring.map(([, lat]) => lat);
  return [
    [Math.min(...lons), Math.min(...lats)],
    [Math.max(...lons), Math.max(...lats)],
  ];
}
