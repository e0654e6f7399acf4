// Vessel calls and berths. A call ends at ATD-Berth; the per-call KPIs cover the calls
// that ended in the window, using everything the state kept about them from before it.
// Arrival in port is the first of ATA-PBP, ATA-Anchorage and ATA-Berth. Berth occupancy
// is the time some vessel lay alongside (overlapping stays count once) ÷ window time;
// every berth of the model counts, idle ones as 0.
import type { StoredEvent } from '../../../protocol/events.ts';
import { inWindowMs, placesOf, scopeOf, type AccumulatorFactory } from '../accumulator.ts';
import type { CallStatus, PortState } from '../port-state.ts';
import { percentileSeconds, perHour, ratio, sum, unionLengthMs } from '../statistics.ts';

interface EndedCall {
  callId: string;
  arrivalMs: number;
  ataBerthMs?: number;
  atdBerthMs: number;
  moves: number;
  craneMsToLastLift: number;
  liftSpanMs: number;
}

function ended(callId: string, call: CallStatus, atdBerthMs: number): EndedCall | undefined {
  const { 'ATA-PBP': pbp, 'ATA-Anchorage': anchorage, 'ATA-Berth': ataBerth } = call.actual;
  const arrivals = [pbp, anchorage, ataBerth].filter((t) => t !== undefined);
  if (arrivals.length === 0) return undefined;
  return {
    callId,
    arrivalMs: Math.min(...arrivals),
    ...(ataBerth === undefined ? {} : { ataBerthMs: ataBerth }),
    atdBerthMs,
    moves: call.moves,
    craneMsToLastLift: call.craneMsToLastLift,
    liftSpanMs: (call.lastLiftMs ?? 0) - (call.firstLiftMs ?? 0),
  };
}

const isWaiting = (call: CallStatus) =>
  call.actual['ATA-Anchorage'] !== undefined &&
  call.actual['ATD-Anchorage'] === undefined &&
  call.alongsideSinceMs === undefined;

export const calls: AccumulatorFactory = (window) => {
  const stays = new Map<string, [number, number][]>();
  const waitingMs: number[] = [];
  const endedCalls: EndedCall[] = [];

  /** The stay alongside of a call, up to untilMs, cut to the window. */
  const stay = (call: CallStatus, untilMs: number) => {
    if (call.alongsideSinceMs === undefined || call.berthId === undefined) return;
    const start = Math.max(call.alongsideSinceMs, window.fromMs);
    const end = start + inWindowMs(window, call.alongsideSinceMs, untilMs);
    const list = stays.get(call.berthId) ?? [];
    list.push([start, end]);
    stays.set(call.berthId, list);
  };

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'port_call') return;
      const call = before.calls.get(event.callId);
      if (event.timestamp === 'ATA-Berth') {
        // The first berthing counts for waiting; a later one to another berth is a shift.
        if (call?.actual['ATA-Berth'] === undefined)
          waitingMs.push(event.timeMs - (call?.actual['ATA-Anchorage'] ?? event.timeMs));
        else if (event.berthId !== undefined && event.berthId !== call.berthId)
          stay(call, event.timeMs);
      } else if (event.timestamp === 'ATD-Berth' && call) {
        stay(call, event.timeMs);
        const done = ended(event.callId, call, event.timeMs);
        if (done) endedCalls.push(done);
      }
    },
    finish(end: PortState) {
      for (const call of end.calls.values()) stay(call, window.toMs);
      const windowMs = window.toMs - window.fromMs;
      const berths = placesOf(window.facts.berthIds, stays.keys());
      const occupiedMs = berths.map((b) => unionLengthMs(stays.get(b) ?? []));
      const berthed = endedCalls.filter((c) => c.ataBerthMs !== undefined);
      const atBerthMs = (c: EndedCall) => c.atdBerthMs - c.ataBerthMs!;
      const intense = endedCalls.filter((c) => c.liftSpanMs > 0);
      return [
        {
          id: 'berth.occupancy',
          scope: 'port',
          value: ratio(sum(occupiedMs), berths.length * windowMs),
        },
        ...berths.map((b, i) => ({
          id: 'berth.occupancy' as const,
          scope: scopeOf('berth', b),
          value: ratio(occupiedMs[i]!, windowMs),
        })),
        {
          id: 'anchorage.waiting_vessels',
          scope: 'port',
          value: [...end.calls.values()].filter(isWaiting).length,
        },
        { id: 'anchorage.waiting_time', scope: 'port', value: percentileSeconds(waitingMs, 0.5) },
        {
          id: 'call.port_hours',
          scope: 'port',
          value: percentileSeconds(
            endedCalls.map((c) => c.atdBerthMs - c.arrivalMs),
            0.5,
          ),
        },
        {
          id: 'call.port_to_berth_hours',
          scope: 'port',
          value: percentileSeconds(
            berthed.map((c) => c.ataBerthMs! - c.arrivalMs),
            0.5,
          ),
        },
        {
          id: 'call.at_berth_hours',
          scope: 'port',
          value: percentileSeconds(berthed.map(atBerthMs), 0.5),
        },
        {
          id: 'call.berth_productivity',
          scope: 'port',
          value: perHour(sum(berthed.map((c) => c.moves)), sum(berthed.map(atBerthMs))),
        },
        ...berthed.map((c) => ({
          id: 'call.berth_productivity' as const,
          scope: scopeOf('call', c.callId),
          value: perHour(c.moves, atBerthMs(c)),
        })),
        {
          id: 'call.crane_intensity',
          scope: 'port',
          value: ratio(
            sum(intense.map((c) => c.craneMsToLastLift)),
            sum(intense.map((c) => c.liftSpanMs)),
          ),
        },
        ...endedCalls.map((c) => ({
          id: 'call.crane_intensity' as const,
          scope: scopeOf('call', c.callId),
          value: ratio(c.craneMsToLastLift, c.liftSpanMs),
        })),
      ];
    },
  };
};
