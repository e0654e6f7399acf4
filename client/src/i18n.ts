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
  tracked: 'tracked',
  openAlerts: 'open alerts',
  noData: 'No data yet',
  language: '中文',
  loadingPort: 'Loading the port model…',
  portFailed: 'The port model could not be loaded; retrying…',
  kpiBoard: 'Key figures',
  last24h: 'over the last 24 hours',
  alerts: 'Alerts',
  noAlerts: 'No open alerts',
  actingAs: 'Acting as',
  yourName: 'your name',
  acknowledge: 'Acknowledge',
  resolve: 'Resolve',
  acknowledgedBy: 'acknowledged by',
  // AIS navigational status, as the vessel labels show it.
  navUnderWayEngine: 'Under way',
  navAtAnchor: 'At anchor',
  navNotUnderCommand: 'Not under command',
  navRestrictedManoeuvrability: 'Restricted manoeuvrability',
  navConstrainedByDraught: 'Constrained by draught',
  navMoored: 'Moored',
  navAground: 'Aground',
  navFishing: 'Fishing',
  navUnderWaySailing: 'Under way, sailing',
  navTowingAstern: 'Towing astern',
  navPushingAhead: 'Pushing ahead / towing alongside',
  navAisSart: 'AIS-SART active',
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
  tracked: '个目标',
  openAlerts: '未关闭告警',
  noData: '暂无数据',
  language: 'EN',
  loadingPort: '正在加载港区模型…',
  portFailed: '港区模型加载失败，正在重试…',
  kpiBoard: '关键指标',
  last24h: '近 24 小时',
  alerts: '告警',
  noAlerts: '无未关闭告警',
  actingAs: '操作人',
  yourName: '请输入姓名',
  acknowledge: '确认',
  resolve: '关闭',
  acknowledgedBy: '确认人',
  navUnderWayEngine: '在航（机动）',
  navAtAnchor: '锚泊',
  navNotUnderCommand: '失控',
  navRestrictedManoeuvrability: '操纵能力受限',
  navConstrainedByDraught: '吃水受限',
  navMoored: '系泊',
  navAground: '搁浅',
  navFishing: '从事捕捞',
  navUnderWaySailing: '在航（帆船）',
  navTowingAstern: '拖带（尾拖）',
  navPushingAhead: '顶推或旁拖',
  navAisSart: 'AIS-SART 报警',
};

export const MESSAGES: Record<Language, Messages> = { en, 'zh-CN': zhCN };

export function detectLanguage(stored: string | null, browser: readonly string[]): Language {
  if (stored === 'en' || stored === 'zh-CN') return stored;
  return browser.some((tag) => tag.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}
