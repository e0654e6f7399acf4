// The vessel call of a message, from its main-carriage TDT (transport stage 20):
//   TDT+20+<8028 voyage>+<C220 mode>+<C228 means>+<C040 carrier>++<C401>
//      +<C222: 8213 vessel id : 1131 code list : 3055 agency : 8212 vessel name>
// In C222 the code list says what the id is: 146 = IMO (Lloyd's) number, 103 = call sign.
// An id of 7 digits (or IMO plus 7 digits) is read as an IMO number whatever the code list
// says. An IMO number with a wrong check digit is an error naming the number.
// callId = <vessel>:<voyage>, where <vessel> is IMO<number> when the IMO number is known,
// else the call sign (or whatever id C222 carries); characters an id may not hold
// (anything but letters, digits and . _ : -) become _. The same ship and voyage thus give
// the same callId in every COARRI and BAPLIE that names the ship the same way.
import { imoNumberProblem } from '../../protocol/identifiers.ts';
import { el, type Numbered } from './segment-access.ts';

export interface VesselCall {
  voyage: string;
  imo?: string;
  callSign?: string;
  /** The id C222 carries when it is neither an IMO number nor a call sign. */
  otherId?: string;
  name?: string;
  callId: string;
}

export interface VesselReading {
  call?: VesselCall;
  problems: string[];
}

const ENTITY_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** Reads a TDT+20 segment. */
export function readVesselCall(tdt: Numbered): VesselReading {
  const { segment } = tdt;
  const problems: string[] = [];
  const voyage = el(segment, 1, 0);
  const id = el(segment, 7, 0);
  const codeList = el(segment, 7, 1);
  const name = el(segment, 7, 3);
  if (!voyage) problems.push('TDT+20 has no voyage number (8028): the call cannot be identified');
  if (!id) problems.push('TDT+20 has no vessel id (C222 8213): the call cannot be identified');
  const call: Omit<VesselCall, 'callId'> = { voyage };
  if (name) call.name = name;
  const imoLike = /^(?:IMO)?(\d{7})$/i.exec(id);
  if (id && (codeList === '146' || imoLike)) {
    const imo = imoLike?.[1] ?? id;
    const problem = imoNumberProblem(imo);
    if (problem) problems.push(`invalid IMO number ${id}: ${problem}`);
    else call.imo = imo;
  } else if (id && codeList === '103') call.callSign = id;
  else if (id) call.otherId = id;
  if (problems.length > 0) return { problems };
  const vessel = call.imo ? `IMO${call.imo}` : (call.callSign ?? call.otherId!);
  const callId = `${vessel}:${voyage}`.replace(/[^A-Za-z0-9._:-]/g, '_');
  if (!ENTITY_ID.test(callId) || callId.length > 64)
    return { problems: [`vessel "${id}" and voyage "${voyage}" do not make a call id`] };
  return { call: { ...call, callId }, problems };
}
