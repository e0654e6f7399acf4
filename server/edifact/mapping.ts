// What every message mapper shares: the context it maps in, the outcome it builds, the
// event ids, BGM, and the per-container checks (duplicates, invalid numbers).
import { createHash } from 'node:crypto';
import type { ContainerEvent, PortCallEvent } from '../../protocol/events.ts';
import { readDtm } from './edifact-time.ts';
import { readContainer, type ContainerDetails } from './equipment.ts';
import type { EdifactMessage } from './interchange.ts';
import { el, find, is, type Numbered } from './segment-access.ts';
import type { EdifactError } from './types.ts';

export type EdifactEvent = ContainerEvent | PortCallEvent;

export interface MapContext {
  message: EdifactMessage;
  /** UNB sender and interchange control reference ('' when there is no UNB). */
  sender: string;
  interchangeReference: string;
  /** Our port's UN/LOCODE, e.g. CNSHA. */
  portLocode: string;
  /** Our port's IANA time zone, for times sent without one. */
  timeZone: string;
}

/** What a bay plan says about the call at our port. */
export interface CallSummary {
  callId: string;
  voyage: string;
  vesselImo?: string;
  vesselCallSign?: string;
  vesselName?: string;
  /** Containers the plan has discharged at our port (POD = our port). */
  dischargeAtPort: number;
  /** Containers the plan has loaded at our port (POL = our port). */
  loadAtPort: number;
  /** dischargeAtPort + loadAtPort: usable as PortCallEvent.plannedMoves. */
  plannedMoves: number;
  /** The time the planned moves carry (ISO 8601 UTC) and where it came from (DTM+132 ...). */
  time?: string;
  timeSource?: string;
}

export interface MappedEvent {
  event: EdifactEvent;
  /** The segment the event comes from (EQD, or TDT for a call event). */
  segment: number;
}

/** A mapper's result, collected as it goes. Errors make the message map to nothing. */
export class Outcome {
  readonly events: MappedEvent[] = [];
  readonly errors: EdifactError[] = [];
  readonly warnings: EdifactError[] = [];
  /** Every EQD+CN container number met, valid or not, in message order. */
  readonly containers: string[] = [];
  call?: CallSummary;
  private readonly seen = new Map<string, number>();

  constructor(private readonly reference: string) {}

  error(segment: number, reason: string): void {
    this.errors.push({ message: this.reference, segment, reason });
  }

  warn(segment: number, reason: string): void {
    this.warnings.push({ message: this.reference, segment, reason });
  }

  /**
   * Reads an EQD+CN: records the number, reports an invalid one (and, when `unique`, a
   * repeated one), and returns the container when it can be mapped.
   */
  container(item: Numbered, { unique = true } = {}): ContainerDetails | undefined {
    const reading = readContainer(item);
    this.containers.push(reading.number);
    for (const problem of reading.problems) this.error(item.number, problem);
    for (const note of reading.notes) this.warn(item.number, note);
    if (reading.number && unique) {
      const first = this.seen.get(reading.number);
      if (first !== undefined) {
        this.error(
          item.number,
          `container ${reading.number} appears twice in this message (segments ${first} and ${item.number})`,
        );
        return undefined;
      }
      this.seen.set(reading.number, item.number);
    }
    return reading.container;
  }
}

/** Event ids: deterministic, so resending an interchange stores nothing twice. */
export function edifactEventId(context: MapContext, subject: string, code: string): string {
  const { sender, interchangeReference, message } = context;
  const plain = `edi:${sender}:${interchangeReference}:${message.reference}:${subject}:${code}`;
  if (plain.length <= 100) return plain;
  const digest = createHash('sha256')
    .update(JSON.stringify([sender, interchangeReference, message.reference]))
    .digest('hex')
    .slice(0, 40);
  return `edi:#${digest}:${subject}:${code}`.slice(0, 100);
}

export interface Bgm {
  code: string;
  documentNumber: string;
  function: string;
  segment: number;
}

/**
 * BGM: document name code (1001), document number (1004), message function (1225).
 * Cancellations (1) and deletions (3) are refused: the event store keeps what happened
 * and has no retraction. A replacement (5) maps as new events beside the earlier ones.
 */
export function readBgm(items: Numbered[], outcome: Outcome): Bgm | undefined {
  const bgm = find(items, 'BGM');
  if (!bgm) {
    outcome.error(2, 'no BGM beginning-of-message segment');
    return undefined;
  }
  const result: Bgm = {
    code: el(bgm.segment, 0, 0),
    documentNumber: el(bgm.segment, 1, 0),
    function: el(bgm.segment, 2, 0),
    segment: bgm.number,
  };
  if (result.function === '1' || result.function === '3')
    outcome.error(
      bgm.number,
      `BGM message function ${result.function} (${result.function === '1' ? 'cancellation' : 'deletion'}) is not mapped: Quayside does not retract events`,
    );
  else if (result.function === '5')
    outcome.warn(bgm.number, 'replacement message (BGM function 5): mapped as new events');
  return result;
}

/** A related location (LOC C519) when its code list says it is a berth. */
export function berthOf(loc: Numbered | undefined): string | undefined {
  if (!loc) return undefined;
  const id = el(loc.segment, 2, 0);
  const kind = el(loc.segment, 2, 1);
  return kind === 'BER' && /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/.test(id) ? id : undefined;
}

/** The move time of a container group: the first DTM among `qualifiers` found. */
export function moveTime(
  group: Numbered[],
  context: MapContext,
  outcome: Outcome,
  qualifiers: string[],
): string | undefined {
  const container = group[0]!;
  for (const qualifier of qualifiers) {
    const dtm = find(group, 'DTM', qualifier);
    if (!dtm) continue;
    const { time } = readDtm(dtm.segment, context.timeZone);
    if (time.ok) return time.iso;
    outcome.error(dtm.number, `${el(container.segment, 1, 0)}: ${time.reason}`);
    return undefined;
  }
  outcome.error(
    container.number,
    `container ${el(container.segment, 1, 0) || '(no number)'} has no ${qualifiers.map((q) => `DTM+${q}`).join(' or ')} move time`,
  );
  return undefined;
}

/** Checks CNT+16 (total equipment) against the EQD segments found. */
export function checkEquipmentCount(
  trailer: Numbered[],
  groups: Numbered[][],
  outcome: Outcome,
): void {
  const cnt = trailer.find((n) => is(n.segment, 'CNT') && el(n.segment, 0, 0) === '16');
  if (!cnt) return;
  const declared = el(cnt.segment, 0, 1);
  const found = groups.filter((g) => g[0]!.segment.tag === 'EQD').length;
  if (!/^\d+$/.test(declared) || Number(declared) !== found)
    outcome.error(
      cnt.number,
      `CNT+16 says ${declared || 'nothing'} equipment, the message has ${found} EQD`,
    );
}
