// The words of the day comparison (CompareDays.tsx) in both languages, kept apart from
// i18n.ts as the panels' own words are; a key missing in one language is a type error.
// {…} are filled in with i18n's fillIn. KPI names and definitions come from the registry.
import type { Language } from '../i18n.ts';

const en = {
  title: 'Compare two days',
  close: 'Close',
  dayA: 'Day A (base)',
  dayB: 'Day B',
  scopes: 'Show figures for',
  scope_port: 'Port',
  scope_berth: 'Berths',
  scope_crane: 'Cranes',
  scope_lane: 'Lanes',
  scopeTitle_port: 'The whole port',
  scopeTitle_berth: 'Each berth',
  scopeTitle_crane: 'Each quay crane',
  scopeTitle_lane: 'Each gate and inspection lane',
  kpi: 'Figure',
  column_berth: 'Berth',
  column_crane: 'Crane',
  column_lane: 'Lane',
  delta: 'Change',
  change: 'Change %',
  until: 'until {time}',
  loading: 'Loading the figures…',
  loadingDay: 'Loading {day}…',
  stillShowing: 'the table still shows {day}',
  dayFailed: 'The figures for {day} could not be loaded.',
  retry: 'Retry',
  notBegun: '{day} has not begun yet.',
  noRows: 'Neither day has figures of this kind.',
  notReported: 'not reported that day',
  better: 'better',
  worse: 'worse',
  unjudged: 'changed; neither better nor worse in itself',
  unchanged: 'no change',
  pp: 'pp',
  legend:
    'Change is B − A, change % is against A. Green: better, red: worse; occupancy and utilisation are not judged. Ratios change in percentage points (pp).',
} as const;

export type CompareWords = { [K in keyof typeof en]: string };

const zhCN: CompareWords = {
  title: '两日对比',
  close: '关闭',
  dayA: '基准日（A）',
  dayB: '对比日（B）',
  scopes: '指标范围',
  scope_port: '全港',
  scope_berth: '泊位',
  scope_crane: '岸桥',
  scope_lane: '通道',
  scopeTitle_port: '全港合计',
  scopeTitle_berth: '逐个泊位',
  scopeTitle_crane: '逐台岸桥',
  scopeTitle_lane: '逐条闸口与查验通道',
  kpi: '指标',
  column_berth: '泊位',
  column_crane: '岸桥',
  column_lane: '通道',
  delta: '变化',
  change: '变化率',
  until: '截至 {time}',
  loading: '正在加载指标…',
  loadingDay: '正在加载{day}…',
  stillShowing: '表中仍为{day}的数据',
  dayFailed: '{day}的指标加载失败。',
  retry: '重试',
  notBegun: '{day}尚未开始。',
  noRows: '两日均无此类指标。',
  notReported: '当日无此项',
  better: '改善',
  worse: '变差',
  unjudged: '有变化，本身无所谓好坏',
  unchanged: '无变化',
  pp: '个百分点',
  legend:
    '变化为 B − A，变化率相对于 A。绿色为改善，红色为变差；占用率与利用率不作判断。比率的变化以百分点计。',
};

export const COMPARE_WORDS: Record<Language, CompareWords> = { en, 'zh-CN': zhCN };
