// A gate or inspection lane's queue: how many wait now, the queue through the last
// 4 hours (5-minute samples), transactions completed, and the latest events.
import type { LaneHistory } from '../../../../protocol/history.ts';
import { fetchLaneHistory } from '../../api/history-api.ts';
import { formatClock } from '../../format.ts';
import { MESSAGES, type Language } from '../../i18n.ts';
import { DataAge } from './DataAge.tsx';
import { EventList } from './EventList.tsx';
import { MiniBars } from './MiniBars.tsx';
import { usePolledUpToClock } from './use-polled.ts';

const SHOWN_EVENTS = 8;

interface Shown {
  timeZone: string;
  language: Language;
}

export function LaneHistoryView({ laneId, ...shown }: Shown & { laneId: string }) {
  const polled = usePolledUpToClock(laneId, fetchLaneHistory);
  return (
    <section className="history" data-testid="lane-history">
      {polled.data && <LaneHistoryBody history={polled.data} {...shown} />}
      <DataAge polled={polled} language={shown.language} />
    </section>
  );
}

export function LaneHistoryBody({ history, timeZone, language }: Shown & { history: LaneHistory }) {
  const t = MESSAGES[language];
  const number = new Intl.NumberFormat(language);
  return (
    <>
      <dl>
        <dt>{t.queueNow}</dt>
        <dd className="figure" data-testid="queue-now">
          {number.format(history.queueNow)}
        </dd>
        <dt>{t.completedLast4h}</dt>
        <dd className="figure">{number.format(history.completed)}</dd>
      </dl>
      <h3>{t.queueLast4h}</h3>
      <MiniBars
        values={history.queue.map((sample) => sample.length)}
        label={t.queueLast4h}
        language={language}
      />
      <div className="strip-axis">
        <span>{formatClock(history.fromMs, timeZone, language)}</span>
        <span>{formatClock(history.toMs, timeZone, language)}</span>
      </div>
      <h3>{t.recentEvents}</h3>
      <EventList
        entries={history.recent.slice(0, SHOWN_EVENTS)}
        empty={t.noEvents}
        timeZone={timeZone}
        language={language}
      />
    </>
  );
}
