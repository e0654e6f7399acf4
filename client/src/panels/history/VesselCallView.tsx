// A vessel's call from the berth schedule: the one alongside, else its last or next one,
// with its berth, times and progress.
import { MESSAGES, type Language } from '../../i18n.ts';
import { useAppStore } from '../../state/app-store.ts';
import { CallFacts } from './CallFacts.tsx';
import { DataAge } from './DataAge.tsx';
import { callOfVessel } from './schedule-picks.ts';
import { useBerthSchedule } from './use-polled.ts';

const HEADINGS = { current: 'currentCall', last: 'lastCall', next: 'nextCall' } as const;

export function VesselCallView({
  mmsi,
  timeZone,
  language,
}: {
  mmsi: string;
  timeZone: string;
  language: Language;
}) {
  const schedule = useBerthSchedule();
  const t = MESSAGES[language];
  const nowMs = useAppStore((s) => s.clockMs);
  const found = schedule.data && callOfVessel(schedule.data.calls, mmsi, nowMs);
  return (
    <section className="history" data-testid="vessel-call">
      {schedule.data &&
        (found ? (
          <>
            <h3>
              {t[HEADINGS[found.which]]} <span className="figure">{found.call.vesselName}</span>
            </h3>
            <CallFacts call={found.call} timeZone={timeZone} language={language} nowMs={nowMs} />
          </>
        ) : (
          <p className="none">{t.noCallFound}</p>
        ))}
      <DataAge polled={schedule} language={language} />
    </section>
  );
}
