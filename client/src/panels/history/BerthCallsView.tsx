// A berth's calls from the schedule, 24 hours either side of the clock, in order of arrival.
import { MESSAGES, type Language } from '../../i18n.ts';
import { useAppStore } from '../../state/app-store.ts';
import { CallFacts } from './CallFacts.tsx';
import { DataAge } from './DataAge.tsx';
import { callsAtBerth } from './schedule-picks.ts';
import { useBerthSchedule } from './use-polled.ts';

export function BerthCallsView({
  berthId,
  timeZone,
  language,
}: {
  berthId: string;
  timeZone: string;
  language: Language;
}) {
  const schedule = useBerthSchedule();
  const nowMs = useAppStore((s) => s.clockMs);
  const t = MESSAGES[language];
  const calls = schedule.data ? callsAtBerth(schedule.data.calls, berthId) : [];
  return (
    <section className="history" data-testid="berth-calls">
      <h3>{t.berthCalls}</h3>
      {schedule.data && calls.length === 0 && <p className="none">{t.noCalls}</p>}
      {calls.map((call) => (
        <article key={call.callId} className="berth-call">
          <h4>{call.vesselName ?? call.vesselImo}</h4>
          <CallFacts call={call} timeZone={timeZone} language={language} nowMs={nowMs} />
        </article>
      ))}
      <DataAge polled={schedule} language={language} />
    </section>
  );
}
