// EQD, equipment details, as the SMDG container messages use it:
//   EQD+CN+<C237 8260 container number>+<C224 8155 size-type>+<8077 supplier>
//      +<8249 equipment status>+<8169 full/empty indicator>
// Only EQD+CN (containers) are containers; other equipment (TE trailers, BB break bulk)
// is not. The container number must pass ISO 6346: an invalid one is an error that names
// the number, never repaired or dropped.
//   8169 full/empty: 4 = empty, any other code given (5 full, 7/8 full, 1-3 part, ...) = laden.
//   8249 status: 2 = export, 3 = import, 6 = transhipment; an empty box's flow is 'empty'
//   (as the simulator reports empties); other statuses (1 continental, 4 remain on board,
//   5 shifter ...) give no flow.
//   Size-type: kept when it is four letters or digits (ISO 6346 codes such as 45G1, and
//   the older 4200 or 2200), otherwise left out with a warning.
import type { CONTAINER_FLOWS } from '../../protocol/events.ts';
import { containerNumberProblem } from '../../protocol/identifiers.ts';
import { el, type Numbered } from './segment-access.ts';

export type Flow = (typeof CONTAINER_FLOWS)[number];

export interface ContainerDetails {
  number: string;
  /** The EQD segment's number within its message. */
  segment: number;
  isoEquipmentCode?: string;
  emptyIndicatorCode?: 'EMPTY' | 'LADEN';
  flow?: Flow;
}

export interface EquipmentReading {
  /** The number as sent, valid or not ('' when EQD+CN carries none). */
  number: string;
  /** The container, when it can be mapped. */
  container?: ContainerDetails;
  /** Errors: the container cannot be mapped (invalid number). */
  problems: string[];
  /** Fields left out. */
  notes: string[];
}

const FLOW_OF_STATUS: Record<string, Flow> = { '2': 'export', '3': 'import', '6': 'transshipment' };

export const isContainerEqd = (item: Numbered) =>
  item.segment.tag === 'EQD' && el(item.segment, 0, 0) === 'CN';

/** Reads one EQD+CN segment. */
export function readContainer(item: Numbered): EquipmentReading {
  const { segment } = item;
  const number = el(segment, 1, 0);
  const problems: string[] = [];
  const notes: string[] = [];
  if (!number) {
    problems.push('EQD+CN has no container number');
    return { number, problems, notes };
  }
  const problem = containerNumberProblem(number);
  if (problem) problems.push(`invalid container number ${number}: ${problem}`);
  const container: ContainerDetails = { number, segment: item.number };
  const sizeType = el(segment, 2, 0);
  if (/^[0-9A-Z]{4}$/.test(sizeType)) container.isoEquipmentCode = sizeType;
  else if (sizeType)
    notes.push(`size-type "${sizeType}" of ${number} is not a 4-character ISO code: left out`);
  const fullEmpty = el(segment, 5, 0);
  if (fullEmpty === '4') container.emptyIndicatorCode = 'EMPTY';
  else if (/^\d{1,3}$/.test(fullEmpty)) container.emptyIndicatorCode = 'LADEN';
  else if (fullEmpty)
    notes.push(`full/empty indicator "${fullEmpty}" of ${number} unknown: left out`);
  const flow =
    container.emptyIndicatorCode === 'EMPTY' ? 'empty' : FLOW_OF_STATUS[el(segment, 4, 0)];
  if (flow) container.flow = flow;
  return problems.length === 0
    ? { number, container, problems, notes }
    : { number, problems, notes };
}
