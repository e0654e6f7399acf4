// The structure of an interchange: UNB .. UNZ around messages UNH .. UNT, optionally in
// functional groups UNG .. UNE. Checks what the service segments promise:
// - UNT 0074 (segments in the message, UNH and UNT included) against the real count, and
//   UNT 0062 against UNH 0062: a message failing either is in error (so it maps to nothing);
// - UNE and UNZ control counts and references against what was found;
// - message references unique within the interchange (they key the event ids).
// Problems of the interchange as a whole (no UNB, no UNZ, wrong UNZ count, segments
// outside messages) are interchange errors; they do not stop the messages, each of which
// stands or falls on its own.
import { el } from './segment-access.ts';
import { tokenize } from './tokenizer.ts';
import type { EdifactError, Segment, Separators } from './types.ts';

export interface InterchangeHeader {
  /** Syntax identifier (UNOA, UNOB, UNOC ...) and syntax version number. */
  syntax: string;
  syntaxVersion: string;
  sender: string;
  recipient: string;
  /** Date and time of preparation as sent (YYMMDD or CCYYMMDD, HHMM). */
  preparedDate: string;
  preparedTime: string;
  /** Interchange control reference (0020). */
  reference: string;
}

export interface EdifactMessage {
  /** Message reference number (UNH 0062). */
  reference: string;
  /** Message type (UNH S009 0065), e.g. COARRI. */
  type: string;
  /** Version, release, agency and association code, e.g. D, 95B, UN, SMDG20. */
  version: string;
  release: string;
  agency: string;
  association: string;
  /** UNH .. UNT as found; the segment number within the message is the index + 1. */
  segments: Segment[];
  /** Syntax problems of this message (UNT count or reference, no UNT, bad tags ...). */
  errors: EdifactError[];
  /** Position of UNH in the interchange. */
  position: number;
}

export interface Interchange {
  separators: Separators;
  una: boolean;
  header: InterchangeHeader | null;
  messages: EdifactMessage[];
  errors: EdifactError[];
  /** Segments in the whole interchange (UNA not counted). */
  segmentCount: number;
}

const SYNTAX_IDS = /^UNO[A-Z]$/;

function readHeader(unb: Segment): InterchangeHeader {
  return {
    syntax: el(unb, 0, 0),
    syntaxVersion: el(unb, 0, 1),
    sender: el(unb, 1, 0),
    recipient: el(unb, 2, 0),
    preparedDate: el(unb, 3, 0),
    preparedTime: el(unb, 3, 1),
    reference: el(unb, 4, 0),
  };
}

function openMessage(unh: Segment): EdifactMessage {
  return {
    reference: el(unh, 0, 0),
    type: el(unh, 1, 0),
    version: el(unh, 1, 1),
    release: el(unh, 1, 2),
    agency: el(unh, 1, 3),
    association: el(unh, 1, 4),
    segments: [unh],
    errors: [],
    position: unh.position,
  };
}

function checkTrailer(message: EdifactMessage, unt: Segment): void {
  const number = message.segments.length; // UNT is already in
  const declared = el(unt, 0, 0);
  const reference = el(unt, 1, 0);
  if (!/^\d+$/.test(declared))
    message.errors.push({
      message: message.reference,
      segment: number,
      reason: `UNT segment count "${declared}" is not a number`,
    });
  else if (Number(declared) !== number)
    message.errors.push({
      message: message.reference,
      segment: number,
      reason: `UNT says ${Number(declared)} segments, the message has ${number} (UNH to UNT)`,
    });
  if (reference !== message.reference)
    message.errors.push({
      message: message.reference,
      segment: number,
      reason: `UNT message reference "${reference}" does not match UNH "${message.reference}"`,
    });
}

interface Group {
  reference: string;
  position: number;
  messages: number;
}

/** Parses an interchange into its messages. Never throws. */
export function parseInterchange(text: string): Interchange {
  const tokens = tokenize(text);
  const errors: EdifactError[] = [];
  const messages: EdifactMessage[] = [];
  const interchangeError = (segment: number, reason: string) =>
    errors.push({ message: null, segment, reason });

  // Tokenizer problems belong to the message whose segment they concern, if any.
  const problemsAt = new Map<number, string[]>();
  for (const problem of tokens.errors) {
    const list = problemsAt.get(problem.position) ?? [];
    list.push(problem.reason);
    problemsAt.set(problem.position, list);
  }

  let header: InterchangeHeader | null = null;
  let current: EdifactMessage | null = null;
  let group: Group | null = null;
  let groups = 0;
  let ended: Segment | null = null;
  const references = new Map<string, number>();

  const closeUnterminated = (next: Segment | null) => {
    if (!current) return;
    current.errors.push({
      message: current.reference,
      segment: current.segments.length + 1,
      reason: `no UNT: the message ends at ${next ? `${next.tag} (interchange segment ${next.position})` : 'the end of the input'}`,
    });
    current = null;
  };

  for (const segment of tokens.segments) {
    const problems = problemsAt.get(segment.position) ?? [];
    if (ended) {
      interchangeError(segment.position, `segment ${segment.tag} after UNZ`);
      for (const reason of problems) interchangeError(segment.position, reason);
      continue;
    }
    switch (segment.tag) {
      case 'UNB':
        if (header || segment.position !== 1 || messages.length > 0)
          interchangeError(segment.position, 'UNB is not the first segment of the interchange');
        header ??= readHeader(segment);
        if (!SYNTAX_IDS.test(header.syntax))
          interchangeError(segment.position, `UNB syntax identifier "${header.syntax}" unknown`);
        break;
      case 'UNG':
        closeUnterminated(segment);
        if (group) interchangeError(segment.position, 'UNG inside a group (no UNE before it)');
        group = { reference: el(segment, 4, 0), position: segment.position, messages: 0 };
        groups += 1;
        break;
      case 'UNE':
        closeUnterminated(segment);
        if (!group) {
          interchangeError(segment.position, 'UNE without UNG');
          break;
        }
        if (!/^\d+$/.test(el(segment, 0, 0)) || Number(el(segment, 0, 0)) !== group.messages)
          interchangeError(
            segment.position,
            `UNE says ${el(segment, 0, 0)} messages, the group has ${group.messages}`,
          );
        if (el(segment, 1, 0) !== group.reference)
          interchangeError(
            segment.position,
            `UNE reference "${el(segment, 1, 0)}" does not match UNG "${group.reference}"`,
          );
        group = null;
        break;
      case 'UNH': {
        closeUnterminated(segment);
        current = openMessage(segment);
        messages.push(current);
        if (group) group.messages += 1;
        if (!current.reference)
          current.errors.push({ message: '', segment: 1, reason: 'UNH has no message reference' });
        const first = references.get(current.reference);
        if (first !== undefined)
          current.errors.push({
            message: current.reference,
            segment: 1,
            reason: `message reference "${current.reference}" is used twice in this interchange (first at interchange segment ${first})`,
          });
        else references.set(current.reference, segment.position);
        if (!current.type)
          current.errors.push({
            message: current.reference,
            segment: 1,
            reason: 'UNH has no message type',
          });
        break;
      }
      case 'UNT':
        if (!current) {
          interchangeError(segment.position, 'UNT outside a message');
          break;
        }
        current.segments.push(segment);
        checkTrailer(current, segment);
        break;
      case 'UNZ': {
        closeUnterminated(segment);
        if (group) interchangeError(segment.position, 'UNG without UNE before UNZ');
        const count = groups > 0 ? groups : messages.length;
        const declared = el(segment, 0, 0);
        if (!/^\d+$/.test(declared) || Number(declared) !== count)
          interchangeError(
            segment.position,
            `UNZ says ${declared || 'nothing'}, the interchange has ${count} ${groups > 0 ? 'groups' : 'messages'}`,
          );
        if (header && el(segment, 1, 0) !== header.reference)
          interchangeError(
            segment.position,
            `UNZ reference "${el(segment, 1, 0)}" does not match UNB "${header.reference}"`,
          );
        ended = segment;
        break;
      }
      default:
        if (current) current.segments.push(segment);
        else interchangeError(segment.position, `segment ${segment.tag} outside a message`);
    }
    const owner: EdifactMessage | null = current; // still set on the UNT that closes it
    for (const reason of problems) {
      if (owner)
        owner.errors.push({ message: owner.reference, segment: owner.segments.length, reason });
      else interchangeError(segment.position, reason);
    }
    if (segment.tag === 'UNT') current = null;
  }
  for (const problem of tokens.errors)
    if (problem.position > tokens.segments.length)
      interchangeError(problem.position, problem.reason);
  closeUnterminated(null);
  if (tokens.segments.length > 0 && !header) interchangeError(1, 'no UNB interchange header');
  if (!ended && tokens.segments.length > 0)
    interchangeError(tokens.segments.length, 'no UNZ interchange trailer');
  if (tokens.segments.length === 0 && tokens.errors.length === 0)
    interchangeError(0, 'the interchange is empty');
  return {
    separators: tokens.separators,
    una: tokens.una,
    header,
    messages,
    errors: errors.sort((a, b) => a.segment - b.segment),
    segmentCount: tokens.segments.length,
  };
}
