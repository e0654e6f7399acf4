// KPIs: what each one means (shared, so the client can show the definition beside every
// number) and how a value travels. Definitions follow ../shared/docs/domain.md section 1;
// where terminals disagree the choice is written in the definition, and server/kpi/
// computes each exactly as written. A value covers a window [from, to): "in the window"
// means an event at or after from and before to; "at the end" means the state at to.
import Type, { type Static } from 'typebox';

export type KpiScopeKind =
  'port' | 'berth' | 'crane' | 'call' | 'block' | 'lane' | 'flow' | 'channel' | 'kind';

export interface KpiDefinition {
  id: string;
  name: { en: string; 'zh-CN': string };
  /** Unit of the value: s (durations), ratio (0..1), count, or a per-hour rate. */
  unit: 's' | 'ratio' | 'count' | 'moves/h' | 'trucks/h' | 'boxes/h' | 'cranes';
  /** Numerator, denominator, exclusions. */
  definition: { en: string; 'zh-CN': string };
  scopes: KpiScopeKind[];
}

const kpi = (d: KpiDefinition) => d;

export const KPI_DEFINITIONS = [
  kpi({
    id: 'crane.gross_rate',
    name: { en: 'Gross crane rate', 'zh-CN': '岸桥毛效率' },
    unit: 'moves/h',
    definition: {
      en: 'Container moves (DISC + LOAD) in the window ÷ quay crane allocated hours in it (allocated while its state events carry a callId; delays not deducted; hatch covers and restows are not counted).',
      'zh-CN':
        '窗口内集装箱作业量（卸+装）÷ 窗口内岸桥分配小时（状态事件带船舶作业号期间；不扣除延误；舱盖板与翻舱不计）。',
    },
    scopes: ['port', 'crane', 'call'],
  }),
  kpi({
    id: 'crane.net_rate',
    name: { en: 'Net crane rate', 'zh-CN': '岸桥净效率' },
    unit: 'moves/h',
    definition: {
      en: 'Container moves in the window ÷ (allocated hours − hours in fault or waiting while allocated), within the window.',
      'zh-CN': '窗口内集装箱作业量 ÷（分配小时 − 分配期间故障与等待小时），均限于窗口内。',
    },
    scopes: ['port', 'crane', 'call'],
  }),
  kpi({
    id: 'call.berth_productivity',
    name: { en: 'Berth productivity', 'zh-CN': '泊位效率' },
    unit: 'moves/h',
    definition: {
      en: 'All moves of a call ÷ hours from first line (ATA-Berth) to last line (ATD-Berth), for calls that left in the window; the port value is their total moves ÷ their total hours at berth.',
      'zh-CN':
        '单船全部作业量 ÷ 靠泊（ATA-Berth）至离泊（ATD-Berth）小时数，统计窗口内离泊的船舶；全港值为其作业量之和 ÷ 在泊小时之和。',
    },
    scopes: ['port', 'call'],
  }),
  kpi({
    id: 'call.crane_intensity',
    name: { en: 'Crane time intensity', 'zh-CN': '岸桥作业强度' },
    unit: 'cranes',
    definition: {
      en: 'Quay crane hours allocated to a call between its first and last lift ÷ hours from its first to its last lift, for calls that left in the window (none when it had fewer than two lifts apart).',
      'zh-CN':
        '单船首关至末关之间的岸桥分配小时 ÷ 首关至末关小时数，统计窗口内离泊的船舶（作业不足两关时无值）。',
    },
    scopes: ['port', 'call'],
  }),
  kpi({
    id: 'berth.occupancy',
    name: { en: 'Berth occupancy', 'zh-CN': '泊位占用率' },
    unit: 'ratio',
    definition: {
      en: 'Hours some vessel lay at the berth (ATA-Berth to ATD-Berth; overlapping stays count once) ÷ hours in the window; idle berths count 0, the port value is over all berths.',
      'zh-CN':
        '有船靠泊的时长（靠泊至离泊，重叠只计一次）÷ 窗口时长；空闲泊位计 0，全港值按全部泊位计。',
    },
    scopes: ['port', 'berth'],
  }),
  kpi({
    id: 'anchorage.waiting_vessels',
    name: { en: 'Vessels waiting at anchorage', 'zh-CN': '锚地待泊船舶' },
    unit: 'count',
    definition: {
      en: 'Calls with ATA-Anchorage and neither ATD-Anchorage nor ATA-Berth at the end of the window.',
      'zh-CN': '窗口结束时已抵锚地、既未离开锚地也未靠泊的船舶数。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'anchorage.waiting_time',
    name: { en: 'Waiting time at anchorage', 'zh-CN': '锚地等待时间' },
    unit: 's',
    definition: {
      en: 'Median of ATA-Berth − ATA-Anchorage over calls that first berthed in the window (calls that never anchored count 0).',
      'zh-CN': '窗口内靠泊船舶的（靠泊时间 − 抵锚时间）中位数（未锚泊计 0）。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'call.port_hours',
    name: { en: 'Port hours per call', 'zh-CN': '单船在港时间' },
    unit: 's',
    definition: {
      en: 'Median of ATD-Berth − arrival in port (the first of ATA-PBP, ATA-Anchorage, ATA-Berth) over calls that left in the window.',
      'zh-CN': '窗口内离泊船舶的（离泊 − 到港）中位数，到港取引航登轮点、锚地、靠泊中最早者。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'call.port_to_berth_hours',
    name: { en: 'Port-to-berth time', 'zh-CN': '到港至靠泊时间' },
    unit: 's',
    definition: {
      en: 'Median of ATA-Berth − arrival in port over calls that left in the window.',
      'zh-CN': '窗口内离泊船舶的（靠泊 − 到港）中位数。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'call.at_berth_hours',
    name: { en: 'Time at berth', 'zh-CN': '在泊时间' },
    unit: 's',
    definition: {
      en: 'Median of ATD-Berth − ATA-Berth over calls that left in the window.',
      'zh-CN': '窗口内离泊船舶的（离泊 − 靠泊）中位数。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'gate.turn_time_median',
    name: { en: 'Truck turn time (median)', 'zh-CN': '集卡周转时间（中位数）' },
    unit: 's',
    definition: {
      en: 'Median of out-gate completion − in-gate completion per truck visit (TIC 4.0; a port may choose queue entry at the in-gate instead), for visits that left in the window (visits with no start on record excluded).',
      'zh-CN':
        '窗口内离港集卡的（出闸完成 − 进闸完成）中位数（TIC 4.0；港口可改为自进闸排队起算）。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'gate.turn_time_p90',
    name: { en: 'Truck turn time (P90)', 'zh-CN': '集卡周转时间（P90）' },
    unit: 's',
    definition: {
      en: '90th percentile of out-gate completion − in-gate completion (or queue entry, by the port’s choice) per visit that left in the window.',
      'zh-CN': '窗口内离港集卡周转时间的第 90 百分位。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'gate.throughput',
    name: { en: 'Gate throughput', 'zh-CN': '闸口通过量' },
    unit: 'trucks/h',
    definition: {
      en: 'Gate transactions completed in the window, in and out lanes alike ÷ hours in the window.',
      'zh-CN': '窗口内完成的闸口交易数（进出闸道均计）÷ 窗口小时数。',
    },
    scopes: ['port', 'lane'],
  }),
  kpi({
    id: 'yard.utilisation',
    name: { en: 'Yard utilisation', 'zh-CN': '堆场利用率' },
    unit: 'ratio',
    definition: {
      en: 'TEU standing in the block at the end of the window ÷ block capacity in TEU (ISO size code 4… or L… counts 2, any other 1); the port value is over the blocks of the model.',
      'zh-CN':
        '窗口结束时箱区在场 TEU ÷ 箱区容量 TEU（ISO 尺寸代码 4 或 L 开头计 2，其余计 1）；全港值按港口模型中的箱区计。',
    },
    scopes: ['port', 'block'],
  }),
  kpi({
    id: 'yard.dwell_median',
    name: { en: 'Dwell time (median)', 'zh-CN': '堆存时间（中位数）' },
    unit: 's',
    definition: {
      en: 'Median of the last yard-out (PICK) − the first yard-in (DROP) since arrival, for boxes that left the terminal (GTOT or LOAD) in the window, by flow; rehandles do not split a stay; boxes still in the terminal are excluded.',
      'zh-CN':
        '窗口内离港（出闸或装船）箱的（末次提箱 − 到港后首次落箱）中位数，按流向；翻箱不拆分堆存；仍在港的箱不计。',
    },
    scopes: ['port', 'flow'],
  }),
  kpi({
    id: 'yard.dwell_p90',
    name: { en: 'Dwell time (P90)', 'zh-CN': '堆存时间（P90）' },
    unit: 's',
    definition: {
      en: '90th percentile of the last PICK − the first DROP since arrival, for boxes that left the terminal in the window, by flow.',
      'zh-CN': '窗口内离港箱堆存时间（末次提箱 − 首次落箱）的第 90 百分位，按流向。',
    },
    scopes: ['port', 'flow'],
  }),
  kpi({
    id: 'equipment.utilisation',
    name: { en: 'Equipment utilisation', 'zh-CN': '设备利用率' },
    unit: 'ratio',
    definition: {
      en: 'Time working or travelling ÷ time not in fault, from the reported state timeline within the window, by equipment kind.',
      'zh-CN': '作业与行驶时间 ÷ 非故障时间，依窗口内上报的状态时间线，按设备类型。',
    },
    scopes: ['port', 'kind'],
  }),
  kpi({
    id: 'equipment.availability',
    name: { en: 'Equipment availability', 'zh-CN': '设备完好率' },
    unit: 'ratio',
    definition: {
      en: "Time not in fault ÷ time observed (from a machine's first state event or the window's start), by equipment kind.",
      'zh-CN': '非故障时间 ÷ 观测时间（自设备首个状态事件或窗口开始起），按设备类型。',
    },
    scopes: ['port', 'kind'],
  }),
  kpi({
    id: 'customs.clearance_time',
    name: { en: 'Customs clearance time', 'zh-CN': '通关时间' },
    unit: 's',
    definition: {
      en: 'Median of the first release (customs released or CUSR) − discharge, for discharged boxes released in the window, by risk channel; boxes gated in or released before discharge are not counted.',
      'zh-CN':
        '窗口内放行的卸船箱（首次放行 − 卸船）中位数，按风险通道；进闸箱及卸船前放行者不计。',
    },
    scopes: ['port', 'channel'],
  }),
  kpi({
    id: 'inspection.throughput',
    name: { en: 'Inspection throughput', 'zh-CN': '查验通过量' },
    unit: 'boxes/h',
    definition: {
      en: 'Inspections completed in the window ÷ hours in the window.',
      'zh-CN': '窗口内完成的查验数 ÷ 窗口小时数。',
    },
    scopes: ['port', 'lane'],
  }),
  kpi({
    id: 'inspection.queue',
    name: { en: 'Inspection queue', 'zh-CN': '查验排队' },
    unit: 'count',
    definition: {
      en: 'Boxes queued and not yet started at the end of the window.',
      'zh-CN': '窗口结束时已排队未开始查验的箱数。',
    },
    scopes: ['port', 'lane'],
  }),
  kpi({
    id: 'inspection.wait',
    name: { en: 'Inspection wait', 'zh-CN': '查验等待时间' },
    unit: 's',
    definition: {
      en: 'Median of start − queue entry for inspections started in the window (a start with no queue entry on record is left out).',
      'zh-CN': '窗口内开始查验的（开始 − 排队）中位数。',
    },
    scopes: ['port', 'lane'],
  }),
  kpi({
    id: 'flow.direct_pickup_share',
    name: { en: 'Direct pickup share', 'zh-CN': '船边直提比例' },
    unit: 'ratio',
    definition: {
      en: 'Import boxes gated out in the window that never entered the yard since discharge (no DROP) ÷ all import boxes gated out whose discharge or yard stay is on record (a box of unknown history is left out).',
      'zh-CN':
        '窗口内出闸的进口箱中卸船后未进堆场（无落箱）者 ÷ 有卸船或在场记录的全部出闸进口箱（来历不明者不计）。',
    },
    scopes: ['port'],
  }),
  kpi({
    id: 'flow.direct_loading_share',
    name: { en: 'Direct loading share', 'zh-CN': '抵港直装比例' },
    unit: 'ratio',
    definition: {
      en: 'Export boxes loaded in the window that never entered the yard since gate-in (no DROP) ÷ all export boxes loaded whose gate-in or yard stay is on record (a box of unknown history is left out).',
      'zh-CN':
        '窗口内装船的出口箱中进闸后未进堆场（无落箱）者 ÷ 有进闸或在场记录的全部装船出口箱（来历不明者不计）。',
    },
    scopes: ['port'],
  }),
] as const satisfies readonly KpiDefinition[];

export type KpiId = (typeof KPI_DEFINITIONS)[number]['id'];

/** One KPI value. `scope` is "port" or "<kind>:<id>", e.g. "berth:T1-B3". null: no data. */
export const KpiValue = Type.Object({
  id: Type.String(),
  scope: Type.String(),
  value: Type.Union([Type.Number(), Type.Null()]),
  unit: Type.String(),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});
export type KpiValue = Static<typeof KpiValue>;
export const KpiReply = Type.Object({ kpis: Type.Array(KpiValue) });
