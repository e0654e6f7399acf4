// The EDIFACT entry point: one interchange in, per message either its events or its
// errors out. Pure: no network, no database, no clock (the caller passes nowMs).
//
//   interpretInterchange(text, { portLocode, timeZone, nowMs }) → InterchangeResult
//
// Each message (UNH .. UNT) maps whole or not at all: a message with any error, syntax
// (UNT count or reference, bad tag, no UNT) or content (invalid container or IMO number,
// unreadable time, event the ingest validator would reject ...), yields no events, and
// every error names the message reference, the segment number in the message (UNH = 1)
// and the reason. Messages are independent: one in error does not stop the next, and
// interchange-level problems (no UNB or UNZ, a wrong UNZ count) are reported beside them
// without rejecting them. Message types other than COARRI, CODECO and BAPLIE are reported
// as not mapped (their invalid container numbers are called out too).
//
// Every event is checked with the server's own validator (validateEvent) at nowMs, so
// what is returned is what POST /api/v1/events would accept; `stored` holds the same
// events as the validator gives them (timeMs), ready for the batch writer. Event ids are
// edi:<UNB sender>:<UNB 0020>:<UNH 0062>:<container>:<code> (code DISC, LOAD, GTIN,
// GTOT for actuals, DISC.PLN, LOAD.PLN, ETA-Berth.PLN for the bay plan; hashed past 100
// characters): the same interchange sent twice gives the same ids, which the event store
// keeps once. Without UNB the sender and reference parts are empty.
import type { ContainerEvent, PortCallEvent, StoredEvent } from '../../protocol/events.ts';
import { validateEvent } from '../ingest/validate-event.ts';
import { mapBaplie } from './baplie.ts';
import { mapCoarri } from './coarri.ts';
import { mapCodeco } from './codeco.ts';
import { assertTimeZone } from './edifact-time.ts';
import { isContainerEqd } from './equipment.ts';
import { parseInterchange, type EdifactMessage, type InterchangeHeader } from './interchange.ts';
import { Outcome, type CallSummary, type MapContext } from './mapping.ts';
import { numbered } from './segment-access.ts';
import type { EdifactError, Separators } from './types.ts';

export interface InterpretOptions {
  /** Our port's UN/LOCODE (2 letters + 3 letters or digits 2-9), e.g. CNSHA. */
  portLocode: string;
  /** Our port's IANA time zone, e.g. Asia/Shanghai: the zone of times sent without one. */
  timeZone: string;
  /** The server's clock, for the ingest validator's "not in the future" rule. */
  nowMs: number;
}

export interface MessageResult {
  /** UNH 0062. */
  reference: string;
  /** UNH message type, e.g. COARRI, and its version as sent, e.g. D:95B:UN:ITG13. */
  type: string;
  version: string;
  /** Segments UNH .. UNT as found. */
  segments: number;
  /** The events, only when `errors` is empty; otherwise none. */
  events: (ContainerEvent | PortCallEvent)[];
  /** The same events as validateEvent gives them (time as timeMs): what the writer stores. */
  stored: StoredEvent[];
  errors: EdifactError[];
  /** Things left out that do not stop the message (an unknown size-type, a non-CN EQD). */
  warnings: EdifactError[];
  /** Every EQD+CN container number the mapper met, valid or not, in message order. */
  containers: string[];
  /** BAPLIE only: the call at our port as the plan describes it. */
  call?: CallSummary;
}

export interface InterchangeResult {
  /** Messages (UNH) found. */
  messages: number;
  header: InterchangeHeader | null;
  separators: Separators;
  results: MessageResult[];
  /** Problems of the interchange as a whole (`message` null, `segment` counted from UNB). */
  interchangeErrors: EdifactError[];
}

export const MAPPED_TYPES = ['COARRI', 'CODECO', 'BAPLIE'] as const;
const MAPPERS: Record<string, (context: MapContext) => Outcome> = {
  COARRI: mapCoarri,
  CODECO: mapCodeco,
  BAPLIE: mapBaplie,
};
const LOCODE = /^[A-Z]{2}[A-Z2-9]{3}$/;

/** An unmapped type: reported as such, with its invalid container numbers called out. */
function notMapped(message: EdifactMessage): Outcome {
  const outcome = new Outcome(message.reference);
  outcome.error(
    1,
    `message type ${message.type || '(none)'} is not mapped (Quayside maps ${MAPPED_TYPES.join(', ')})`,
  );
  for (const item of numbered(message))
    if (isContainerEqd(item)) outcome.container(item, { unique: false });
  return outcome;
}

function interpretMessage(
  message: EdifactMessage,
  header: InterchangeHeader | null,
  options: InterpretOptions,
): MessageResult {
  const context: MapContext = {
    message,
    sender: header?.sender ?? '',
    interchangeReference: header?.reference ?? '',
    portLocode: options.portLocode,
    timeZone: options.timeZone,
  };
  const mapper = MAPPERS[message.type];
  const outcome = mapper ? mapper(context) : notMapped(message);
  const errors = [...message.errors, ...outcome.errors];
  const events: (ContainerEvent | PortCallEvent)[] = [];
  const stored: StoredEvent[] = [];
  for (const { event, segment } of outcome.events) {
    const verdict = validateEvent(event, options.nowMs);
    if (verdict.ok) {
      events.push(event);
      stored.push(verdict.value);
    } else
      errors.push({
        message: message.reference,
        segment,
        reason: `${'containerNumber' in event ? event.containerNumber : event.callId}: ${verdict.reason}`,
      });
  }
  errors.sort((a, b) => a.segment - b.segment);
  return {
    reference: message.reference,
    type: message.type,
    version: [message.version, message.release, message.agency, message.association]
      .filter(Boolean)
      .join(':'),
    segments: message.segments.length,
    events: errors.length === 0 ? events : [],
    stored: errors.length === 0 ? stored : [],
    errors,
    warnings: outcome.warnings,
    containers: outcome.containers,
    ...(outcome.call ? { call: outcome.call } : {}),
  };
}

/**
 * Interprets one interchange. Throws (RangeError) only for bad options: a port code that
 * is not a UN/LOCODE or a time zone the runtime does not know; never for bad input.
 */
export function interpretInterchange(text: string, options: InterpretOptions): InterchangeResult {
  if (!LOCODE.test(options.portLocode))
    throw new RangeError(`portLocode "${options.portLocode}" is not a UN/LOCODE`);
  assertTimeZone(options.timeZone);
  if (!Number.isFinite(options.nowMs)) throw new RangeError('nowMs must be a finite number');
  const interchange = parseInterchange(text);
  return {
    messages: interchange.messages.length,
    header: interchange.header,
    separators: interchange.separators,
    results: interchange.messages.map((m) => interpretMessage(m, interchange.header, options)),
    interchangeErrors: interchange.errors,
  };
}

/** The body of the POST /api/v1/edifact reply: counts, and every error in one list. */
export interface EdifactReply {
  messages: number;
  /** Events of the messages without errors (what the route stores). */
  events: number;
  errors: EdifactError[];
}

export function edifactReply(result: InterchangeResult): EdifactReply {
  return {
    messages: result.messages,
    events: result.results.reduce((sum, r) => sum + r.events.length, 0),
    errors: [...result.interchangeErrors, ...result.results.flatMap((r) => r.errors)],
  };
}

/** All events of an interpreted interchange, in message order. */
export const eventsOf = (result: InterchangeResult) => result.results.flatMap((r) => r.events);

/** All validated events, ready for the batch writer (WriteBatch.events), in message order. */
export const storedEventsOf = (result: InterchangeResult) =>
  result.results.flatMap((r) => r.stored);
