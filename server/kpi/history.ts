// The inputs of a historical KPI window from the database: the state at its start (the
// newest checkpoint at or before it, advanced by the stored events since) and the events
// of the window. Without a checkpoint the fold starts at the first stored event.
import type { Queryable } from '../../db/queryable.ts';
import type { StoredEvent } from '../../protocol/events.ts';
import { readCheckpoint } from './checkpoints.ts';
import { emptyPortState, foldEvents, type PortState } from './port-state.ts';
import { readStoredEvents } from './stored-events.ts';

export interface KpiInputs {
  /** The fold of every stored event before fromMs. */
  state: PortState;
  /** The actual events with fromMs <= time < toMs, in fold order. */
  events: StoredEvent[];
}

/** toMs may be Infinity: everything stored from fromMs on. */
export async function loadKpiInputs(
  db: Queryable,
  fromMs: number,
  toMs: number,
): Promise<KpiInputs> {
  const checkpoint = await readCheckpoint(db, fromMs);
  const stored = await readStoredEvents(db, checkpoint?.atMs ?? -Infinity, toMs);
  const firstInWindow = stored.findIndex((e) => e.timeMs >= fromMs);
  const split = firstInWindow === -1 ? stored.length : firstInWindow;
  const state = foldEvents(checkpoint?.state ?? emptyPortState(), stored.slice(0, split));
  return { state, events: stored.slice(split) };
}
