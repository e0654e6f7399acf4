// The wall's playlist in motion: moves the map to each view in turn (through the store,
// which PortMap follows) or shows the KPI board over it, with a small indicator of what
// is on and what comes next, and a notice of what the URL asked for that it cannot do.
import { useEffect, useMemo, useState } from 'react';
import type { PortModel } from '../../../protocol/port-model.ts';
import { fillIn, MESSAGES, type Language } from '../i18n.ts';
import { KpiBoard } from '../panels/KpiBoard.tsx';
import { useAppStore } from '../state/app-store.ts';
import {
  MAX_DWELL_S,
  MIN_DWELL_S,
  parsePlaylist,
  terminalIds,
  viewAt,
  viewBounds,
  type PlaylistProblem,
  type WallView,
} from './playlist.ts';
import './Playlist.css';

type Messages = (typeof MESSAGES)[Language];

function viewName(view: WallView, model: PortModel, t: Messages): string {
  if (view.kind === 'port') return t.wallViewPort;
  if (view.kind === 'kpis') return t.kpiBoard;
  const terminal = model.features.find((f) => f.properties.id === view.terminalId);
  return terminal?.properties.name ?? `${t.wallViewTerminal} ${view.terminalId}`;
}

function problemText(problem: PlaylistProblem, t: Messages, language: Language): string {
  const n = (value: number) => new Intl.NumberFormat(language).format(value);
  switch (problem.reason) {
    case 'unknownView':
      return `${problem.entry} (${t.playlistUnknownView})`;
    case 'unknownTerminal':
      return `${problem.entry} (${t.playlistUnknownTerminal})`;
    case 'badDwell':
      return `${problem.entry} (${fillIn(t.playlistBadDwell, { min: n(MIN_DWELL_S), max: n(MAX_DWELL_S), seconds: n(problem.usedS) })})`;
    case 'empty':
      return t.playlistEmpty;
  }
}

export function Playlist({ model }: { model: PortModel }) {
  const language = useAppStore((s) => s.language);
  const t = MESSAGES[language];
  const playlist = useMemo(
    () => parsePlaylist(window.location.search, terminalIds(model)),
    [model],
  );
  const [startedAtMs] = useState(Date.now);
  const [now, setNow] = useState(Date.now);
  const cycling = playlist.views.length > 1;
  useEffect(() => {
    if (!cycling) return;
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, [cycling]);

  const { index, nextIndex, changesAtMs } = viewAt(playlist, startedAtMs, now);
  const view = playlist.views[index];
  useEffect(() => {
    const bounds = view && viewBounds(view, model);
    if (bounds) useAppStore.getState().requestView({ bounds });
  }, [view, model]);

  const ignored = playlist.problems.filter((p) => p.reason !== 'empty');
  const nothingLeft = playlist.problems.find((p) => p.reason === 'empty');
  return (
    <>
      {view?.kind === 'kpis' && (
        <KpiBoard portName={model.properties.name} timeZone={model.properties.timeZone} />
      )}
      <div className="wall-playlist">
        {playlist.problems.length > 0 && (
          <div className="playlist-notice" data-testid="playlist-notice">
            {ignored.length > 0 && (
              <div>
                {t.playlistIgnored} {ignored.map((p) => problemText(p, t, language)).join('; ')}
              </div>
            )}
            {nothingLeft && <div>{problemText(nothingLeft, t, language)}</div>}
          </div>
        )}
        {view && (
          <div
            className="playlist-indicator"
            data-testid="playlist-indicator"
            data-view={view.kind}
          >
            <strong>{viewName(view, model, t)}</strong>
            {changesAtMs !== undefined && (
              <span>
                {fillIn(t.playlistNext, {
                  view: viewName(playlist.views[nextIndex]!, model, t),
                  seconds: new Intl.NumberFormat(language).format(
                    Math.max(0, Math.ceil((changesAtMs - now) / 1000)),
                  ),
                })}
              </span>
            )}
          </div>
        )}
      </div>
    </>
  );
}
