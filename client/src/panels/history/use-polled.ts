// A history view's data, fetched now and every 30 s. A failed fetch keeps the last good
// answer (a wall display never goes blank) and says so, with how old that answer is.
// A new key (another selection) starts afresh: the old answer is about something else.
import { useEffect, useState } from 'react';
import type { BerthSchedule } from '../../../../protocol/history.ts';
import { fetchBerthSchedule } from '../../api/history-api.ts';

export const HISTORY_REFRESH_MS = 30_000;

export interface Polled<T> {
  data: T | undefined;
  /** Client clock time of the last good answer. */
  receivedAtMs: number | undefined;
  /** The latest attempt failed (the data shown, if any, is older). */
  failed: boolean;
}

type Keyed<T> = Polled<T> & { key?: string };
const NOTHING = { data: undefined, receivedAtMs: undefined, failed: false };

/** After a failed fetch: the last good answer for this key stays, marked as failed. */
export function afterFailure<T>(last: Keyed<T>, key: string): Keyed<T> {
  return last.key === key ? { ...last, failed: true } : { ...NOTHING, key, failed: true };
}

export function usePolled<T>(
  key: string | undefined,
  load: (key: string, signal: AbortSignal) => Promise<T>,
  intervalMs = HISTORY_REFRESH_MS,
): Polled<T> {
  const [state, setState] = useState<Keyed<T>>(NOTHING);
  useEffect(() => {
    if (key === undefined) return;
    const abort = new AbortController();
    const fetchOnce = () =>
      load(key, abort.signal).then(
        (data) => setState({ key, data, receivedAtMs: Date.now(), failed: false }),
        () => {
          if (!abort.signal.aborted) setState((last) => afterFailure(last, key));
        },
      );
    void fetchOnce();
    const timer = setInterval(() => void fetchOnce(), intervalMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [key, load, intervalMs]);
  return state.key === key ? state : NOTHING;
}

const loadSchedule = (_key: string, signal: AbortSignal) => fetchBerthSchedule(signal);

/** The berth schedule around now (the timeline and the vessel and berth details). */
export const useBerthSchedule = (): Polled<BerthSchedule> => usePolled('schedule', loadSchedule);
