// The yard as the simulation finds it: not empty but stocked as a working terminal's
// is, with import boxes waiting for their consignees (customs released), transshipment
// boxes waiting for their next ship and empties, each with an age that fits its flow.
import type { CustomsOffice } from '../customs/customs-office.ts';
import type { SimContext } from '../engine/sim-context.ts';
import { CARRIERS } from '../identity/carriers.ts';
import type { IdentityFactory } from '../identity/identity-factory.ts';
import { blockKindFor, makeContainer, type Flow } from './container.ts';
import type { DailyFlows } from './flow-rates.ts';
import type { YardStorage } from './yard-storage.ts';

const DAY = 86_400_000;

export function stockYard(
  ctx: SimContext,
  storage: YardStorage,
  ids: IdentityFactory,
  customs: CustomsOffice,
  flows: DailyFlows,
): void {
  const rng = ctx.rng('warm-yard');
  const now = ctx.queue.nowMs;
  const dwell = ctx.config.cargo.importDwellDays;
  const stock: [Flow, number, number][] = [
    // flow, boxes, oldest (days): ages spread evenly, so the mean age is half the oldest
    ['import', flows.importsPerDay * dwell, 2 * dwell],
    ['transshipment', flows.transshipmentsPerDay * 3, 6],
    ['empty', flows.emptiesPerDay * 5, 10],
  ];
  for (const [flow, count, oldestDays] of stock)
    for (let i = 0; i < Math.round(count); i += 1) {
      const box = makeContainer(
        ids,
        rng.pick(CARRIERS),
        flow,
        ctx.config.cargo,
        rng,
        now - rng.between(0, oldestDays) * DAY,
      );
      if (flow === 'import') customs.openCase(box, 'released');
      const block = storage.chooseBlock(blockKindFor(box), rng);
      storage.place(box.number, 'new', storage.reserve(block.id, rng), box);
    }
}
