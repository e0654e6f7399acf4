// Every KPI of a window [fromMs, toMs), live or historical alike: from the state at
// fromMs, fold the window's events in order while each KPI module watches the
// transitions, then let the modules close their intervals at toMs.
import type { StoredEvent } from '../../protocol/events.ts';
import { KPI_DEFINITIONS, type KpiValue } from '../../protocol/kpi.ts';
import type { AccumulatorFactory, KpiResult } from './accumulator.ts';
import { calls } from './accumulators/calls.ts';
import { cranes } from './accumulators/cranes.ts';
import { customs } from './accumulators/customs.ts';
import { directFlows } from './accumulators/direct-flows.ts';
import { equipment } from './accumulators/equipment.ts';
import { gate } from './accumulators/gate.ts';
import { inspection } from './accumulators/inspection.ts';
import { yard } from './accumulators/yard.ts';
import type { PortFacts } from './port-facts.ts';
import {
  applyEvent,
  cloneState,
  compareEvents,
  isActualEvent,
  type PortState,
} from './port-state.ts';

const MODULES: readonly AccumulatorFactory[] = [
  cranes,
  calls,
  gate,
  yard,
  equipment,
  customs,
  inspection,
  directFlows,
];

const UNIT = new Map<string, string>(KPI_DEFINITIONS.map((d) => [d.id, d.unit]));
const ORDER = new Map<string, number>(KPI_DEFINITIONS.map((d, i) => [d.id, i]));

/** Registry order, then the port scope, then the other scopes by their code units. */
function compareResults(a: KpiResult, b: KpiResult): number {
  const byId = ORDER.get(a.id)! - ORDER.get(b.id)!;
  if (byId !== 0) return byId;
  if (a.scope === b.scope) return 0;
  if (a.scope === 'port') return -1;
  if (b.scope === 'port') return 1;
  return a.scope < b.scope ? -1 : 1;
}

/**
 * The KPIs of [fromMs, toMs). `stateAtFrom` is not changed. Events before fromMs are
 * folded into the state unobserved (so a base a little older than fromMs serves, as the
 * live window uses), events from toMs on are ignored, and the order of `events` does not
 * matter.
 */
export function computeKpis(
  stateAtFrom: PortState,
  events: readonly StoredEvent[],
  fromMs: number,
  toMs: number,
  facts: PortFacts,
): KpiValue[] {
  return computeWindow(stateAtFrom, events, fromMs, toMs, facts).kpis;
}

/** computeKpis, and the state at toMs it reached on the way (what the alert rules watch). */
export function computeWindow(
  stateAtFrom: PortState,
  events: readonly StoredEvent[],
  fromMs: number,
  toMs: number,
  facts: PortFacts,
): { kpis: KpiValue[]; stateAtTo: PortState } {
  if (!(fromMs <= toMs))
    throw new RangeError(`KPI window [${fromMs}, ${toMs}) ends before it starts`);
  const state = cloneState(stateAtFrom);
  const modules = MODULES.map((make) => make({ fromMs, toMs, facts }));
  const ordered = events.filter((e) => isActualEvent(e) && e.timeMs < toMs).sort(compareEvents);
  for (const event of ordered) {
    if (event.timeMs >= fromMs) for (const module of modules) module.observe(event, state);
    applyEvent(state, event);
  }
  const from = new Date(fromMs).toISOString();
  const to = new Date(toMs).toISOString();
  const kpis = modules
    .flatMap((module) => module.finish(state))
    .sort(compareResults)
    .map(({ id, scope, value }) => ({ id, scope, value, unit: UNIT.get(id)!, from, to }));
  return { kpis, stateAtTo: state };
}
