// What the berths show of each open call beyond the port state: the vessel's name and
// numbers, its planned moves and its latest estimated departure. The KPI state folds
// actual events only; estimates (ETD-Berth) live here. Fed by every committed port-call
// event and read from the database at start.
import type { PortCallEvent, StoredEvent } from '../../protocol/events.ts';
import type { Queryable } from '../storage/insert-rows.ts';

export interface RosterEntry {
  vesselImo: string;
  vesselName?: string;
  mmsi?: string;
  etdMs?: number;
  plannedMoves?: number;
  /** When this call was last reported on, to forget calls whose departure never came. */
  lastReportMs: number;
}

/** A call with no news for this long is forgotten (its ATD-Berth was lost). */
const FORGET_AFTER_MS = 7 * 24 * 3_600_000;

export class CallRoster {
  private readonly calls = new Map<string, RosterEntry>();

  add(events: readonly StoredEvent[]): void {
    for (const event of events) if (event.type === 'port_call') this.note(event);
  }

  get(callId: string): RosterEntry | undefined {
    return this.calls.get(callId);
  }

  get size(): number {
    return this.calls.size;
  }

  /** Drops calls not heard of for a week. */
  prune(nowMs: number): void {
    for (const [id, entry] of this.calls)
      if (nowMs - entry.lastReportMs > FORGET_AFTER_MS) this.calls.delete(id);
  }

  private note(event: StoredEvent<PortCallEvent>): void {
    if (event.timestamp === 'ATD-Berth') return void this.calls.delete(event.callId);
    const entry = this.calls.get(event.callId) ?? {
      vesselImo: event.vesselImo,
      lastReportMs: event.timeMs,
    };
    entry.vesselImo = event.vesselImo;
    if (event.vesselName !== undefined) entry.vesselName = event.vesselName;
    if (event.mmsi !== undefined) entry.mmsi = event.mmsi;
    if (event.plannedMoves !== undefined) entry.plannedMoves = event.plannedMoves;
    if (event.timestamp === 'ETD-Berth') entry.etdMs = event.timeMs;
    entry.lastReportMs = Math.max(entry.lastReportMs, event.timeMs);
    this.calls.set(event.callId, entry);
  }
}

interface PortCallRow {
  call_id: string;
  timestamp_code: PortCallEvent['timestamp'];
  time_ms: number;
  event_id: string;
  vessel_imo: string;
  vessel_name: string | null;
  mmsi: string | null;
  planned_moves: number | null;
}

/**
 * The roster of calls not yet departed at atMs (now, or a replayed instant), from the
 * port-call events of the week before: actual events up to atMs, estimates whenever.
 */
export async function loadCallRoster(db: Queryable, atMs: number): Promise<CallRoster> {
  const { rows } = await db.query<PortCallRow>(
    // In the order they were received, so a revised estimate replaces the earlier one.
    `SELECT p.call_id, p.timestamp_code, extract(epoch FROM p.time)::float8 * 1000 AS time_ms,
            p.event_id, p.vessel_imo, p.vessel_name, p.mmsi, p.planned_moves
     FROM port_call_event p JOIN ingested_event i ON i.event_id = p.event_id
     WHERE p.time > $1 AND (p.timestamp_code NOT LIKE 'A%' OR p.time <= $2)
       AND p.call_id NOT IN (SELECT call_id FROM port_call_event
                             WHERE timestamp_code = 'ATD-Berth' AND time > $1 AND time <= $2)
     ORDER BY i.received_at, p.time, p.event_id`,
    [new Date(atMs - FORGET_AFTER_MS), new Date(atMs)],
  );
  const roster = new CallRoster();
  roster.add(
    rows.map((row) => ({
      type: 'port_call' as const,
      eventId: row.event_id,
      timeMs: Math.round(row.time_ms),
      callId: row.call_id,
      timestamp: row.timestamp_code,
      vesselImo: row.vessel_imo,
      ...(row.vessel_name === null ? {} : { vesselName: row.vessel_name }),
      ...(row.mmsi === null ? {} : { mmsi: row.mmsi }),
      ...(row.planned_moves === null ? {} : { plannedMoves: row.planned_moves }),
    })),
  );
  return roster;
}
