import { useEffect, useState } from 'react';
import { MESSAGES } from './i18n.ts';
import { STALE_AFTER_MS, useAppStore } from './state/app-store.ts';

/** Connection state and data age, always visible: stale data must never look live. */
export function StatusBar() {
  const { connection, lastDataAtMs, entityCount, language, setLanguage, openAlerts } =
    useAppStore();
  const critical = openAlerts.some((a) => a.severity === 'critical');
  const t = MESSAGES[language];
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const ageMs = lastDataAtMs === undefined ? undefined : Math.max(0, now - lastDataAtMs);
  const stale = connection === 'live' && ageMs !== undefined && ageMs > STALE_AFTER_MS;
  const status = stale ? 'stale' : connection;
  const label = stale
    ? t.stale
    : connection === 'live'
      ? t.live
      : connection === 'offline'
        ? t.offline
        : t.connecting;
  const age =
    ageMs === undefined
      ? t.noData
      : `${t.dataAge} ${new Intl.NumberFormat(language, { maximumFractionDigits: 0 }).format(ageMs / 1000)} s`;

  return (
    <header className="status-bar">
      <div className="brand">
        <strong>{t.title}</strong>
        <span>{t.subtitle}</span>
      </div>
      <div className="status" data-status={status} data-testid="connection-status">
        <span className="dot" />
        {label}
      </div>
      <div className="age" data-testid="data-age">
        {age}
      </div>
      <div
        className="alerts"
        data-testid="open-alerts"
        data-severity={openAlerts.length === 0 ? 'none' : critical ? 'critical' : 'warning'}
      >
        {new Intl.NumberFormat(language).format(openAlerts.length)} {t.openAlerts}
      </div>
      <div className="count" data-testid="entity-count">
        {new Intl.NumberFormat(language).format(entityCount)} {t.tracked}
      </div>
      <button
        type="button"
        className="language"
        onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
      >
        {t.language}
      </button>
    </header>
  );
}
