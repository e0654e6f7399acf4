// The berth schedule as a timeline from 24 hours ago to 24 hours ahead: a row per berth,
// a bar per call (hatched where planned, solid where alongside), its progress, late
// calls marked, a line at now. Hovering a bar gives its times in port time; clicking it
// opens the vessel's details. The last good schedule stays up when a refresh fails.
import { useState, type CSSProperties } from 'react';
import type { ScheduledCall } from '../../../protocol/history.ts';
import type { PortModel } from '../../../protocol/port-model.ts';
import { formatClock } from '../format.ts';
import { MESSAGES, type Language } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import {
  axisTicks,
  berthIdsOf,
  berthNamesOf,
  layoutTimeline,
  zoneOffsetMs,
  type Span,
  type TimelineBar,
} from './berth-timeline-layout.ts';
import { CallFacts } from './history/CallFacts.tsx';
import { DataAge } from './history/DataAge.tsx';
import { useBerthSchedule } from './history/use-polled.ts';

const TICK_STEP_MS = 6 * 3_600_000;

const percent = (fraction: number) => `${(fraction * 100).toFixed(3)}%`;

/** A part of a bar placed within the bar's own box. */
function within(part: Span, bar: Span): CSSProperties {
  const width = bar.to - bar.from;
  return {
    left: percent((part.from - bar.from) / width),
    width: percent((part.to - part.from) / width),
  };
}

interface Hover {
  call: ScheduledCall;
  x: number;
  y: number;
}

function CallBar({
  bar,
  language,
  onHover,
}: {
  bar: TimelineBar;
  language: Language;
  onHover(hover: Hover | undefined): void;
}) {
  const select = useAppStore((s) => s.select);
  const { call, extent, planned, actual, progress } = bar;
  const pct =
    progress === undefined
      ? ''
      : ` ${new Intl.NumberFormat(language, { style: 'percent' }).format(progress)}`;
  const hover = (e: React.MouseEvent) => onHover({ call, x: e.clientX, y: e.clientY });
  return (
    <div
      className="bt-bar"
      data-call={call.callId}
      data-late={bar.late}
      style={{
        left: percent(extent.from),
        width: percent(extent.to - extent.from),
        top: `calc(${bar.lane} * var(--bt-lane))`,
      }}
      onMouseEnter={hover}
      onMouseMove={hover}
      onMouseLeave={() => onHover(undefined)}
      onClick={() => call.mmsi && select(call.mmsi)}
    >
      {planned && <div className="bt-planned" style={within(planned, extent)} />}
      {actual && <div className="bt-actual" style={within(actual, extent)} />}
      {progress !== undefined && (
        <div className="bt-progress" style={{ width: percent(progress) }} />
      )}
      <span className="bt-name">
        {bar.late && <span className="bt-late-mark">! </span>}
        {call.vesselName ?? call.vesselImo}
        {pct}
      </span>
    </div>
  );
}

export function BerthTimeline({ model }: { model: PortModel }) {
  const language = useAppStore((s) => s.language);
  const t = MESSAGES[language];
  const timeZone = model.properties.timeZone;
  const schedule = useBerthSchedule();
  // The data source's clock: now when live, the replayed instant in replay.
  const nowMs = useAppStore((s) => s.clockMs);
  const [hover, setHover] = useState<Hover | undefined>();
  const layout = layoutTimeline(berthIdsOf(model), schedule.data?.calls ?? [], nowMs);
  const names = berthNamesOf(model);
  const ticks = axisTicks(layout.fromMs, layout.toMs, TICK_STEP_MS, zoneOffsetMs(timeZone, nowMs));
  const callCount = layout.rows.reduce((sum, row) => sum + row.bars.length, 0);
  return (
    <section className="berth-timeline" aria-label={t.berthSchedule} data-testid="berth-timeline">
      <h2>{t.berthSchedule}</h2>
      <div className="bt-chart">
        <div className="bt-axis">
          {ticks.map((tick) => (
            <span key={tick.timeMs} style={{ left: percent(tick.at) }}>
              {formatClock(tick.timeMs, timeZone, language)}
            </span>
          ))}
        </div>
        {layout.rows.map((row) => (
          <div className="bt-row" key={row.berthId ?? '-'} data-berth={row.berthId ?? ''}>
            <span className="bt-label">
              {row.berthId === undefined ? t.noBerthYet : names.get(row.berthId)}
            </span>
            <div className="bt-track" style={{ height: `calc(${row.lanes} * var(--bt-lane))` }}>
              {ticks.map((tick) => (
                <div key={tick.timeMs} className="bt-tick" style={{ left: percent(tick.at) }} />
              ))}
              <div className="bt-now" style={{ left: percent(layout.now) }} />
              {row.bars.map((bar) => (
                <CallBar key={bar.call.callId} bar={bar} language={language} onHover={setHover} />
              ))}
            </div>
          </div>
        ))}
        <div className="bt-row bt-now-label">
          <span />
          <div>
            <span style={{ left: percent(layout.now) }}>{t.now}</span>
          </div>
        </div>
      </div>
      {schedule.data && callCount === 0 && <p className="none">{t.noCalls}</p>}
      <DataAge polled={schedule} language={language} />
      {hover && (
        <div
          className="bt-tooltip"
          role="tooltip"
          style={{ right: window.innerWidth - hover.x + 12, top: hover.y + 12 }}
        >
          <strong>{hover.call.vesselName ?? hover.call.vesselImo}</strong>
          <CallFacts call={hover.call} timeZone={timeZone} language={language} nowMs={nowMs} />
        </div>
      )}
    </section>
  );
}
