// CODECO, the terminal's gate-in/gate-out report (SMDG CODECO on D.95B, D.00B and later)
// → one ContainerEvent per container, ACT:
//
//   BGM 1001   34 = gate-in report → GTIN;  36 = gate-out report → GTOT. Any other code
//              is an error: not mapped.
//   EQD+CN     each container: number (ISO 6346; an invalid one is an error naming it),
//              size-type, full/empty and status (see equipment.ts). Its group runs to the
//              next EQD and holds
//   DTM+7      the gate move's time (DTM+203 accepted when there is no 7); required.
//   TDT        the inland carriage in the group (stage 1 or 30; mode 3 road, 2 rail, 8
//              inland water): its vehicle id (C222 8213), the truck plate or wagon, is the
//              event's equipmentId when it fits an id (letters, digits . _ : -, at most
//              64); otherwise it is left out with a warning.
//   CNT+16     when present, the number of EQD in the message (an error if it differs).
//
// Read and not mapped: the vessel TDT+20 (a gate move belongs to no vessel call), LOC
// (a terminal code is not a gate lane of our port model), RFF, NAD, SEL, MEA, DAM, FTX.
// Any other segment is ignored. EQD other than CN is skipped with a warning.
import type { ContainerEvent } from '../../protocol/events.ts';
import { isContainerEqd } from './equipment.ts';
import {
  checkEquipmentCount,
  edifactEventId,
  moveTime,
  Outcome,
  readBgm,
  type MapContext,
} from './mapping.ts';
import { el, splitGroups, type Numbered } from './segment-access.ts';

const DIRECTION: Record<string, 'GTIN' | 'GTOT'> = { '34': 'GTIN', '36': 'GTOT' };
const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function vehicleOf(group: Numbered[], outcome: Outcome): string | undefined {
  const tdt = group.find(
    (n) => n.segment.tag === 'TDT' && ['1', '30'].includes(el(n.segment, 0, 0)),
  );
  const id = tdt ? el(tdt.segment, 7, 0) : '';
  if (!id) return undefined;
  if (ENTITY_ID.test(id)) return id;
  outcome.warn(tdt!.number, `vehicle id "${id}" does not fit an equipment id: left out`);
  return undefined;
}

export function mapCodeco(context: MapContext): Outcome {
  const { message } = context;
  const outcome = new Outcome(message.reference);
  const { header, groups, trailer } = splitGroups(message, (s) => s.tag === 'EQD');
  const bgm = readBgm(header, outcome);
  const code = bgm ? DIRECTION[bgm.code] : undefined;
  if (bgm && !code)
    outcome.error(
      bgm.segment,
      `BGM document code "${bgm.code}" is not a gate-in (34) or gate-out (36) report: not mapped`,
    );

  for (const group of groups) {
    const eqd = group[0]!;
    if (!isContainerEqd(eqd)) {
      outcome.warn(eqd.number, `EQD+${el(eqd.segment, 0, 0)} is not a container: skipped`);
      continue;
    }
    const container = outcome.container(eqd);
    const time = moveTime(group, context, outcome, ['7', '203']);
    const equipmentId = vehicleOf(group, outcome);
    if (!container || !time || !code) continue;
    const { number, segment: _segment, ...details } = container;
    const event: ContainerEvent = {
      type: 'container',
      eventId: edifactEventId(context, number, code),
      time,
      eventTypeCode: code,
      eventClassifierCode: 'ACT',
      containerNumber: number,
      ...details,
      ...(equipmentId ? { equipmentId } : {}),
    };
    outcome.events.push({ event, segment: eqd.number });
  }
  checkEquipmentCount(trailer, groups, outcome);
  return outcome;
}
