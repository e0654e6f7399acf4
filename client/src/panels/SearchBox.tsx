// Find a box, a vessel or a machine: results come 300 ms after typing stops (or at
// once on Enter); choosing one (click, or arrows and Enter) selects it and flies there.
// Enter before the results arrive takes the first hit when they do.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchHit } from '../../../protocol/history.ts';
import { searchFor } from '../api/search-api.ts';
import { MESSAGES } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { hitDetail, selectionForHit, viewForHit } from './search-hits.ts';

const DEBOUNCE_MS = 300;
const MAX_QUERY_LENGTH = 64;
const LIST_ID = 'search-hits';

type Status = 'idle' | 'searching' | 'done' | 'failed';

export function SearchBox() {
  const language = useAppStore((s) => s.language);
  const t = MESSAGES[language];
  const [text, setText] = useState('');
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] }>();
  const [status, setStatus] = useState<Status>('idle');
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const inFlight = useRef<{ query: string; abort: AbortController }>(undefined);
  const chooseFirst = useRef(false);

  const choose = useCallback((hit: SearchHit) => {
    const { select, requestView } = useAppStore.getState();
    select(selectionForHit(hit));
    const view = viewForHit(hit);
    if (view) requestView(view);
    setOpen(false);
  }, []);

  const run = useCallback(
    (query: string) => {
      if (inFlight.current?.query === query) return;
      inFlight.current?.abort.abort();
      const abort = new AbortController();
      inFlight.current = { query, abort };
      setStatus('searching');
      searchFor(query, abort.signal).then(
        ({ hits }) => {
          if (abort.signal.aborted) return;
          inFlight.current = undefined;
          setResult({ query, hits });
          setActive(0);
          setStatus('done');
          if (chooseFirst.current && hits[0]) choose(hits[0]);
          chooseFirst.current = false;
        },
        () => {
          if (abort.signal.aborted) return;
          inFlight.current = undefined;
          chooseFirst.current = false;
          setStatus('failed');
        },
      );
    },
    [choose],
  );

  useEffect(() => {
    const query = text.trim();
    if (query.length === 0) {
      inFlight.current?.abort.abort();
      inFlight.current = undefined;
      setResult(undefined);
      setStatus('idle');
      return;
    }
    const timer = setTimeout(() => run(query), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, run]);

  const query = text.trim();
  const hits = result?.query === query ? result.hits : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (query.length === 0) return;
      const hit = hits?.[open ? active : 0];
      if (hit) return choose(hit);
      setOpen(true);
      if (hits) return; // nothing found: the list says so
      chooseFirst.current = true;
      run(query);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (!hits?.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + hits.length) % hits.length);
    } else if (event.key === 'Escape') {
      if (open) setOpen(false);
      else setText('');
    }
  };

  const shown = open && query.length > 0;
  return (
    <div className="search-box" role="search">
      <input
        type="search"
        role="combobox"
        aria-label={t.search}
        aria-expanded={shown && !!hits?.length}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={shown && hits?.[active] ? `${LIST_ID}-${active}` : undefined}
        placeholder={t.searchPlaceholder}
        maxLength={MAX_QUERY_LENGTH}
        value={text}
        data-testid="search-input"
        onChange={(event) => {
          chooseFirst.current = false;
          setText(event.target.value);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
      />
      {shown && (
        <div className="search-results" data-status={status}>
          {status === 'failed' ? (
            <p className="problem">{t.searchFailed}</p>
          ) : hits === undefined ? (
            <p className="none">{t.searching}</p>
          ) : hits.length === 0 ? (
            <p className="none">{t.noHits}</p>
          ) : (
            <ul id={LIST_ID} role="listbox" aria-label={t.search}>
              {hits.map((hit, i) => (
                <li
                  key={`${hit.kind}:${hit.id}`}
                  id={`${LIST_ID}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  data-kind={hit.kind}
                  data-in-terminal={hit.inTerminal}
                  // Keep the focus in the input, or its blur would close the list first.
                  onMouseDown={(event) => event.preventDefault()}
                  onMouseEnter={() => setActive(i)}
                  onClick={() => choose(hit)}
                >
                  <span className="hit-kind">{t[`hit_${hit.kind}`]}</span>
                  <span className="hit-label">{hit.label}</span>
                  <span className="hit-detail">{hitDetail(hit, t)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
