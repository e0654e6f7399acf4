// The wall's KPI board: the key figures full screen, in type read from across the room,
// each with its recent course. How old the figures are is always on it, and old figures
// are dimmed under a plain warning: on a wall, stale numbers must never pass for live.
import { formatClock } from '../format.ts';
import { MESSAGES } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { useDataFreshness } from '../state/data-freshness.ts';
import { BOARD_KPIS, KpiTile } from './KpiTiles.tsx';
import './KpiBoard.css';

export function KpiBoard({ portName, timeZone }: { portName: string; timeZone: string }) {
  const language = useAppStore((s) => s.language);
  const t = MESSAGES[language];
  const { status, label, age, nowMs: now } = useDataFreshness();
  const warning = status === 'stale' ? t.boardStale : status === 'offline' ? t.boardOffline : '';

  return (
    <section className="kpi-board" data-testid="kpi-board" data-status={status}>
      <header className="kpi-board-head">
        <h1>
          {t.kpiBoard}
          <span className="kpi-board-port">{portName}</span>
        </h1>
        <div className="status" data-status={status} data-testid="kpi-board-status">
          <span className="dot" />
          {label}
        </div>
        <div className="kpi-board-age" data-testid="kpi-board-age">
          {age}
        </div>
        <div className="kpi-board-clock">{formatClock(now, timeZone, language)}</div>
      </header>
      {warning && (
        <div className="kpi-board-warning" role="alert">
          {warning}
        </div>
      )}
      <div className="kpi-board-grid">
        {BOARD_KPIS.map((id) => (
          <KpiTile key={id} id={id} timeZone={timeZone} />
        ))}
      </div>
    </section>
  );
}
