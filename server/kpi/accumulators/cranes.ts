// Quay crane rates. A crane is allocated to a call while its state events carry the
// call's id; moves are the discharges and loads (hatch covers and restows are not
// reported as container events, so they are not counted). Gross: moves ÷ allocated
// hours. Net: moves ÷ (allocated − fault and waiting while allocated) hours. All within
// the window, per crane, per call and for the port.
import type { StoredEvent } from '../../../protocol/events.ts';
import { inWindowMs, scopeOf, type AccumulatorFactory } from '../accumulator.ts';
import type { EquipmentStatus, PortState } from '../port-state.ts';
import { perHour } from '../statistics.ts';

interface Totals {
  moves: number;
  allocatedMs: number;
  delayMs: number;
}

const isDelay = (status: EquipmentStatus) => status.state === 'fault' || status.state === 'waiting';

export const cranes: AccumulatorFactory = (window) => {
  const port: Totals = { moves: 0, allocatedMs: 0, delayMs: 0 };
  const byScope = new Map<string, Totals>();
  const of = (scope: string) => {
    let totals = byScope.get(scope);
    if (!totals) byScope.set(scope, (totals = { moves: 0, allocatedMs: 0, delayMs: 0 }));
    return totals;
  };

  const allocated = (craneId: string, status: EquipmentStatus, untilMs: number) => {
    if (status.kind !== 'sts' || status.callId === undefined) return;
    const ms = inWindowMs(window, status.sinceMs, untilMs);
    for (const totals of [
      port,
      of(scopeOf('crane', craneId)),
      of(scopeOf('call', status.callId)),
    ]) {
      totals.allocatedMs += ms;
      if (isDelay(status)) totals.delayMs += ms;
    }
  };

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type === 'container') {
        if (event.eventTypeCode !== 'DISC' && event.eventTypeCode !== 'LOAD') return;
        port.moves += 1;
        if (event.equipmentId !== undefined) of(scopeOf('crane', event.equipmentId)).moves += 1;
        if (event.callId !== undefined) of(scopeOf('call', event.callId)).moves += 1;
      } else if (event.type === 'equipment_state') {
        const status = before.equipment.get(event.equipmentId);
        if (status) allocated(event.equipmentId, status, event.timeMs);
      }
    },
    finish(end: PortState) {
      for (const [id, status] of end.equipment) allocated(id, status, window.toMs);
      return [['port', port] as const, ...byScope].flatMap(([scope, t]) => [
        { id: 'crane.gross_rate' as const, scope, value: perHour(t.moves, t.allocatedMs) },
        {
          id: 'crane.net_rate' as const,
          scope,
          value: perHour(t.moves, t.allocatedMs - t.delayMs),
        },
      ]);
    },
  };
};
