// A history view's data, fetched now and every 30 s. A failed fetch keeps the last good
// answer (a wall display never goes blank) and says so, with how old that answer is.
// A new key (another selection) starts afresh: the old answer is about something else.
import { useEffect, useRef, useState } from 'react';
import type { BerthSchedule } from '../../../../protocol/history.ts';
import { fetchBerthSchedule } from '../../api/history-api.ts';
import { useAppStore } from '../../state/app-store.ts';

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

/**
 * `sameSubject`: the keys are one subject at other instants (a replayed schedule as the
 * clock moves), so the last answer stays up while the next loads instead of going blank.
 */
export function usePolled<T>(
  key: string | undefined,
  load: (key: string, signal: AbortSignal) => Promise<T>,
  intervalMs = HISTORY_REFRESH_MS,
  sameSubject = false,
): Polled<T> {
  const [state, setState] = useState<Keyed<T>>(NOTHING);
  useEffect(() => {
    if (key === undefined) return;
    const abort = new AbortController();
    const fetchOnce = () =>
      load(key, abort.signal).then(
        (data) => setState({ key, data, receivedAtMs: Date.now(), failed: false }),
        () => {
          if (!abort.signal.aborted)
            setState((last) => afterFailure(sameSubject ? { ...last, key } : last, key));
        },
      );
    void fetchOnce();
    const timer = setInterval(() => void fetchOnce(), intervalMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [key, load, intervalMs, sameSubject]);
  return state.key === key || sameSubject ? state : NOTHING;
}

/** The schedule is read again as the clock moves past this much data time... */
const SCHEDULE_STEP_MS = 5 * 60_000;
/** ...but not more often than this in real time (a replay at 3600x moves 5 minutes in 83 ms). */
const SCHEDULE_MIN_GAP_MS = 2_000;
/** A clock further behind real time than this is a past instant: read the schedule as known then. */
const PAST_AFTER_MS = 60_000;

const loadSchedule = (key: string, signal: AbortSignal) =>
  fetchBerthSchedule(signal, key === 'now' ? undefined : Number(key));

/** The berth schedule around the clock (the timeline and the vessel and berth details). */
export function useBerthSchedule(): Polled<BerthSchedule> {
  const clockMs = useAppStore((s) => s.clockMs);
  const wanted =
    clockMs < Date.now() - PAST_AFTER_MS
      ? String(Math.floor(clockMs / SCHEDULE_STEP_MS) * SCHEDULE_STEP_MS)
      : 'now';
  const [key, setKey] = useState(wanted);
  const changedAt = useRef(0);
  useEffect(() => {
    if (wanted === key) return;
    const wait = changedAt.current + SCHEDULE_MIN_GAP_MS - performance.now();
    const timer = setTimeout(
      () => {
        changedAt.current = performance.now();
        setKey(wanted);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [wanted, key]);
  return usePolled(key, loadSchedule, HISTORY_REFRESH_MS, true);
}
