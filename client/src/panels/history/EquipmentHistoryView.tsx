// A machine's last 8 hours beneath its live facts: its states as a coloured strip (the
// map's colours), its moves per hour and in total, and the latest boxes it moved.
import type { EquipmentHistory } from '../../../../protocol/history.ts';
import { fetchEquipmentHistory } from '../../api/history-api.ts';
import { formatClock } from '../../format.ts';
import { MESSAGES, type Language } from '../../i18n.ts';
import { DataAge } from './DataAge.tsx';
import { EventList } from './EventList.tsx';
import { MiniBars } from './MiniBars.tsx';
import { stateColour, stripPieces } from './state-strip.ts';
import { usePolledUpToClock } from './use-polled.ts';

const SHOWN_MOVES = 8;

interface Shown {
  timeZone: string;
  language: Language;
}

export function EquipmentHistoryView({ equipmentId, ...shown }: Shown & { equipmentId: string }) {
  const polled = usePolledUpToClock(equipmentId, fetchEquipmentHistory);
  return (
    <section className="history" data-testid="equipment-history">
      {polled.data && <EquipmentHistoryBody history={polled.data} {...shown} />}
      <DataAge polled={polled} language={shown.language} />
    </section>
  );
}

export function EquipmentHistoryBody({
  history,
  timeZone,
  language,
}: Shown & { history: EquipmentHistory }) {
  const t = MESSAGES[language];
  const clock = (ms: number) => formatClock(ms, timeZone, language);
  const stateName = (state: string) => (t as Record<string, string>)[`state_${state}`] ?? state;
  return (
    <>
      <h3>{t.stateLast8h}</h3>
      <div className="state-strip" data-testid="state-strip">
        {stripPieces(history.states, history.fromMs, history.toMs).map(({ span, from, to }) => (
          <div
            key={span.fromMs}
            data-state={span.state}
            style={{
              left: `${from * 100}%`,
              width: `${(to - from) * 100}%`,
              background: stateColour(span.state),
            }}
            title={`${stateName(span.state)} ${clock(span.fromMs)}–${span.toMs === undefined ? '' : clock(span.toMs)}${span.reason ? ` (${span.reason})` : ''}`}
          />
        ))}
      </div>
      <div className="strip-axis">
        <span>{clock(history.fromMs)}</span>
        <span>{clock(history.toMs)}</span>
      </div>
      <h3>
        {t.movesLast8h}{' '}
        <span className="figure" data-testid="moves-count">
          {new Intl.NumberFormat(language).format(history.moves)}
        </span>
      </h3>
      <MiniBars
        values={history.movesPerHour.map((hour) => hour.moves)}
        label={t.movesLast8h}
        language={language}
      />
      <h3>{t.recentMoves}</h3>
      <EventList
        entries={history.recentMoves.slice(0, SHOWN_MOVES)}
        empty={t.noMoves}
        timeZone={timeZone}
        language={language}
      />
    </>
  );
}
