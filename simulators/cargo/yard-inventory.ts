// The yard's books at the moment output starts: every box standing in a block, as the
// DROP that put it there (at the time it entered the yard), and each import box's
// customs status. A terminal operating system hands a new consumer the same inventory;
// without it a server starting from nothing would see an empty yard, and every box
// collected from it would look like a direct delivery.
import type { NewEvent } from '../engine/event-sink.ts';
import type { ContainerRegistry } from './container-registry.ts';

export function yardInventory(registry: ContainerRegistry): NewEvent[] {
  const events: NewEvent[] = [];
  for (const box of registry.all()) {
    const location = registry.where(box.number);
    if (location.at !== 'slot') continue;
    events.push({
      type: 'container',
      time: Math.round(box.sinceMs),
      eventTypeCode: 'DROP',
      eventClassifierCode: 'ACT',
      containerNumber: box.number,
      isoEquipmentCode: box.isoCode,
      emptyIndicatorCode: box.flow === 'empty' ? 'EMPTY' : 'LADEN',
      flow: box.flow,
      facilityId: location.blockId,
    });
    if (box.customs)
      events.push({
        type: 'customs',
        time: Math.round(box.sinceMs),
        declarationId: box.customs.declarationId,
        containerNumber: box.number,
        status: box.customs.status === 'pending' ? 'declared' : box.customs.status,
        channel: box.customs.channel,
        aeo: box.customs.aeo,
      });
  }
  return events;
}
