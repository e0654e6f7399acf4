// The selected thing: for a machine or a vessel, its live facts as the picture has them
// now (kind, state, speed, heading, last report in port time, read from the entity
// buffers once a second); beneath, its history: a machine's states and moves, a vessel's
// call, a lane's queue, a berth's calls. A box ("container:…") has a pane of its own.
import { useEffect, useState } from 'react';
import type { EntityBuffers, EntityFix } from '../live/entity-buffers.ts';
import { formatDateTime } from '../format.ts';
import { MESSAGES, type Language } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { BerthCallsView } from './history/BerthCallsView.tsx';
import { BlockFillView } from './history/BlockFillView.tsx';
import { EquipmentHistoryView } from './history/EquipmentHistoryView.tsx';
import { LaneHistoryView } from './history/LaneHistoryView.tsx';
import { parseSelection, type Selection } from './history/selection.ts';
import { VesselCallView } from './history/VesselCallView.tsx';

const REFRESH_MS = 1_000;

function LiveFacts({
  fix,
  language,
  timeZone,
}: {
  fix: EntityFix | undefined;
  language: Language;
  timeZone: string;
}) {
  const t = MESSAGES[language];
  if (!fix) return <p className="none">{t.noData}</p>;
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value);
  return (
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
  );
}

function HistoryOf({
  selection,
  language,
  timeZone,
}: {
  selection: Selection;
  language: Language;
  timeZone: string;
}) {
  const common = { language, timeZone };
  switch (selection.kind) {
    case 'equipment':
      return <EquipmentHistoryView key={selection.id} equipmentId={selection.id} {...common} />;
    case 'vessel':
      return <VesselCallView key={selection.mmsi} mmsi={selection.mmsi} {...common} />;
    case 'lane':
      return <LaneHistoryView key={selection.id} laneId={selection.id} {...common} />;
    case 'berth':
      return <BerthCallsView key={selection.id} berthId={selection.id} {...common} />;
    case 'block':
      return <BlockFillView blockId={selection.id} language={language} />;
    default:
      return null;
  }
}

export function DetailsPane({ buffers, timeZone }: { buffers: EntityBuffers; timeZone: string }) {
  const language = useAppStore((s) => s.language);
  const selected = useAppStore((s) => s.selected);
  const select = useAppStore((s) => s.select);
  const selection = selected === undefined ? undefined : parseSelection(selected);
  const live = selection?.kind === 'equipment' || selection?.kind === 'vessel';
  const [fix, setFix] = useState<EntityFix | undefined>();
  useEffect(() => {
    if (!selected || !live) return setFix(undefined);
    const read = () => setFix(buffers.describe(selected));
    read();
    const timer = setInterval(read, REFRESH_MS);
    return () => clearInterval(timer);
  }, [buffers, selected, live]);
  if (!selected || !selection || selection.kind === 'container') return null;
  const t = MESSAGES[language];
  return (
    <section className="details" aria-label={t.details} data-testid="details">
      <header>
        <h2>{'id' in selection ? selection.id : selected}</h2>
        <button type="button" onClick={() => select(undefined)} aria-label={t.close}>
          ×
        </button>
      </header>
      {live && <LiveFacts fix={fix} language={language} timeZone={timeZone} />}
      <HistoryOf selection={selection} language={language} timeZone={timeZone} />
    </section>
  );
}
