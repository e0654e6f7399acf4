// How old a history view's data is, and whether the last refresh failed: kept data must
// never pass for current on a wall that nobody watches closely.
import { useEffect, useState } from 'react';
import { fillIn, MESSAGES, type Language } from '../../i18n.ts';
import type { Polled } from './use-polled.ts';

const TICK_MS = 5_000;

/** 42 s, 3 min, 2 h: the coarsest unit that still says something. */
export function ageText(ageMs: number, language: Language): string {
  const t = MESSAGES[language];
  const n = (value: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(Math.floor(value));
  const seconds = Math.max(0, ageMs) / 1000;
  if (seconds < 120) return fillIn(t.ageSeconds, { n: n(seconds) });
  if (seconds < 7200) return fillIn(t.ageMinutes, { n: n(seconds / 60) });
  return fillIn(t.ageHours, { n: n(seconds / 3600) });
}

export function DataAge({ polled, language }: { polled: Polled<unknown>; language: Language }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const t = MESSAGES[language];
  if (polled.receivedAtMs === undefined)
    return (
      <p className="history-age" data-failed={polled.failed}>
        {polled.failed ? t.historyFailed : t.loadingHistory}
      </p>
    );
  const age = ageText(Math.max(now, polled.receivedAtMs) - polled.receivedAtMs, language);
  return (
    <p className="history-age" data-failed={polled.failed}>
      {fillIn(polled.failed ? t.refreshFailed : t.updatedAgo, { age })}
    </p>
  );
}
