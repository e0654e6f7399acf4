// Direct pickup and direct loading: boxes that went between ship and truck without
// standing in the yard. Pickup: import boxes gated out in the window that were discharged
// on record and never dropped in the yard since ÷ all such import boxes gated out.
// Loading: export boxes loaded in the window that were gated in on record and never
// dropped since ÷ all such export boxes loaded. Boxes whose arrival predates the record
// are left out of both sides.
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
      if (box?.arrival?.by !== share.arrivedBy || (event.flow ?? box.flow) !== share.flow) return;
      const count = counts[event.eventTypeCode];
      count.all += 1;
      if (box.yardInMs === undefined) count.direct += 1;
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
