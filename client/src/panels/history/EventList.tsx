// The latest entries of a history, newest first: time (port time), what happened in the
// words a container's story uses (panels/history-words.ts), its note, where and by whom.
import type { HistoryEntry } from '../../../../protocol/history.ts';
import { formatClock } from '../../format.ts';
import { MESSAGES, type Language } from '../../i18n.ts';
import { entryWords } from '../history-words.ts';

export function EventList({
  entries,
  empty,
  timeZone,
  language,
}: {
  entries: readonly HistoryEntry[];
  empty: string;
  timeZone: string;
  language: Language;
}) {
  const t = MESSAGES[language];
  if (entries.length === 0) return <p className="none">{empty}</p>;
  return (
    <ol className="history-events">
      {entries.map((entry, i) => {
        const words = entryWords(entry, t);
        return (
          <li key={`${entry.timeMs}-${i}`}>
            <time>{formatClock(entry.timeMs, timeZone, language)}</time>
            <span className="code">{words.what}</span>
            <span className="note">{words.note ?? ''}</span>
            <span className="by">{[entry.placeId, entry.by].filter(Boolean).join(' · ')}</span>
          </li>
        );
      })}
    </ol>
  );
}
