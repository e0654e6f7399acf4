// The DCSA equipment event of a container move, with the box's own size-type, laden or
// empty and flow, so every container event describes the box fully.
import type { ContainerEventCode } from '../../protocol/events.ts';
import type { SimContext } from '../engine/sim-context.ts';

export function emitContainerEvent(
  ctx: SimContext,
  code: ContainerEventCode,
  number: string,
  where: { facilityId?: string; equipmentId?: string; callId?: string },
): void {
  const container = ctx.registry.get(number);
  ctx.events.emit({
    type: 'container',
    time: ctx.queue.nowMs,
    eventTypeCode: code,
    eventClassifierCode: 'ACT',
    containerNumber: number,
    isoEquipmentCode: container.isoCode,
    emptyIndicatorCode: container.flow === 'empty' ? 'EMPTY' : 'LADEN',
    flow: container.flow,
    ...where,
  });
}
