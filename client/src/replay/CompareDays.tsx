// Two port days side by side for analysts: each KPI on day A and day B, the change and the
// change relative to A, coloured for better or worse, for the port or each berth, crane or
// lane. CompareDaysBody renders from data (tested without a DOM); CompareDays fetches each
// day's window and keeps the last good figures on screen while another day loads.
import { useEffect, useState } from 'react';
import { KPI_DEFINITIONS, type KpiDefinition } from '../../../protocol/kpi.ts';
import { formatClock, formatKpi, type Formatted } from '../format.ts';
import { fillIn, type Language } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';
import { COMPARE_WORDS, type CompareWords } from './compare-words.ts';
import { afterFailure, dayRequest, fetchDayKpis, type DaySide } from './day-kpis.ts';
import {
  COMPARE_SCOPES,
  compareKpis,
  scopeName,
  verdict,
  type CompareRow,
  type CompareScope,
  type Verdict,
} from './kpi-compare.ts';
import { dayOf, isPortDay, type PortDay } from './port-day.ts';
import './compare-days.css';

export interface CompareDaysProps {
  /** Days as YYYY-MM-DD in the port's zone; B is compared against A. */
  dayA: PortDay;
  dayB: PortDay;
  timeZone: string;
  /** The user picked other days. */
  onDays(dayA: PortDay, dayB: PortDay): void;
  onClose(): void;
}

export function CompareDays({ dayA, dayB, timeZone, onDays, onClose }: CompareDaysProps) {
  const language = useAppStore((s) => s.language);
  const [scope, setScope] = useState<CompareScope>('port');
  const [attemptA, setAttemptA] = useState(0);
  const [attemptB, setAttemptB] = useState(0);
  const a = useDaySide(dayA, timeZone, attemptA);
  const b = useDaySide(dayB, timeZone, attemptB);
  const retry = () => {
    if (a.status === 'failed') setAttemptA((n) => n + 1);
    if (b.status === 'failed') setAttemptB((n) => n + 1);
  };
  return (
    <CompareDaysBody
      language={language}
      timeZone={timeZone}
      dayA={dayA}
      dayB={dayB}
      latestDay={dayOf(Date.now(), timeZone)}
      a={a}
      b={b}
      scope={scope}
      onDays={onDays}
      onScope={setScope}
      onRetry={retry}
      onClose={onClose}
    />
  );
}

/** One day's KPIs: fetched when the day (or the attempt) changes, the last good kept. */
function useDaySide(day: PortDay, timeZone: string, attempt: number): DaySide {
  const key = `${timeZone} ${day} ${attempt}`;
  const [held, setHeld] = useState<DaySide & { key?: string }>({ status: 'loading' });
  const begun = dayRequest(day, timeZone, Date.now()) !== undefined;
  useEffect(() => {
    const request = dayRequest(day, timeZone, Date.now());
    if (!request) return;
    const abort = new AbortController();
    fetchDayKpis(day, request, abort.signal).then(
      (data) => {
        if (!abort.signal.aborted) setHeld({ key, status: 'ready', data });
      },
      (error: unknown) => {
        if (!abort.signal.aborted) setHeld((last) => ({ key, ...afterFailure(last, error) }));
      },
    );
    return () => abort.abort();
  }, [key, day, timeZone, begun]);
  const kept = held.data ? { data: held.data } : {};
  if (!begun) return { status: 'not-begun', ...kept };
  if (held.key !== key) return { status: 'loading', ...kept };
  const { key: _key, ...side } = held;
  return side;
}

export interface CompareDaysBodyProps {
  language: Language;
  timeZone: string;
  /** The days picked (the figures shown may still be of earlier picks: see a.data.day). */
  dayA: PortDay;
  dayB: PortDay;
  /** The latest day that can be picked (today in the port). */
  latestDay?: PortDay;
  a: DaySide;
  b: DaySide;
  scope: CompareScope;
  onDays(dayA: PortDay, dayB: PortDay): void;
  onScope(scope: CompareScope): void;
  onRetry(): void;
  onClose(): void;
}

export function CompareDaysBody(props: CompareDaysBodyProps) {
  const { language, dayA, dayB, latestDay, a, b, scope } = props;
  const w = COMPARE_WORDS[language];
  const pick = (value: string, other: (day: PortDay) => [PortDay, PortDay]) => {
    if (isPortDay(value)) props.onDays(...other(value));
  };
  return (
    <section className="compare-days" data-testid="compare-days" aria-label={w.title}>
      <header>
        <h2>{w.title}</h2>
        <button
          type="button"
          className="compare-close"
          data-testid="compare-close"
          onClick={props.onClose}
          aria-label={w.close}
          title={w.close}
        >
          ×
        </button>
      </header>
      <div className="compare-pick">
        <label>
          <span>{w.dayA}</span>
          <input
            type="date"
            data-testid="compare-day-a"
            value={dayA}
            max={latestDay}
            required
            onChange={(e) => pick(e.target.value, (day) => [day, dayB])}
          />
        </label>
        <label>
          <span>{w.dayB}</span>
          <input
            type="date"
            data-testid="compare-day-b"
            value={dayB}
            max={latestDay}
            required
            onChange={(e) => pick(e.target.value, (day) => [dayA, day])}
          />
        </label>
      </div>
      <Statuses {...props} words={w} />
      <div className="compare-tabs" role="tablist" aria-label={w.scopes}>
        {COMPARE_SCOPES.map((kind) => (
          <button
            key={kind}
            type="button"
            role="tab"
            aria-selected={kind === scope}
            data-testid={`compare-scope-${kind}`}
            title={w[`scopeTitle_${kind}`]}
            onClick={() => props.onScope(kind)}
          >
            {w[`scope_${kind}`]}
          </button>
        ))}
      </div>
      {a.data && b.data ? (
        <CompareTable {...props} words={w} />
      ) : (
        a.status !== 'failed' &&
        b.status !== 'failed' && <p className="compare-status">{w.loading}</p>
      )}
    </section>
  );
}

/** A day as readers know it: "Sun, Nov 29, 2026", "2026年11月29日周日". */
export function dayLabel(day: PortDay, language: Language): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(language, {
    timeZone: 'UTC',
    weekday: 'short',
    year: 'numeric',
    month: 'short',
    day: 'numeric',
  }).format(Date.UTC(y, m - 1, d));
}

type Worded = CompareDaysBodyProps & { words: CompareWords };

/** What is not ready yet: a day loading, failed or not begun, and what is shown meanwhile. */
function Statuses({ language, dayA, dayB, a, b, words: w, onRetry }: Worded) {
  const lines = (
    [
      ['a', dayA, a],
      ['b', dayB, b],
    ] as const
  ).filter(([, , side]) => side.status !== 'ready');
  if (lines.length === 0) return null;
  return (
    <div className="compare-statuses">
      {lines.map(([name, day, side]) => {
        const label = dayLabel(day, language);
        const kept =
          side.data && side.data.day !== day
            ? fillIn(w.stillShowing, { day: dayLabel(side.data.day, language) })
            : undefined;
        return (
          <p
            key={name}
            className="compare-status"
            data-testid={`compare-status-${name}`}
            data-status={side.status}
            role={side.status === 'failed' ? 'alert' : 'status'}
          >
            {side.status === 'loading' && fillIn(w.loadingDay, { day: label })}
            {side.status === 'not-begun' && fillIn(w.notBegun, { day: label })}
            {side.status === 'failed' && fillIn(w.dayFailed, { day: label })}
            {side.status === 'failed' && side.message && (
              <span className="compare-reason">{side.message}</span>
            )}
            {kept && <span className="compare-kept">({kept})</span>}
          </p>
        );
      })}
      {lines.some(([, , side]) => side.status === 'failed') && (
        <button
          type="button"
          className="compare-retry"
          data-testid="compare-retry"
          onClick={onRetry}
        >
          {w.retry}
        </button>
      )}
    </div>
  );
}

const DEFINITIONS = new Map<string, KpiDefinition>(KPI_DEFINITIONS.map((d) => [d.id, d]));
const NONE = '–';

function CompareTable({ language, timeZone, dayA, dayB, a, b, scope, words: w }: Worded) {
  const dataA = a.data!;
  const dataB = b.data!;
  const rows = compareKpis(dataA.kpis, dataB.kpis, scope);
  const stale = dataA.day !== dayA || dataB.day !== dayB;
  const dayHead = (title: string, data: typeof dataA) => (
    <th scope="col" className="compare-num">
      {title}
      <span className="compare-day">{dayLabel(data.day, language)}</span>
      {data.partial && (
        <span className="compare-day">
          {fillIn(w.until, { time: formatClock(data.toMs, timeZone, language) })}
        </span>
      )}
    </th>
  );
  return (
    <>
      <table
        className="compare-table"
        data-testid="compare-table"
        data-scope-kind={scope}
        data-stale={stale}
      >
        <thead>
          <tr>
            <th scope="col">{w.kpi}</th>
            {scope !== 'port' && <th scope="col">{w[`column_${scope}`]}</th>}
            {dayHead(w.dayA, dataA)}
            {dayHead(w.dayB, dataB)}
            <th scope="col" className="compare-num">
              {w.delta}
            </th>
            <th scope="col" className="compare-num">
              {w.change}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <CompareLine
              key={`${row.id} ${row.scope}`}
              row={row}
              repeat={rows[i - 1]?.id === row.id}
              showScope={scope !== 'port'}
              language={language}
              words={w}
            />
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? (
        <p className="compare-none">{w.noRows}</p>
      ) : (
        <p className="compare-legend">{w.legend}</p>
      )}
    </>
  );
}

/** A change with its sign, in the value's units; a ratio's change in percentage points. */
export function signedChange(
  delta: number,
  unit: string,
  language: Language,
  words: CompareWords,
): Formatted & { zero: boolean } {
  const shown = formatKpi(Math.abs(delta), unit as KpiDefinition['unit'], language);
  // Zero as shown: "+0 min" for a 20 s change would only say something rounded away.
  const zero = !/[1-9]/.test(shown.value);
  const sign = zero ? '' : delta > 0 ? '+' : '−';
  return { value: sign + shown.value, unit: unit === 'ratio' ? words.pp : shown.unit, zero };
}

const VERDICT_WORD: Record<Verdict, keyof CompareWords | undefined> = {
  good: 'better',
  bad: 'worse',
  neutral: 'unjudged',
  same: 'unchanged',
  none: undefined,
};

function CompareLine({
  row,
  repeat,
  showScope,
  language,
  words: w,
}: {
  row: CompareRow;
  repeat: boolean;
  showScope: boolean;
  language: Language;
  words: CompareWords;
}) {
  const definition = DEFINITIONS.get(row.id);
  const unit = row.unit as KpiDefinition['unit'];
  const delta = row.delta === null ? undefined : signedChange(row.delta, row.unit, language, w);
  const change = row.change === null ? undefined : signedChange(row.change, 'ratio', language, w);
  // Nothing to colour when both the change and the change % read as zero.
  const judged: Verdict =
    delta?.zero && (change === undefined || change.zero) ? 'same' : verdict(row.rise, row.delta);
  const word = VERDICT_WORD[judged];
  const value = (v: number | null, present: boolean) =>
    present ? (
      <Figure shown={formatKpi(v, unit, language)} />
    ) : (
      <span className="compare-absent" title={w.notReported}>
        {NONE}
      </span>
    );
  return (
    <tr
      data-kpi={row.id}
      data-scope={row.scope}
      data-verdict={judged}
      className={repeat ? 'compare-repeat' : undefined}
      data-a={row.a ?? ''}
      data-b={row.b ?? ''}
    >
      <th scope="row" title={definition?.definition[language]}>
        {definition?.name[language] ?? row.id}
      </th>
      {showScope && <td className="compare-scope">{scopeName(row.scope)}</td>}
      <td className="compare-num">{value(row.a, row.inA)}</td>
      <td className="compare-num">{value(row.b, row.inB)}</td>
      <td className={`compare-num delta delta-${judged}`} title={word && w[word]}>
        {delta ? <Figure shown={delta} /> : NONE}
      </td>
      <td className={`compare-num delta delta-${judged}`} title={word && w[word]}>
        {change ? <Figure shown={{ value: change.value, unit: '%' }} /> : NONE}
      </td>
    </tr>
  );
}

function Figure({ shown }: { shown: Formatted }) {
  return (
    <>
      {shown.value}
      {shown.unit && <span className="compare-unit">{shown.unit}</span>}
    </>
  );
}
