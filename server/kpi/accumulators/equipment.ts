// Equipment by kind, from the state timeline each machine reports. Utilisation: time
// working or travelling ÷ time not in fault. Availability: time not in fault ÷ time
// observed (from the machine's first state event, or the window's start).
import { EQUIPMENT_KINDS, type EquipmentKind } from '../../../protocol/equipment.ts';
import type { StoredEvent } from '../../../protocol/events.ts';
import { inWindowMs, scopeOf, type AccumulatorFactory, type KpiResult } from '../accumulator.ts';
import type { EquipmentStatus, PortState } from '../port-state.ts';
import { ratio } from '../statistics.ts';

interface Times {
  observedMs: number;
  faultMs: number;
  busyMs: number;
}

const BUSY = new Set<EquipmentStatus['state']>([
  'working',
  'travelling_empty',
  'travelling_loaded',
]);

export const equipment: AccumulatorFactory = (window) => {
  const port: Times = { observedMs: 0, faultMs: 0, busyMs: 0 };
  const byKind = new Map<EquipmentKind, Times>(
    EQUIPMENT_KINDS.map((kind) => [kind, { observedMs: 0, faultMs: 0, busyMs: 0 }]),
  );

  const spent = (status: EquipmentStatus, untilMs: number) => {
    const ms = inWindowMs(window, status.sinceMs, untilMs);
    for (const times of [port, byKind.get(status.kind)!]) {
      times.observedMs += ms;
      if (status.state === 'fault') times.faultMs += ms;
      if (BUSY.has(status.state)) times.busyMs += ms;
    }
  };

  const values = (scope: string, t: Times): KpiResult[] => [
    { id: 'equipment.utilisation', scope, value: ratio(t.busyMs, t.observedMs - t.faultMs) },
    {
      id: 'equipment.availability',
      scope,
      value: ratio(t.observedMs - t.faultMs, t.observedMs),
    },
  ];

  return {
    observe(event: StoredEvent, before: PortState) {
      if (event.type !== 'equipment_state') return;
      const status = before.equipment.get(event.equipmentId);
      if (status) spent(status, event.timeMs);
    },
    finish(end: PortState) {
      for (const status of end.equipment.values()) spent(status, window.toMs);
      return [
        ...values('port', port),
        ...[...byKind].flatMap(([kind, t]) => values(scopeOf('kind', kind), t)),
      ];
    },
  };
};
