// How a KPI module takes part in a computation: it watches each event of the window
// together with the state just before it (the state after it is the next one's "before",
// and the last one's is handed to finish), then, given the state at the end of the
// window, says its values. Modules keep only window-sized tallies; anything that reaches
// back before the window comes from the state.
import type { StoredEvent } from '../../protocol/events.ts';
import type { KpiId, KpiScopeKind } from '../../protocol/kpi.ts';
import type { PortFacts } from './port-facts.ts';
import type { PortState } from './port-state.ts';
import { overlapMs } from './statistics.ts';

export interface KpiWindow {
  fromMs: number;
  toMs: number;
  facts: PortFacts;
}

export interface KpiResult {
  id: KpiId;
  /** "port" or "<kind>:<id>". */
  scope: string;
  value: number | null;
}

export interface Accumulator {
  /** An actual event inside the window, and the state just before it. */
  observe(event: StoredEvent, before: PortState): void;
  /** The values, given the state at the end of the window. */
  finish(end: PortState): KpiResult[];
}

export type AccumulatorFactory = (window: KpiWindow) => Accumulator;

export const scopeOf = (kind: KpiScopeKind, id: string) => `${kind}:${id}`;

/** The part of [startMs, endMs) that lies inside the window, in ms. */
export const inWindowMs = (window: KpiWindow, startMs: number, endMs: number) =>
  overlapMs(startMs, endMs, window.fromMs, window.toMs);

/** The model's places (so idle ones appear) and any others the events named, once each. */
export function placesOf(known: readonly string[], seen: Iterable<string>): string[] {
  return [...new Set([...known, ...seen])];
}
