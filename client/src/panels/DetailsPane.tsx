// The clicked machine, as the live picture has it now: what it is, what it is doing,
// how fast and which way, and when it last reported (port time). Read from the entity
// buffers once a second, not kept in React state between reads.
import { useEffect, useState } from 'react';
import type { EntityBuffers, EntityFix } from '../live/entity-buffers.ts';
import { formatDateTime } from '../format.ts';
import { MESSAGES } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';

const REFRESH_MS = 1_000;

export function DetailsPane({ buffers, timeZone }: { buffers: EntityBuffers; timeZone: string }) {
  const language = useAppStore((s) => s.language);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const [fix, setFix] = useState<EntityFix | undefined>();
  useEffect(() => {
    if (!selected) return setFix(undefined);
    const read = () => setFix(buffers.describe(selected));
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [buffers, selected]);
  if (!selected) return null;
  const t = MESSAGES[language];
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  return (
    <section className="details" aria-label={t.details} data-testid="details">
      <header>
        <h2>{selected}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t.close}>
          ×
        </button>
      </header>
      {fix ? (
        <dl>
          <dt>{t.kind}</dt>
          <dd data-field="kind">{t[`kind_${fix.kind}`]}</dd>
          <dt>{t.state}</dt>
          <dd data-field="state">{fix.state ? t[`state_${fix.state}`] : '–'}</dd>
          <dt>{t.speed}</dt>
          <dd>{fix.speedMps === undefined ? '–' : `${number(fix.speedMps * 3.6, 1)} km/h`}</dd>
          <dt>{t.heading}</dt>
          <dd>{fix.headingDeg === undefined ? '–' : `${number(fix.headingDeg, 0)}°`}</dd>
          <dt>{t.lastFix}</dt>
          <dd>{formatDateTime(fix.fixTimeMs, timeZone, language)}</dd>
          <dt>{t.position}</dt>
          <dd>
            {number(fix.lat, 5)}, {number(fix.lon, 5)}
          </dd>
        </dl>
      ) : (
        <p className="none">{t.noData}</p>
      )}
    </section>
  );
}
