// COARRI, the terminal's discharge/loading report (SMDG COARRI on D.95B, D.00B and later;
// the version in UNH is not checked) → one ContainerEvent per container, ACT:
//
//   BGM 1001   44 or 98 = discharge report → DISC;  46 or 270 = loading report → LOAD.
//              Any other report (shifting, restow, ...) is an error: not mapped.
//   TDT+20     before the first EQD: voyage and vessel → callId (required; see
//              vessel-call.ts). An invalid IMO number is an error.
//   LOC+11     (discharge) or LOC+9 (load) before the first EQD: the port of the moves.
//              When given it must be our port, else the message is an error. Its related
//              location (C519), when a berth (1131 = BER), is the events' facilityId.
//   EQD+CN     each container: number (ISO 6346; an invalid one is an error naming it),
//              size-type, full/empty and status (see equipment.ts). Its group runs to the
//              next EQD and holds
//   DTM+203    the move's time (DTM+7 accepted when there is no 203); required.
//   CNT+16     when present, the number of EQD in the message (an error if it differs).
//
// Read and not mapped: LOC+147 stowage cell (ContainerEvent has no field for it), MEA,
// SEL, FTX, DGS, RFF, NAD, TMD, on-carriage TDT. Any other segment is ignored. EQD other
// than CN (trailers, break bulk) is skipped with a warning.
import type { ContainerEvent } from '../../protocol/events.ts';
import { isContainerEqd } from './equipment.ts';
import {
  berthOf,
  checkEquipmentCount,
  edifactEventId,
  moveTime,
  Outcome,
  readBgm,
  type MapContext,
} from './mapping.ts';
import { el, find, splitGroups } from './segment-access.ts';
import { readVesselCall } from './vessel-call.ts';

const DIRECTION: Record<string, 'DISC' | 'LOAD'> = {
  '44': 'DISC',
  '98': 'DISC',
  '46': 'LOAD',
  '270': 'LOAD',
};

export function mapCoarri(context: MapContext): Outcome {
  const { message, portLocode } = context;
  const outcome = new Outcome(message.reference);
  const { header, groups, trailer } = splitGroups(message, (s) => s.tag === 'EQD');
  const bgm = readBgm(header, outcome);
  const code = bgm ? DIRECTION[bgm.code] : undefined;
  if (bgm && !code)
    outcome.error(
      bgm.segment,
      `BGM document code "${bgm.code}" is not a discharge (44, 98) or loading (46, 270) report: not mapped`,
    );

  const tdt = find(header, 'TDT', '20');
  let callId: string | undefined;
  if (!tdt)
    outcome.error(2, 'no TDT+20 main carriage before the first EQD: the call cannot be identified');
  else {
    const reading = readVesselCall(tdt);
    for (const problem of reading.problems) outcome.error(tdt.number, problem);
    callId = reading.call?.callId;
  }

  const portLoc = code ? find(header, 'LOC', code === 'DISC' ? '11' : '9') : undefined;
  if (portLoc && el(portLoc.segment, 1, 0) !== portLocode)
    outcome.error(
      portLoc.number,
      `the moves are reported at ${el(portLoc.segment, 1, 0) || '(no port)'}, not at our port ${portLocode}`,
    );
  const facilityId = berthOf(portLoc);

  for (const group of groups) {
    const eqd = group[0]!;
    if (!isContainerEqd(eqd)) {
      outcome.warn(eqd.number, `EQD+${el(eqd.segment, 0, 0)} is not a container: skipped`);
      continue;
    }
    const container = outcome.container(eqd);
    const time = moveTime(group, context, outcome, ['203', '7']);
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
      ...(callId ? { callId } : {}),
      ...(facilityId ? { facilityId } : {}),
    };
    outcome.events.push({ event, segment: eqd.number });
  }
  checkEquipmentCount(trailer, groups, outcome);
  return outcome;
}
