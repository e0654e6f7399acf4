// The gate. Turn time: out-gate completion − in-gate completion of one truck visit (TIC
// 4.0; or − joining the in-gate queue, by the port's choice), for visits that left in
// the window (the start may lie before it); a visit whose start was never reported is
// left out. Throughput: completed lane transactions, in and out
// lanes alike, per hour of the window.
import type { StoredEvent } from '../../../protocol/events.ts';
import { placesOf, scopeOf, type AccumulatorFactory } from '../accumulator.ts';
import type { PortState } from '../port-state.ts';
import { addTo, percentileSeconds, perHour, sum } from '../statistics.ts';

export const gate: AccumulatorFactory = (window) => {
  const turnMs: number[] = [];
  const completed = new Map<string, number>();
  const fromArrival = window.facts.choices.truckTurnTimeFrom === 'gate_arrival';

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'gate' || event.phase !== 'completed') return;
      addTo(completed, event.laneId, 1);
      if (event.direction !== 'out') return;
      const visit = before.visits.get(event.visitId);
      const startMs = fromArrival ? visit?.arrivedMs : visit?.inGateMs;
      if (startMs !== undefined) turnMs.push(event.timeMs - startMs);
    },
    finish() {
      const windowMs = window.toMs - window.fromMs;
      const lanes = placesOf(window.facts.gateLaneIds, completed.keys());
      return [
        { id: 'gate.turn_time_median', scope: 'port', value: percentileSeconds(turnMs, 0.5) },
        { id: 'gate.turn_time_p90', scope: 'port', value: percentileSeconds(turnMs, 0.9) },
        { id: 'gate.throughput', scope: 'port', value: perHour(sum(completed.values()), windowMs) },
        ...lanes.map((lane) => ({
          id: 'gate.throughput' as const,
          scope: scopeOf('lane', lane),
          value: perHour(completed.get(lane) ?? 0, windowMs),
        })),
      ];
    },
  };
};
