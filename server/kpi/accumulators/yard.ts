// The yard. Utilisation: TEU standing in a block at the end of the window ÷ its capacity
// (boxes in blocks the model does not know are left out). Dwell: from the first DROP
// after a box arrived to its last PICK, counted when the box leaves the terminal (GTOT or
// LOAD) in the window, so rehandles and trips to inspection do not cut a stay in two;
// boxes still in the terminal are excluded. By flow, median and P90.
import { CONTAINER_FLOWS, type StoredEvent } from '../../../protocol/events.ts';
import { scopeOf, type AccumulatorFactory, type KpiResult } from '../accumulator.ts';
import type { ContainerFlow, PortState } from '../port-state.ts';
import { addTo, percentileSeconds, ratio, sum } from '../statistics.ts';

/** ISO 6346 size code, first character: 2 = 20 ft, 4 and L (45 ft) = 40 ft and more. */
export function teuOf(isoCode: string | undefined): number {
  const length = isoCode?.[0];
  return length === '4' || length === 'L' ? 2 : 1;
}

export const yard: AccumulatorFactory = (window) => {
  const dwellMs: { flow?: ContainerFlow; ms: number }[] = [];

  const dwell = (id: 'yard.dwell_median' | 'yard.dwell_p90', p: number): KpiResult[] => [
    {
      id,
      scope: 'port',
      value: percentileSeconds(
        dwellMs.map((d) => d.ms),
        p,
      ),
    },
    ...CONTAINER_FLOWS.map((flow) => ({
      id,
      scope: scopeOf('flow', flow),
      value: percentileSeconds(
        dwellMs.filter((d) => d.flow === flow).map((d) => d.ms),
        p,
      ),
    })),
  ];

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'container') return;
      if (event.eventTypeCode !== 'GTOT' && event.eventTypeCode !== 'LOAD') return;
      const box = before.boxes.get(event.containerNumber);
      if (!box || box.inYard || box.yardInMs === undefined || box.yardOutMs === undefined) return;
      const flow = event.flow ?? box.flow;
      dwellMs.push({ ...(flow ? { flow } : {}), ms: box.yardOutMs - box.yardInMs });
    },
    finish(end: PortState) {
      const teu = new Map<string, number>();
      for (const box of end.boxes.values())
        if (box.inYard && box.blockId !== undefined) addTo(teu, box.blockId, teuOf(box.isoCode));
      const blocks = window.facts.blocks;
      return [
        {
          id: 'yard.utilisation',
          scope: 'port',
          value: ratio(
            sum(blocks.map((b) => teu.get(b.id) ?? 0)),
            sum(blocks.map((b) => b.capacityTeu)),
          ),
        },
        ...blocks.map((b) => ({
          id: 'yard.utilisation' as const,
          scope: scopeOf('block', b.id),
          value: ratio(teu.get(b.id) ?? 0, b.capacityTeu),
        })),
        ...dwell('yard.dwell_median', 0.5),
        ...dwell('yard.dwell_p90', 0.9),
      ];
    },
  };
};
