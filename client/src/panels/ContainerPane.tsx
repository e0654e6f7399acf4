// One container's story, beside the map: in the terminal or gone, where it was last,
// how customs stands (in its channel's colour), and every event in port time with its
// place and the machine or truck involved, newest first. Refreshed every 30 s.
import type { ContainerHistory } from '../../../protocol/history.ts';
import { fetchContainerHistory } from '../api/search-api.ts';
import { formatDateTime } from '../format.ts';
import { MESSAGES, type Language } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { usePolled } from './history/use-polled.ts';
import { entryWords, newestFirst, word, type Words } from './history-words.ts';

export function ContainerPane({
  containerNumber,
  timeZone,
}: {
  containerNumber: string;
  timeZone: string;
}) {
  const language = useAppStore((s) => s.language);
  const select = useAppStore((s) => s.select);
  const { data, failed } = usePolled(containerNumber, fetchContainerHistory);
  const t = MESSAGES[language];
  return (
    <section className="container-pane" aria-label={t.hit_container} data-testid="container-pane">
      <header>
        <h2>{containerNumber}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t.close}>
          ×
        </button>
      </header>
      {data === undefined ? (
        <p className={failed ? 'problem' : 'none'}>{failed ? t.boxFailed : t.boxLoading}</p>
      ) : !data.found ? (
        <p className="none" data-testid="container-not-found">
          {t.boxNotFound}
        </p>
      ) : (
        <>
          {failed && <p className="problem">{t.boxFailed}</p>}
          <BoxStory history={data.history} t={t} language={language} timeZone={timeZone} />
        </>
      )}
    </section>
  );
}

function BoxStory({
  history,
  t,
  language,
  timeZone,
}: {
  history: ContainerHistory;
  t: Words;
  language: Language;
  timeZone: string;
}) {
  const { customs } = history;
  const when = (timeMs: number) => formatDateTime(timeMs, timeZone, language);
  return (
    <>
      <div className="box-facts">
        <span className="presence" data-in-terminal={history.inTerminal}>
          {history.inTerminal ? t.inTerminal : t.leftTerminal}
        </span>
        <span
          className="customs-status"
          data-testid="customs-status"
          data-status={customs.status}
          data-channel={customs.channel}
        >
          {t.customs}: {t[`customs_${customs.status}`]}
          {customs.channel && ` · ${t[`channel_${customs.channel}`]}`}
        </span>
        {customs.sinceMs !== undefined && <small>{when(customs.sinceMs)}</small>}
      </div>
      <dl>
        <dt>{t.lastPlace}</dt>
        <dd data-field="last-place">{history.lastPlaceId ?? '–'}</dd>
        <dt>{t.sizeType}</dt>
        <dd>{history.isoEquipmentCode ?? '–'}</dd>
        <dt>{t.flow}</dt>
        <dd>{history.flow ? (word(t, `flow_${history.flow}`) ?? history.flow) : '–'}</dd>
      </dl>
      <h3>
        {t.boxHistory} <span className="count">({history.events.length})</span>
      </h3>
      <ol className="box-history" data-testid="container-events">
        {newestFirst(history.events).map((entry, i) => {
          const words = entryWords(entry, t);
          const where = [entry.placeId, entry.by].filter(Boolean).join(' · ');
          return (
            <li
              key={`${entry.timeMs}-${i}`}
              data-type={entry.type}
              data-code={entry.code}
              data-channel={entry.type === 'customs' ? entry.note : undefined}
            >
              <time dateTime={new Date(entry.timeMs).toISOString()}>{when(entry.timeMs)}</time>
              <span className="what">
                {words.what}
                {words.note && <span className="note"> ({words.note})</span>}
              </span>
              {where && <span className="where">{where}</span>}
            </li>
          );
        })}
      </ol>
    </>
  );
}
