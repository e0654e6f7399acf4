// The open alerts, the most severe and newest first: what, where, how far over its
// threshold, since when (port time). On the console a duty manager acknowledges or
// resolves them under their name; the wall only shows them.
import { useState } from 'react';
import { ALERT_RULE_NAMES, type Alert } from '../../../protocol/alerts.ts';
import { actOnAlert, type AlertAction } from '../api/alerts-api.ts';
import { formatDateTime, formatKpi } from '../format.ts';
import { MESSAGES, type Language } from '../i18n.ts';
import { useAppStore } from '../state/app-store.ts';

const SEVERITY_ORDER = { critical: 0, warning: 1, info: 2 } as const;
const ACTOR_KEY = 'quayside.actor';

/** "crane:T1-QC03" → "T1-QC03": the kind is in the rule's name already. */
const subjectOf = (scope: string) => scope.slice(scope.indexOf(':') + 1) || scope;

function valueText(alert: Alert, language: Language): string {
  if (alert.value === null || alert.unit === 'state') return '';
  const unit = alert.unit === 's' ? 's' : alert.unit === 'ratio' ? 'ratio' : 'count';
  const value = formatKpi(alert.value, unit, language);
  const threshold = formatKpi(alert.threshold, unit, language);
  return `${value.value} ${value.unit} > ${threshold.value} ${threshold.unit}`.trim();
}

export function sortAlerts(alerts: readonly Alert[]): Alert[] {
  return [...alerts].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.raisedAt < b.raisedAt ? 1 : a.raisedAt > b.raisedAt ? -1 : 0),
  );
}

export function AlertList({ timeZone, actions }: { timeZone: string; actions: boolean }) {
  const language = useAppStore((s) => s.language);
  const alerts = useAppStore((s) => s.openAlerts);
  const t = MESSAGES[language];
  const [actor, setActor] = useState(() => globalThis.localStorage?.getItem(ACTOR_KEY) ?? '');
  const [problem, setProblem] = useState<string | undefined>();
  const act = (alert: Alert, action: AlertAction) => {
    setProblem(undefined);
    actOnAlert(alert.id, action, actor.trim()).catch((error: Error) => setProblem(error.message));
  };
  return (
    <section className="alert-list" aria-label={t.alerts} data-testid="alert-list">
      <h2>
        {t.alerts}{' '}
        <span className="count">{new Intl.NumberFormat(language).format(alerts.length)}</span>
      </h2>
      {actions && (
        <label className="actor">
          {t.actingAs}
          <input
            value={actor}
            placeholder={t.yourName}
            maxLength={80}
            onChange={(e) => {
              setActor(e.target.value);
              globalThis.localStorage?.setItem(ACTOR_KEY, e.target.value);
            }}
          />
        </label>
      )}
      {problem && <p className="problem">{problem}</p>}
      {alerts.length === 0 && <p className="none">{t.noAlerts}</p>}
      <ul>
        {sortAlerts(alerts).map((alert) => (
          <li key={alert.id} data-severity={alert.severity} data-state={alert.state}>
            <div className="what">
              <strong>{ALERT_RULE_NAMES[alert.ruleId][language]}</strong>
              <span className="subject">{subjectOf(alert.scope)}</span>
            </div>
            <div className="detail">
              <span>{valueText(alert, language)}</span>
              <span>{formatDateTime(Date.parse(alert.raisedAt), timeZone, language)}</span>
              {alert.state === 'acknowledged' && (
                <span className="ack">
                  {t.acknowledgedBy} {alert.acknowledgedBy}
                </span>
              )}
            </div>
            {actions && (
              <div className="buttons">
                {alert.state === 'raised' && (
                  <button
                    type="button"
                    disabled={!actor.trim()}
                    onClick={() => act(alert, 'acknowledge')}
                  >
                    {t.acknowledge}
                  </button>
                )}
                <button
                  type="button"
                  disabled={!actor.trim()}
                  onClick={() => act(alert, 'resolve')}
                >
                  {t.resolve}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
