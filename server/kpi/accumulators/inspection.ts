// Customs inspection lanes. Throughput: inspections completed per hour of the window.
// Queue: boxes queued and not yet started at the end of the window. Wait: start − queue
// entry for inspections started in the window (one started without a queue entry has no
// wait). Per lane and for the port.
import type { StoredEvent } from '../../../protocol/events.ts';
import { placesOf, scopeOf, type AccumulatorFactory, type KpiResult } from '../accumulator.ts';
import { inspectionKey, type PortState } from '../port-state.ts';
import { addTo, percentileSeconds, perHour, sum } from '../statistics.ts';

export const inspection: AccumulatorFactory = (window) => {
  const completed = new Map<string, number>();
  const waits: { laneId: string; ms: number }[] = [];

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'inspection') return;
      if (event.phase === 'completed') addTo(completed, event.laneId, 1);
      if (event.phase !== 'started') return;
      const entry = before.inspections.get(inspectionKey(event.laneId, event.containerNumber));
      if (entry?.queuedMs !== undefined && entry.startedMs === undefined)
        waits.push({ laneId: event.laneId, ms: event.timeMs - entry.queuedMs });
    },
    finish(end: PortState) {
      const queued = new Map<string, number>();
      for (const entry of end.inspections.values())
        if (entry.startedMs === undefined) addTo(queued, entry.laneId, 1);
      const windowMs = window.toMs - window.fromMs;
      const lanes = placesOf(window.facts.inspectionLaneIds, [
        ...completed.keys(),
        ...queued.keys(),
        ...waits.map((w) => w.laneId),
      ]);
      const values = (scope: string, count: number, inQueue: number, ms: number[]): KpiResult[] => [
        { id: 'inspection.throughput', scope, value: perHour(count, windowMs) },
        { id: 'inspection.queue', scope, value: inQueue },
        { id: 'inspection.wait', scope, value: percentileSeconds(ms, 0.5) },
      ];
      return [
        ...values(
          'port',
          sum(completed.values()),
          sum(queued.values()),
          waits.map((w) => w.ms),
        ),
        ...lanes.flatMap((lane) =>
          values(
            scopeOf('lane', lane),
            completed.get(lane) ?? 0,
            queued.get(lane) ?? 0,
            waits.filter((w) => w.laneId === lane).map((w) => w.ms),
          ),
        ),
      ];
    },
  };
};
