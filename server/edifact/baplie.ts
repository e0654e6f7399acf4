// BAPLIE, the bay plan (SMDG BAPLIE 1.x/2.x on D.95B, tolerant of later versions) → the
// moves of the call at our port, as planned:
//
//   TDT+20     before the first LOC+147: voyage and vessel → callId (required; an invalid
//              IMO number is an error).
//   DTM        before the first LOC+147, the time the planned moves carry: DTM+132
//              (estimated arrival), else DTM+178 (actual arrival), else DTM+137 (document
//              date). The first present is used; an unreadable one is an error, never
//              skipped for the next. None at all is an error.
//   LOC+147    starts each stowage location (bay-row-tier); in it
//   LOC+9      port of loading and LOC+11 port of discharge, and
//   EQD+CN     the container(s) in the cell: number (ISO 6346; an invalid one is an error
//              naming it), size-type, full/empty and status (see equipment.ts). Where a
//              container's own group (EQD up to the next EQD) carries LOC+9/LOC+11, as in
//              BAPLIE 3, those win over the cell's.
//
// Each container with port of discharge = our port → ContainerEvent DISC, PLN; with port
// of loading = our port → LOAD, PLN (a departure plan sent from our port lists what was
// loaded here). Other containers (remaining on board, bound elsewhere) give no event but
// are counted. The message's `call` summary gives dischargeAtPort, loadAtPort and their
// sum plannedMoves; when the vessel's IMO number is known, the time came from DTM+132 and
// plannedMoves > 0, a PortCallEvent ETA-Berth carries plannedMoves too.
//
// Read and not mapped: the stowage cell itself (ContainerEvent has no field for it),
// weights (MEA), goods (GDS, FTX), dangerous goods (DGS), temperatures (TMP, RNG),
// operator (NAD), attached equipment (EQA). Any other segment is ignored.
import type { ContainerEvent, PortCallEvent } from '../../protocol/events.ts';
import { readDtm } from './edifact-time.ts';
import { isContainerEqd } from './equipment.ts';
import { edifactEventId, Outcome, readBgm, type MapContext } from './mapping.ts';
import { el, find, is, splitGroups, type Numbered } from './segment-access.ts';
import { readVesselCall, type VesselCall } from './vessel-call.ts';

const PLAN_TIMES: [qualifier: string, meaning: string][] = [
  ['132', 'estimated arrival'],
  ['178', 'actual arrival'],
  ['137', 'document date'],
];

function planTime(
  header: Numbered[],
  context: MapContext,
  outcome: Outcome,
): { iso: string; qualifier: string } | undefined {
  for (const [qualifier, meaning] of PLAN_TIMES) {
    const dtm = find(header, 'DTM', qualifier);
    if (!dtm) continue;
    const { time } = readDtm(dtm.segment, context.timeZone);
    if (time.ok) return { iso: time.iso, qualifier };
    outcome.error(dtm.number, `${meaning}: ${time.reason}`);
    return undefined;
  }
  outcome.error(
    2,
    'no DTM+132, DTM+178 or DTM+137 before the first stowage location: the plan has no time',
  );
  return undefined;
}

/** The port (LOC 3225) of a qualifier in a run of segments, or undefined. */
function portIn(items: Numbered[], qualifier: string): string | undefined {
  const loc = items.find((n) => is(n.segment, 'LOC', qualifier));
  return loc ? el(loc.segment, 1, 0) : undefined;
}

function portCallEvent(
  context: MapContext,
  call: VesselCall,
  plannedMoves: number,
  time: string,
): PortCallEvent | undefined {
  if (!call.imo || plannedMoves === 0) return undefined;
  return {
    type: 'port_call',
    eventId: edifactEventId(context, 'call', 'ETA-Berth.PLN'),
    time,
    callId: call.callId,
    timestamp: 'ETA-Berth',
    vesselImo: call.imo,
    ...(call.name ? { vesselName: call.name.slice(0, 120) } : {}),
    plannedMoves,
  };
}

export function mapBaplie(context: MapContext): Outcome {
  const { message, portLocode } = context;
  const outcome = new Outcome(message.reference);
  const { header, groups } = splitGroups(
    message,
    (s) => is(s, 'LOC', '147'),
    () => false,
  );
  readBgm(header, outcome);
  const tdt = find(header, 'TDT', '20');
  let call: VesselCall | undefined;
  if (!tdt)
    outcome.error(2, 'no TDT+20 before the first stowage location: the call cannot be identified');
  else {
    const reading = readVesselCall(tdt);
    for (const problem of reading.problems) outcome.error(tdt.number, problem);
    call = reading.call;
  }
  const time = planTime(header, context, outcome);
  for (const stray of header.filter(isContainerEqd)) {
    outcome.container(stray);
    outcome.error(
      stray.number,
      `container ${el(stray.segment, 1, 0)} is outside any stowage location (LOC+147)`,
    );
  }

  let dischargeAtPort = 0;
  let loadAtPort = 0;
  const planned: { event: ContainerEvent; segment: number }[] = [];
  for (const cell of groups) {
    const firstEqd = cell.findIndex((n) => n.segment.tag === 'EQD');
    const cellPart = firstEqd < 0 ? cell : cell.slice(0, firstEqd);
    cell.forEach((item, index) => {
      if (item.segment.tag !== 'EQD') return;
      if (!isContainerEqd(item)) {
        outcome.warn(item.number, `EQD+${el(item.segment, 0, 0)} is not a container: skipped`);
        return;
      }
      const next = cell.findIndex((n, i) => i > index && n.segment.tag === 'EQD');
      const own = cell.slice(index + 1, next < 0 ? undefined : next);
      const container = outcome.container(item);
      const loading = portIn(own, '9') ?? portIn(cellPart, '9');
      const discharge = portIn(own, '11') ?? portIn(cellPart, '11');
      if (discharge === undefined)
        outcome.warn(item.number, `${el(item.segment, 1, 0)} has no port of discharge (LOC+11)`);
      const codes: ('DISC' | 'LOAD')[] = [];
      if (discharge === portLocode) codes.push('DISC');
      if (loading === portLocode) codes.push('LOAD');
      if (codes.length === 2)
        outcome.error(
          item.number,
          `${el(item.segment, 1, 0)} is loaded and discharged at ${portLocode}`,
        );
      if (codes.includes('DISC')) dischargeAtPort += 1;
      if (codes.includes('LOAD')) loadAtPort += 1;
      if (!container || !call || !time) return;
      const { number, segment: _segment, ...details } = container;
      for (const code of codes)
        planned.push({
          segment: item.number,
          event: {
            type: 'container',
            eventId: edifactEventId(context, number, `${code}.PLN`),
            time: time.iso,
            eventTypeCode: code,
            eventClassifierCode: 'PLN',
            containerNumber: number,
            ...details,
            callId: call.callId,
          },
        });
    });
  }
  outcome.events.push(...planned);
  if (call) {
    const plannedMoves = dischargeAtPort + loadAtPort;
    outcome.call = {
      callId: call.callId,
      voyage: call.voyage,
      ...(call.imo ? { vesselImo: call.imo } : {}),
      ...(call.callSign ? { vesselCallSign: call.callSign } : {}),
      ...(call.name ? { vesselName: call.name } : {}),
      dischargeAtPort,
      loadAtPort,
      plannedMoves,
      ...(time ? { time: time.iso, timeSource: `DTM+${time.qualifier}` } : {}),
    };
    if (plannedMoves === 0)
      outcome.warn(1, `no container in this plan is loaded or discharged at ${portLocode}`);
    const event =
      time?.qualifier === '132' ? portCallEvent(context, call, plannedMoves, time.iso) : undefined;
    if (event && tdt) outcome.events.push({ event, segment: tdt.number });
  }
  return outcome;
}
