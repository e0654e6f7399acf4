// The UI's words in both languages. The language comes from the user's choice, else the
// browser; missing keys are a type error, so the two tables cannot drift apart.
export type Language = 'en' | 'zh-CN';

const en = {
  title: 'Quayside',
  subtitle: 'Port operations',
  connecting: 'Connecting…',
  live: 'Live',
  stale: 'Data stale',
  offline: 'Offline, reconnecting…',
  dataAge: 'data age',
  equipment: 'equipment',
  openAlerts: 'open alerts',
  noData: 'No data yet',
  language: '中文',
  loadingPort: 'Loading the port model…',
  portFailed: 'The port model could not be loaded; retrying…',
} as const;

type Messages = { [K in keyof typeof en]: string };

const zhCN: Messages = {
  title: 'Quayside 港口孪生',
  subtitle: '港口运营',
  connecting: '正在连接…',
  live: '实时',
  stale: '数据过期',
  offline: '连接中断，正在重连…',
  dataAge: '数据时延',
  equipment: '设备',
  openAlerts: '未关闭告警',
  noData: '暂无数据',
  language: 'EN',
  loadingPort: '正在加载港区模型…',
  portFailed: '港区模型加载失败，正在重试…',
};

export const MESSAGES: Record<Language, Messages> = { en, 'zh-CN': zhCN };

export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return browser.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
