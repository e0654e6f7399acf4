// The /replay screen's session: which day is replayed (from the address, else the last
// day with data), the replay source for it, and the address kept up to date with the
// clock, speed, view and compared day, so the URL always leads back to this moment.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { PortModel } from '../../../protocol/port-model.ts';
import type { ReplayRange } from '../../../protocol/replay.ts';
import { getJson } from '../api/get-json.ts';
import type { EntityBuffers } from '../live/entity-buffers.ts';
import { loadView, saveView, type ViewStore } from '../map/view-memory.ts';
import type { Playback, PortSource, PortSourceEvents } from '../source/port-source.ts';
import { dayOf, dayUpTo, type PortDay } from './port-day.ts';
import type { ReplaySpeed } from './replay-clock.ts';
import { openReplaySource } from './replay-source.ts';
import { readReplayAddress, writeReplayAddress, type ReplayAddress } from './replay-url.ts';

const RANGE_RETRY_MS = 3_000;
const ADDRESS_EVERY_MS = 1_000;
const ADDRESS_MIN_GAP_MS = 500;
const DEFAULT_SPEED: ReplaySpeed = 60;

export interface ReplaySession {
  source: (PortSource & { playback: Playback }) | undefined;
  range: ReplayRange | undefined;
  day: PortDay | undefined;
  setDay(day: PortDay): void;
  /** Parts of the address that could not be used, to say so. */
  ignored: string[];
  accumulateFlows: boolean;
  setAccumulateFlows(on: boolean): void;
  compare: PortDay | undefined;
  setCompare(day: PortDay | undefined): void;
  viewStore: ViewStore;
}

/** Merges into the address in the bar, without a new history entry. */
function patchAddress(patch: Partial<ReplayAddress>): void {
  const { address } = readReplayAddress(window.location.search);
  const next: ReplayAddress = { ...address, ...patch };
  if (patch.compare === undefined && 'compare' in patch) delete next.compare;
  window.history.replaceState(window.history.state, '', writeReplayAddress(next));
}

function useRange(enabled: boolean): ReplayRange | undefined {
  const [range, setRange] = useState<ReplayRange>();
  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      getJson<ReplayRange>('/api/v1/replay/range', abort.signal).then(setRange, () => {
        if (!abort.signal.aborted) timer = setTimeout(load, RANGE_RETRY_MS);
      });
    void load();
    return () => {
      abort.abort();
      clearTimeout(timer);
    };
  }, [enabled]);
  return range;
}

export function useReplay(
  model: PortModel | undefined,
  buffers: EntityBuffers,
  events: PortSourceEvents,
  enabled: boolean,
): ReplaySession {
  // The address as the page was opened: where the session starts.
  const opened = useMemo(() => readReplayAddress(window.location.search), []);
  const range = useRange(enabled);
  const timeZone = model?.properties.timeZone;
  const [chosenDay, setChosenDay] = useState<PortDay | undefined>(opened.address.day);
  const [accumulateFlows, setAccumulateFlows] = useState(true);
  const [compare, setCompareState] = useState<PortDay | undefined>(opened.address.compare);
  const [source, setSource] = useState<ReplaySession['source']>();
  /** Where a re-opened source goes on from: the address at first, then the clock. */
  const resume = useRef<{ day?: PortDay; atMs?: number; speed?: ReplaySpeed }>({
    day: opened.address.day,
    atMs: opened.address.atMs,
    speed: opened.address.speed,
  });
  const day =
    chosenDay ?? (timeZone && range ? dayOf(range.lastMs ?? Date.now(), timeZone) : undefined);

  useEffect(() => {
    if (!enabled || !timeZone || !day || !range) return;
    // Today is replayed up to the moment it was opened: the rest has not happened yet.
    const span = dayUpTo(day, timeZone, Date.now());
    const { atMs: resumeAt, speed } = resume.current;
    const inDay =
      resume.current.day === day &&
      resumeAt !== undefined &&
      resumeAt >= span.fromMs &&
      resumeAt <= span.toMs;
    const firstData = Math.min(span.toMs, Math.max(span.fromMs, range.firstMs ?? span.fromMs));
    const opening = openReplaySource(buffers, events, {
      ...span,
      atMs: inDay ? resumeAt : firstData,
      speed: speed ?? DEFAULT_SPEED,
      accumulateFlows,
    });
    setSource(opening);
    // The address follows the clock and speed, at most twice a second (browsers refuse
    // history updates past a rate, and a scrub changes the playback many times a second).
    let writtenAt = -Infinity;
    const write = () => {
      const state = opening.playback.state();
      resume.current = { day, atMs: state.atMs, speed: state.speed };
      if (performance.now() - writtenAt < ADDRESS_MIN_GAP_MS) return;
      writtenAt = performance.now();
      patchAddress({ day, atMs: Math.round(state.atMs), speed: state.speed });
    };
    const unsubscribe = opening.playback.subscribe(write);
    const timer = setInterval(write, ADDRESS_EVERY_MS);
    write();
    return () => {
      clearInterval(timer);
      unsubscribe();
      opening.close();
    };
  }, [enabled, timeZone, day, range, buffers, events, opened, accumulateFlows]);

  const viewStore = useMemo<ViewStore>(
    () => ({
      load: () => opened.address.view ?? loadView('replay', globalThis.localStorage),
      save: (view) => {
        saveView('replay', view, globalThis.localStorage);
        patchAddress({ view });
      },
    }),
    [opened],
  );

  return {
    source,
    range,
    day,
    setDay: setChosenDay,
    ignored: opened.ignored,
    accumulateFlows,
    setAccumulateFlows,
    compare,
    setCompare: (next) => {
      setCompareState(next);
      patchAddress({ compare: next });
    },
    viewStore,
  };
}
