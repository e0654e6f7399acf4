// A history view's data, fetched now and every 30 s. A failed fetch keeps the last good
// answer (a wall display never goes blank) and says so, with how old that answer is.
// A new key (another selection) starts afresh: the old answer is about something else.
import { useCallback, useEffect, useRef, useState } from 'react';
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

/** Each key its own subject (a default that keeps its identity across renders). */
const itself = (key: string) => key;

/**
 * `subjectOf`: keys of one subject at other instants (a replayed schedule or machine as
 * the clock moves) keep the last answer up while the next loads instead of going blank.
 */
export function usePolled<T>(
  key: string | undefined,
  load: (key: string, signal: AbortSignal) => Promise<T>,
  intervalMs = HISTORY_REFRESH_MS,
  subjectOf: (key: string) => string = itself,
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
            setState((last) =>
              afterFailure(sameSubject(subjectOf, last, key) ? { ...last, key } : last, key),
            );
        },
      );
    void fetchOnce();
    const timer = setInterval(() => void fetchOnce(), intervalMs);
    return () => {
      abort.abort();
      clearInterval(timer);
    };
  }, [key, load, intervalMs, subjectOf]);
  return state.key === key || sameSubject(subjectOf, state, key) ? state : NOTHING;
}

function sameSubject<T>(subjectOf: (key: string) => string, last: Keyed<T>, key?: string) {
  return key !== undefined && last.key !== undefined && subjectOf(last.key) === subjectOf(key);
}

/** A past instant is read again as the clock moves past this much data time... */
const CLOCK_STEP_MS = 5 * 60_000;
/** ...but not more often than this in real time (a replay at 3600x moves 5 minutes in 83 ms). */
const CLOCK_MIN_GAP_MS = 2_000;
/** A clock further behind real time than this is a past instant: read history as of then. */
const PAST_AFTER_MS = 60_000;

/**
 * The instant history views read up to: "now" while the clock is now, else the clock in
 * steps of five minutes, changing at most every two seconds.
 */
export function useClockKey(): string {
  const clockMs = useAppStore((s) => s.clockMs);
  const wanted =
    clockMs < Date.now() - PAST_AFTER_MS
      ? String(Math.floor(clockMs / CLOCK_STEP_MS) * CLOCK_STEP_MS)
      : NOW_KEY;
  const [key, setKey] = useState(wanted);
  const changedAt = useRef(0);
  useEffect(() => {
    if (wanted === key) return;
    const wait = changedAt.current + CLOCK_MIN_GAP_MS - performance.now();
    const timer = setTimeout(
      () => {
        changedAt.current = performance.now();
        setKey(wanted);
      },
      Math.max(0, wait),
    );
    return () => clearTimeout(timer);
  }, [wanted, key]);
  return key;
}

export const NOW_KEY = 'now';
/** The instant a clock key stands for; undefined for now. */
export const clockOfKey = (key: string) => (key === NOW_KEY ? undefined : Number(key));

const loadSchedule = (key: string, signal: AbortSignal) =>
  fetchBerthSchedule(signal, clockOfKey(key));
const anySchedule = () => 'schedule';

/** The berth schedule around the clock (the timeline and the vessel and berth details). */
export function useBerthSchedule(): Polled<BerthSchedule> {
  return usePolled(useClockKey(), loadSchedule, HISTORY_REFRESH_MS, anySchedule);
}

/**
 * A thing's history up to the clock: keys "<id>|<clock key>", one subject per id.
 * `load(id, toMs, signal)` reads up to toMs (undefined: now).
 */
export function usePolledUpToClock<T>(
  id: string,
  load: (id: string, signal: AbortSignal, toMs?: number) => Promise<T>,
): Polled<T> {
  const key = `${id}|${useClockKey()}`;
  const loader = useCallback(
    (k: string, signal: AbortSignal) => {
      const [thing, clock] = splitKey(k);
      return load(thing, signal, clockOfKey(clock));
    },
    [load],
  );
  return usePolled(key, loader, HISTORY_REFRESH_MS, subjectOfKey);
}

const splitKey = (key: string): [string, string] => {
  const at = key.lastIndexOf('|');
  return [key.slice(0, at), key.slice(at + 1)];
};
const subjectOfKey = (key: string) => splitKey(key)[0];
