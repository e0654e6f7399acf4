// Customs clearance time (WCO Time Release Study): release − arrival of the goods, where
// arrival is the discharge. Release is the first customs "released" or CUSR after it;
// boxes that came in through the gate, or were released before they were discharged,
// are not counted. By the risk channel of the release (or the box's last known channel).
import type { StoredEvent } from '../../../protocol/events.ts';
import { scopeOf, type AccumulatorFactory } from '../accumulator.ts';
import type { PortState, RiskChannel } from '../port-state.ts';
import { percentileSeconds } from '../statistics.ts';

const CHANNELS: readonly RiskChannel[] = ['green', 'yellow', 'red'];

function releasedBox(event: StoredEvent): string | undefined {
  if (event.type === 'customs' && event.status === 'released') return event.containerNumber;
  if (event.type === 'container' && event.eventTypeCode === 'CUSR') return event.containerNumber;
  return undefined;
}

export const customs: AccumulatorFactory = () => {
  const clearances: { channel?: RiskChannel; ms: number }[] = [];

  return {
    observe(event: StoredEvent, before: PortState) {
      const number = releasedBox(event);
      const box = number === undefined ? undefined : before.boxes.get(number);
      if (!box || box.customsReleased || box.arrival?.by !== 'DISC') return;
      const channel = event.type === 'customs' ? event.channel : box.customsChannel;
      clearances.push({ ...(channel ? { channel } : {}), ms: event.timeMs - box.arrival.atMs });
    },
    finish() {
      return [
        {
          id: 'customs.clearance_time',
          scope: 'port',
          value: percentileSeconds(
            clearances.map((c) => c.ms),
            0.5,
          ),
        },
        ...CHANNELS.map((channel) => ({
          id: 'customs.clearance_time' as const,
          scope: scopeOf('channel', channel),
          value: percentileSeconds(
            clearances.filter((c) => c.channel === channel).map((c) => c.ms),
            0.5,
          ),
        })),
      ];
    },
  };
};
