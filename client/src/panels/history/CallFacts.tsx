// One vessel call's facts as a definition list: berth, arrival and departure planned and
// actual (port time), cargo operations, moves done of planned, and whether it is late.
// Shared by the timeline's hover, the vessel's and the berth's details.
import type { ScheduledCall } from '../../../../protocol/history.ts';
import { formatDateTime } from '../../format.ts';
import { MESSAGES, type Language } from '../../i18n.ts';
import { isLate, progressOf } from '../berth-timeline-layout.ts';

export function CallFacts({
  call,
  timeZone,
  language,
  nowMs,
}: {
  call: ScheduledCall;
  timeZone: string;
  language: Language;
  nowMs: number;
}) {
  const t = MESSAGES[language];
  const time = (ms: number | undefined) =>
    ms === undefined ? '–' : formatDateTime(ms, timeZone, language);
  const number = new Intl.NumberFormat(language);
  const progress = progressOf(call);
  const moves =
    call.plannedMoves === undefined
      ? number.format(call.movesDone)
      : `${number.format(call.movesDone)} / ${number.format(call.plannedMoves)}`;
  const rows: [string, string, string][] = [
    ['berth', t.berth, call.berthId ?? t.noBerthYet],
    ['eta', t.eta, time(call.etaMs)],
    ['atb', t.atb, time(call.atbMs)],
    ['opsStart', t.opsStart, time(call.opsStartMs)],
    ['opsEnd', t.opsEnd, time(call.opsEndMs)],
    ['etd', t.etd, time(call.etdMs)],
    ['atd', t.atd, time(call.atdMs)],
    [
      'moves',
      t.movesDone,
      progress === undefined
        ? moves
        : `${moves} (${new Intl.NumberFormat(language, { style: 'percent' }).format(progress)})`,
    ],
  ];
  const late = isLate(call, nowMs);
  return (
    <>
      {late && <p className="late">{t.late}</p>}
      <dl className="call-facts" data-late={late}>
        {rows.map(([field, label, value]) => (
          <div key={field} data-field={field}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
