// How fresh the figures on screen are, ticking once a second: the connection's state,
// "stale" when it is live but nothing came for a while, and the data's age in words.
// Every screen that shows data shows this: stale data must never look live.
import { useEffect, useState } from 'react';
import { MESSAGES } from '../i18n.ts';
import { STALE_AFTER_MS, useAppStore } from './app-store.ts';

export type Freshness = 'live' | 'stale' | 'offline' | 'connecting' | 'replay';

export function useDataFreshness(): {
  status: Freshness;
  label: string;
  age: string;
  /** The client clock at this tick. */
  nowMs: number;
} {
  const connection = useAppStore((s) => s.connection);
  const lastDataAtMs = useAppStore((s) => s.lastDataAtMs);
  const language = useAppStore((s) => s.language);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const t = MESSAGES[language];
  const ageMs = lastDataAtMs === undefined ? undefined : Math.max(0, now - lastDataAtMs);
  const stale = connection === 'live' && ageMs !== undefined && ageMs > STALE_AFTER_MS;
  const status: Freshness = stale ? 'stale' : connection;
  const label = {
    live: t.live,
    stale: t.stale,
    offline: t.offline,
    connecting: t.connecting,
    replay: t.replay,
  }[status];
  const seconds = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const age = ageMs === undefined ? t.noData : `${t.dataAge} ${seconds.format(ageMs / 1000)} s`;
  return { status, label, age, nowMs: now };
}
