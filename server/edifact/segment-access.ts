// Reading values out of segments without index arithmetic at every call site, and the
// message-level helpers the mappers share: segment numbers, qualifiers, groups.
import type { EdifactMessage } from './interchange.ts';
import type { Segment } from './types.ts';

/** A component of a data element ('' when absent). `element` 0 is the first after the tag. */
export function el(segment: Segment, element: number, component = 0): string {
  return segment.elements[element]?.[component] ?? '';
}

/** A segment of a message with its number within the message (UNH = 1). */
export interface Numbered {
  segment: Segment;
  number: number;
}

export function numbered(message: EdifactMessage): Numbered[] {
  return message.segments.map((segment, index) => ({ segment, number: index + 1 }));
}

/** Whether a segment has the tag and (when given) the first data element `qualifier`. */
export function is(segment: Segment, tag: string, qualifier?: string): boolean {
  return segment.tag === tag && (qualifier === undefined || el(segment, 0, 0) === qualifier);
}

/**
 * Splits a message body (UNH and UNT excluded) into the part before the first group and
 * the groups, each starting at a segment `startsGroup` accepts and running to the next one
 * or to a segment `endsGroups` accepts (CNT, say), after which nothing belongs to a group.
 */
export function splitGroups(
  message: EdifactMessage,
  startsGroup: (segment: Segment) => boolean,
  endsGroups: (segment: Segment) => boolean = (s) => s.tag === 'CNT',
): { header: Numbered[]; groups: Numbered[][]; trailer: Numbered[] } {
  const body = numbered(message).filter((n) => n.segment.tag !== 'UNH' && n.segment.tag !== 'UNT');
  const header: Numbered[] = [];
  const groups: Numbered[][] = [];
  const trailer: Numbered[] = [];
  let inTrailer = false;
  for (const item of body) {
    if (inTrailer || endsGroups(item.segment)) {
      inTrailer = true;
      trailer.push(item);
    } else if (startsGroup(item.segment)) groups.push([item]);
    else if (groups.length > 0) groups.at(-1)!.push(item);
    else header.push(item);
  }
  return { header, groups, trailer };
}

/** The first segment with the tag (and qualifier) among numbered segments. */
export function find(items: Numbered[], tag: string, qualifier?: string): Numbered | undefined {
  return items.find((n) => is(n.segment, tag, qualifier));
}
