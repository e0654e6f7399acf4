// Direct pickup and direct loading: boxes that went between ship and truck without
// standing in the yard. Pickup: import boxes gated out in the window that were discharged
// on record and never dropped in the yard since ÷ all import boxes gated out whose
// history is on record (discharged, or standing in the yard, as a yard inventory says).
// Loading: the same for export boxes loaded, gated in on record. A box of unknown
// history is left out of both sides: it might have come either way.
import type { StoredEvent } from '../../../protocol/events.ts';
import type { AccumulatorFactory } from '../accumulator.ts';
import type { BoxStatus, ContainerFlow, PortState } from '../port-state.ts';
import { ratio } from '../statistics.ts';

const SHARES = {
  GTOT: { id: 'flow.direct_pickup_share', flow: 'import', arrivedBy: 'DISC' },
  LOAD: { id: 'flow.direct_loading_share', flow: 'export', arrivedBy: 'GTIN' },
} as const satisfies Record<
  string,
  { id: string; flow: ContainerFlow; arrivedBy: NonNullable<BoxStatus['arrival']>['by'] }
>;

export const directFlows: AccumulatorFactory = () => {
  const counts = { GTOT: { direct: 0, all: 0 }, LOAD: { direct: 0, all: 0 } };

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'container') return;
      if (event.eventTypeCode !== 'GTOT' && event.eventTypeCode !== 'LOAD') return;
      const share = SHARES[event.eventTypeCode];
      const box = before.boxes.get(event.containerNumber);
      if (!box || (event.flow ?? box.flow) !== share.flow) return;
      const arrivedOnRecord = box.arrival?.by === share.arrivedBy;
      const stoodInYard = box.yardInMs !== undefined;
      if (!arrivedOnRecord && !stoodInYard) return;
      const count = counts[event.eventTypeCode];
      count.all += 1;
      if (!stoodInYard) count.direct += 1;
    },
    finish() {
      return (['GTOT', 'LOAD'] as const).map((code) => ({
        id: SHARES[code].id,
        scope: 'port',
        value: ratio(counts[code].direct, counts[code].all),
      }));
    },
  };
};
