// Two days' KPIs side by side: for each (KPI, scope) either day has, the two values, the
// change B − A and the change relative to A, and whether that change is for the better.
// Pure: the lists come as GET /api/v1/kpis returns them; the panel (CompareDays.tsx)
// formats and colours. What "better" means per KPI is a judgement of this panel, kept
// here with its reason, not a property of the KPI registry (protocol/kpi.ts).
import {
  KPI_DEFINITIONS,
  type KpiDefinition,
  type KpiId,
  type KpiValue,
} from '../../../protocol/kpi.ts';

/** The scope kinds the comparison offers; a lane is a gate or an inspection lane. */
export const COMPARE_SCOPES = ['port', 'berth', 'crane', 'lane'] as const;
export type CompareScope = (typeof COMPARE_SCOPES)[number];

/** What a rise of the KPI means for the port. */
export type Rise = 'good' | 'bad' | 'neutral';

/**
 * How to read a rise, per KPI of the registry, with the reason. The registry's ids are
 * plain strings to the compiler (KpiId is string), so kpi-compare.test.ts checks that
 * this table and KPI_DEFINITIONS name the same KPIs.
 */
export const RISE: Readonly<Record<KpiId, { rise: Rise; why: string }>> = {
  'crane.gross_rate': { rise: 'good', why: 'more moves per allocated crane hour' },
  'crane.net_rate': { rise: 'good', why: 'more moves per crane hour actually worked' },
  'call.berth_productivity': { rise: 'good', why: 'more moves per hour a vessel lies at berth' },
  'call.crane_intensity': {
    rise: 'neutral',
    why: 'more cranes per call speeds the call but spends crane hours: a planning choice',
  },
  'berth.occupancy': {
    rise: 'neutral',
    why: 'busy berths are well used, but too busy ones make vessels wait',
  },
  'anchorage.waiting_vessels': { rise: 'bad', why: 'more vessels kept waiting for a berth' },
  'anchorage.waiting_time': { rise: 'bad', why: 'vessels wait longer for a berth' },
  'call.port_hours': { rise: 'bad', why: 'vessels take longer to turn round in port' },
  'call.port_to_berth_hours': { rise: 'bad', why: 'vessels take longer to get alongside' },
  'call.at_berth_hours': { rise: 'bad', why: 'vessels stay longer at berth' },
  'gate.turn_time_median': { rise: 'bad', why: 'trucks spend longer in the terminal' },
  'gate.turn_time_p90': { rise: 'bad', why: 'the slow truck visits get slower' },
  'gate.throughput': { rise: 'good', why: 'more gate transactions handled per hour' },
  'yard.utilisation': {
    rise: 'neutral',
    why: 'a fuller yard is better used, but past a point it slows every move',
  },
  'yard.dwell_median': { rise: 'bad', why: 'boxes occupy the yard longer' },
  'yard.dwell_p90': { rise: 'bad', why: 'the long-staying boxes stay longer still' },
  'equipment.utilisation': {
    rise: 'neutral',
    why: 'busier machines are better used, but have less slack for peaks',
  },
  'equipment.availability': { rise: 'good', why: 'less time lost to faults' },
  'customs.clearance_time': { rise: 'bad', why: 'boxes wait longer for release' },
  'inspection.throughput': { rise: 'good', why: 'more inspections completed per hour' },
  'inspection.queue': { rise: 'bad', why: 'more boxes waiting for inspection' },
  'inspection.wait': { rise: 'bad', why: 'boxes wait longer for inspection to start' },
  'flow.direct_pickup_share': { rise: 'good', why: 'more imports skip the yard: fewer lifts' },
  'flow.direct_loading_share': { rise: 'good', why: 'more exports skip the yard: fewer lifts' },
};

/** How a rise reads; a KPI the registry does not know is not judged. */
export function riseOf(id: string): Rise {
  return (Object.hasOwn(RISE, id) && RISE[id]?.rise) || 'neutral';
}

/** One KPI at one scope on both days. */
export interface CompareRow {
  id: string;
  scope: string;
  /** The registry's unit, else the unit the value came with. */
  unit: KpiDefinition['unit'] | string;
  /** null: no data that day (or the scope not reported that day: see inA/inB). */
  a: number | null;
  b: number | null;
  /** The scope was reported on that day (with a value or null). */
  inA: boolean;
  inB: boolean;
  /** b − a; null when either is missing. */
  delta: number | null;
  /** (b − a) ÷ |a|; null when a is 0 or either is missing. */
  change: number | null;
  rise: Rise;
}

/** Whether a scope ("port", "berth:T1-B3", "lane:T1-gate-in-01") is of a kind. */
export function isOfScope(scope: string, kind: CompareScope): boolean {
  return kind === 'port' ? scope === 'port' : scope.startsWith(`${kind}:`);
}

/** The scope without its kind: "berth:T1-B3" → "T1-B3"; "port" stays. */
export const scopeName = (scope: string): string => {
  const colon = scope.indexOf(':');
  return colon < 0 ? scope : scope.slice(colon + 1);
};

const ORDER = new Map<string, number>(KPI_DEFINITIONS.map((d, i) => [d.id, i]));
const UNIT = new Map<string, string>(KPI_DEFINITIONS.map((d) => [d.id, d.unit]));
// Numbers inside names compare as numbers (QC2 before QC10); the fixed locale keeps the
// order the same for every reader.
const NATURAL = new Intl.Collator('en', { numeric: true });

/** Registry order (ids it does not know after, by id), then the scope, port first. */
export function compareRows(x: { id: string; scope: string }, y: { id: string; scope: string }) {
  const ox = ORDER.get(x.id) ?? Infinity;
  const oy = ORDER.get(y.id) ?? Infinity;
  if (ox !== oy) return ox - oy;
  if (x.id !== y.id) return x.id < y.id ? -1 : 1;
  if (x.scope === y.scope) return 0;
  if (x.scope === 'port') return -1;
  if (y.scope === 'port') return 1;
  return NATURAL.compare(x.scope, y.scope) || (x.scope < y.scope ? -1 : 1);
}

const finite = (value: number | null | undefined): number | null =>
  typeof value === 'number' && Number.isFinite(value) ? value : null;

const keyOf = (k: { id: string; scope: string }) => `${k.id}\u0000${k.scope}`;

/** The first value of each (id, scope) of a day, of the chosen scope kind. */
function byKey(kpis: readonly KpiValue[], kind: CompareScope): Map<string, KpiValue> {
  const map = new Map<string, KpiValue>();
  for (const kpi of kpis)
    if (isOfScope(kpi.scope, kind) && !map.has(keyOf(kpi))) map.set(keyOf(kpi), kpi);
  return map;
}

/** The rows of one scope kind for day A's and day B's KPI lists, in reading order. */
export function compareKpis(
  dayA: readonly KpiValue[],
  dayB: readonly KpiValue[],
  kind: CompareScope,
): CompareRow[] {
  const a = byKey(dayA, kind);
  const b = byKey(dayB, kind);
  const keys = new Set([...a.keys(), ...b.keys()]);
  const rows: CompareRow[] = [];
  for (const key of keys) {
    const va = a.get(key);
    const vb = b.get(key);
    const { id, scope, unit } = (va ?? vb)!;
    const valueA = finite(va?.value);
    const valueB = finite(vb?.value);
    const delta = valueA === null || valueB === null ? null : valueB - valueA;
    rows.push({
      id,
      scope,
      unit: UNIT.get(id) ?? unit,
      a: valueA,
      b: valueB,
      inA: va !== undefined,
      inB: vb !== undefined,
      delta,
      change: delta === null || valueA === 0 ? null : delta / Math.abs(valueA!),
      rise: riseOf(id),
    });
  }
  return rows.sort(compareRows);
}

/** What a change means: better, worse, a change not judged, no change, or not known. */
export type Verdict = 'good' | 'bad' | 'neutral' | 'same' | 'none';

export function verdict(rise: Rise, delta: number | null): Verdict {
  if (delta === null) return 'none';
  if (delta === 0) return 'same';
  if (rise === 'neutral') return 'neutral';
  return delta > 0 === (rise === 'good') ? 'good' : 'bad';
}
