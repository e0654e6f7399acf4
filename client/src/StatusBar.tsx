import { MESSAGES } from './i18n.ts';
import { useAppStore } from './state/app-store.ts';
import { useDataFreshness } from './state/data-freshness.ts';

/** Where the other screen is: the console links to replay and back (the wall to neither). */
export type ScreenLink = { href: '/replay'; word: 'toReplay' } | { href: '/'; word: 'toLive' };

/** Connection state and data age, always visible: stale data must never look live. */
export function StatusBar({ link }: { link?: ScreenLink }) {
  const { entityCount, language, setLanguage, openAlerts } = useAppStore();
  const critical = openAlerts.some((a) => a.severity === 'critical');
  const t = MESSAGES[language];
  const { status, label, age } = useDataFreshness();

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
      {link && (
        <a className="screen-link" href={link.href} data-testid="screen-link">
          {t[link.word]}
        </a>
      )}
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
