// The timeline under the replayed map: the day, play and pause, step back and forward,
// the speed, and a track to scrub along (the map follows while dragging, each landing a
// preview; the pointer's instant is shown while hovering). Also flows since midnight,
// compare and CSV export of any window of the day. Times are shown in the port's zone.
import { useEffect, useState, type PointerEvent } from 'react';
import { formatClock } from '../format.ts';
import { fillIn, MESSAGES } from '../i18n.ts';
import type { Playback, PlaybackState } from '../source/port-source.ts';
import { useAppStore } from '../state/app-store.ts';
import { addDays, dayOf, type PortDay } from './port-day.ts';
import { REPLAY_SPEEDS, type ReplaySpeed } from './replay-clock.ts';
import type { ReplaySession } from './use-replay.ts';
import './replay-bar.css';

const REFRESH_MS = 250;
const HOUR_MS = 3_600_000;

/** The playback's state, read again on every change and a few times a second while playing. */
function usePlaybackState(playback: Playback): PlaybackState {
  const [state, setState] = useState(playback.state);
  useEffect(() => {
    const update = () => setState(playback.state());
    update();
    const unsubscribe = playback.subscribe(update);
    const timer = setInterval(update, REFRESH_MS);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [playback]);
  return state;
}

function formatTime(timeMs: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(timeMs);
}

/** An instant of the day as HH:MM in the port's zone, for a time input. */
const asTimeInput = (timeMs: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(timeMs);

/** HH:MM of the day back to an instant (same zone offset as the day's start: days here have no DST jump within). */
function fromTimeInput(value: string, fromMs: number, toMs: number, timeZone: string): number {
  const [h, m] = value.split(':').map(Number) as [number, number];
  const startClock = asTimeInput(fromMs, timeZone).split(':').map(Number) as [number, number];
  const ms = fromMs + ((h - startClock[0]) * 60 + (m - startClock[1])) * 60_000;
  return Math.min(toMs, Math.max(fromMs, ms));
}

export function ReplayBar({
  playback,
  session,
  timeZone,
}: {
  playback: Playback;
  session: ReplaySession;
  timeZone: string;
}) {
  const language = useAppStore((s) => s.language);
  const t = MESSAGES[language];
  const state = usePlaybackState(playback);
  const [hover, setHover] = useState<{ x: number; atMs: number } | undefined>();
  const { fromMs, toMs, atMs } = state;
  const span = toMs - fromMs;
  const range = session.range;
  const minDay = range?.firstMs === undefined ? undefined : dayOf(range.firstMs, timeZone);
  const maxDay = range?.lastMs === undefined ? undefined : dayOf(range.lastMs, timeZone);
  const day = session.day;
  const [exportFrom, setExportFrom] = useState<number | undefined>();
  const [exportTo, setExportTo] = useState<number | undefined>();
  const windowFrom = exportFrom ?? fromMs;
  const windowTo = exportTo ?? toMs;

  const onHover = (event: PointerEvent<HTMLInputElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    setHover({ x: event.clientX - box.left, atMs: fromMs + fraction * span });
  };
  const hours = Array.from(
    { length: Math.floor(span / HOUR_MS / 3) + 1 },
    (_, i) => fromMs + i * 3 * HOUR_MS,
  );
  const pickDay = (next: PortDay) => {
    if ((minDay && next < minDay) || (maxDay && next > maxDay)) return;
    session.setDay(next);
  };

  return (
    <section
      className="replay-bar"
      aria-label={t.replay}
      data-testid="replay-bar"
      data-playing={state.playing}
      data-seeking={state.seeking}
    >
      <div className="rb-controls">
        <div className="rb-day">
          <button
            type="button"
            onClick={() => day && pickDay(addDays(day, -1))}
            disabled={!day || (!!minDay && day <= minDay)}
            aria-label="-1"
          >
            ‹
          </button>
          <input
            type="date"
            aria-label={t.replayDay}
            data-testid="replay-day"
            value={day ?? ''}
            min={minDay}
            max={maxDay}
            onChange={(event) => event.target.value && pickDay(event.target.value)}
          />
          <button
            type="button"
            onClick={() => day && pickDay(addDays(day, 1))}
            disabled={!day || (!!maxDay && day >= maxDay)}
            aria-label="+1"
          >
            ›
          </button>
        </div>
        <button
          type="button"
          title={t.stepBack}
          aria-label={t.stepBack}
          data-testid="replay-step-back"
          onClick={() => playback.step(-1)}
        >
          «
        </button>
        <button
          type="button"
          className="rb-play"
          data-testid="replay-play"
          aria-label={state.playing ? t.pause : t.play}
          title={state.playing ? t.pause : t.play}
          onClick={() => (state.playing ? playback.pause() : playback.play())}
        >
          {state.playing ? '❚❚' : '▶'}
        </button>
        <button
          type="button"
          title={t.stepForward}
          aria-label={t.stepForward}
          data-testid="replay-step-forward"
          onClick={() => playback.step(1)}
        >
          »
        </button>
        <select
          aria-label={t.replaySpeed}
          data-testid="replay-speed"
          value={state.speed}
          onChange={(event) => playback.setSpeed(Number(event.target.value) as ReplaySpeed)}
        >
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}×
            </option>
          ))}
        </select>
        <output className="rb-clock" data-testid="replay-clock" data-at={Math.round(atMs)}>
          {formatTime(atMs, timeZone, language)}
          {state.seeking && <span className="rb-loading"> {t.replayLoading}</span>}
        </output>
        <label className="rb-flows">
          <input
            type="checkbox"
            checked={session.accumulateFlows}
            onChange={(event) => session.setAccumulateFlows(event.target.checked)}
          />
          {t.flowsSinceMidnight}
        </label>
        <button
          type="button"
          data-testid="replay-compare"
          aria-pressed={session.compare !== undefined}
          onClick={() => session.setCompare(session.compare ? undefined : day && addDays(day, -1))}
        >
          {t.compareDays}
        </button>
        <details className="rb-export">
          <summary>{t.exportCsv}</summary>
          <div className="rb-export-panel">
            <input
              type="time"
              aria-label={t.exportFrom}
              value={asTimeInput(windowFrom, timeZone)}
              onChange={(e) =>
                e.target.value &&
                setExportFrom(fromTimeInput(e.target.value, fromMs, toMs, timeZone))
              }
            />
            –
            <input
              type="time"
              aria-label={t.exportTo}
              value={asTimeInput(windowTo, timeZone)}
              onChange={(e) => {
                if (!e.target.value) return;
                const to = fromTimeInput(e.target.value, fromMs, toMs, timeZone);
                setExportTo(to <= windowFrom ? toMs : to); // 00:00 as the end is midnight after
              }}
            />
            <a
              data-testid="export-kpis"
              href={`/api/v1/export/kpis.csv?from=${windowFrom}&to=${windowTo}`}
              download
            >
              {t.exportKpis}
            </a>
            <a
              data-testid="export-events"
              href={`/api/v1/export/events.csv?from=${windowFrom}&to=${windowTo}`}
              download
            >
              {t.exportEvents}
            </a>
          </div>
        </details>
      </div>
      <div className="rb-track">
        <input
          type="range"
          data-testid="replay-track"
          aria-label={t.replay}
          min={fromMs}
          max={toMs}
          step={1_000}
          value={Math.round(atMs)}
          onChange={(event) => playback.seek(Number(event.target.value))}
          onPointerMove={onHover}
          onPointerLeave={() => setHover(undefined)}
        />
        <div className="rb-hours" aria-hidden>
          {hours.map((hourMs) => (
            <span key={hourMs} style={{ left: `${((hourMs - fromMs) / span) * 100}%` }}>
              {formatClock(hourMs, timeZone, language)}
            </span>
          ))}
        </div>
        {hover && (
          <div className="rb-hover" role="tooltip" style={{ left: hover.x }}>
            {formatTime(hover.atMs, timeZone, language)}
          </div>
        )}
      </div>
      {(state.problem || session.ignored.length > 0) && (
        <p className="rb-problem" role="status">
          {state.problem && fillIn(t.replayProblem, { reason: state.problem })}
          {session.ignored.length > 0 &&
            fillIn(t.replayIgnored, { what: session.ignored.join(', ') })}
        </p>
      )}
    </section>
  );
}
