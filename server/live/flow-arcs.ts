// Where boxes went in the recent window: each leg of a box's way through the terminal
// (quay to yard, gate to yard, yard to quay, yard to gate, yard to yard) as an arc from
// one place to another, counted. A leg starts where a box was taken (DISC at a berth,
// GTIN at a lane, PICK at a block) and ends where it was put (DROP, LOAD, GTOT).
import type { ContainerEvent, StoredEvent } from '../../protocol/events.ts';
import type { ContainerFlowArc } from '../../protocol/operations.ts';

const STARTS = new Set<ContainerEvent['eventTypeCode']>(['DISC', 'GTIN', 'PICK']);
const ENDS = new Set<ContainerEvent['eventTypeCode']>(['DROP', 'LOAD', 'GTOT']);

/**
 * The legs that ended in [fromMs, toMs), from events in time order that begin early
 * enough to hold the starts of those legs.
 */
export function flowArcs(
  events: readonly StoredEvent[],
  fromMs: number,
  toMs: number,
): ContainerFlowArc[] {
  const takenAt = new Map<string, string>();
  const counts = new Map<string, ContainerFlowArc>();
  for (const event of events) {
    if (event.type !== 'container' || event.timeMs >= toMs) continue;
    const { containerNumber: box, eventTypeCode: code, facilityId: place } = event;
    if (STARTS.has(code)) {
      if (place === undefined) takenAt.delete(box);
      else takenAt.set(box, place);
    } else if (ENDS.has(code)) {
      const from = takenAt.get(box);
      takenAt.delete(box);
      if (from === undefined || place === undefined || from === place || event.timeMs < fromMs)
        continue;
      const key = `${from}>${place}`;
      const arc = counts.get(key) ?? { fromId: from, toId: place, boxes: 0 };
      arc.boxes += 1;
      counts.set(key, arc);
    }
  }
  return [...counts.values()].sort((a, b) => b.boxes - a.boxes);
}
