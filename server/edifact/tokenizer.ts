// Splits an EDIFACT interchange into segments, elements and components (ISO 9735).
//
// - An optional UNA service string advice sets the six service characters: component
//   separator, data element separator, decimal mark, release character (a space: none),
//   repetition separator (a space: none) and segment terminator. Without UNA the defaults
//   apply: `:` `+` `.` `?` and `'`.
// - The release character makes the next character data (`?'`, `?+`, `?:`, `??`).
// - CR and LF are never data (UNOA/UNOB/UNOC have no control characters): between
//   segments they are skipped, so segments may or may not sit on lines of their own, and
//   inside a segment they are dropped, so lines wrapped at a fixed width join up again.
//   (When UNA makes LF the segment terminator, LF terminates.)
// - The input is a JS string: the character set of UNB (UNOA, UNOB, UNOC ...) is recorded
//   by the interchange layer, not decoded here.
import type { Segment, Separators } from './types.ts';

export const DEFAULT_SEPARATORS: Separators = Object.freeze({
  component: ':',
  element: '+',
  decimal: '.',
  release: '?',
  repetition: null,
  segment: "'",
});

export interface TokenizerProblem {
  /** The position of the segment concerned (the next one's, for problems between segments). */
  position: number;
  line: number;
  reason: string;
}

export interface Tokenized {
  separators: Separators;
  /** Whether the interchange began with a UNA service string advice. */
  una: boolean;
  segments: Segment[];
  /** Syntax problems: a segment without terminator, a release character at the end, ... */
  errors: TokenizerProblem[];
}

const TAG = /^[A-Z][A-Z0-9]{2}$/;

function readUna(text: string, at: number): { separators: Separators } | { reason: string } {
  const chars = text.slice(at + 3, at + 9);
  if (chars.length < 6) return { reason: 'UNA must be followed by exactly six service characters' };
  const [component, element, decimal, release, repetition, segment] = [...chars] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const separators: Separators = {
    component,
    element,
    decimal,
    release: release === ' ' ? null : release,
    repetition: repetition === ' ' ? null : repetition,
    segment,
  };
  const used = [component, element, separators.release, separators.repetition, segment].filter(
    (c): c is string => c !== null,
  );
  if (new Set(used).size !== used.length)
    return { reason: `UNA service characters "${chars}" are not all different` };
  if (/[A-Za-z0-9]/.test(used.join('')))
    return { reason: `UNA service characters "${chars}" include a letter or digit` };
  return { separators };
}

/** Tokenizes a whole interchange. Never throws; problems are returned in `errors`. */
export function tokenize(text: string): Tokenized {
  const errors: TokenizerProblem[] = [];
  const segments: Segment[] = [];
  let separators = DEFAULT_SEPARATORS;
  let una = false;
  let i = 0;
  let line = 1;

  const skipBetweenSegments = () => {
    while (i < text.length) {
      const ch = text[i]!;
      if (ch !== '\uFEFF' && !/\s/.test(ch)) break;
      if (ch === '\n') line += 1;
      i += 1;
    }
  };

  skipBetweenSegments();
  if (text.startsWith('UNA', i)) {
    const read = readUna(text, i);
    if ('reason' in read) {
      errors.push({ position: 1, line, reason: read.reason });
      return { separators, una: true, segments, errors };
    }
    separators = read.separators;
    una = true;
    i += 9;
  }

  const { component, element, release, segment: terminator } = separators;
  while (true) {
    skipBetweenSegments();
    if (i >= text.length) break;
    const position = segments.length + 1;
    const startLine = line;
    if (text[i] === terminator) {
      errors.push({ position, line, reason: 'empty segment (two segment terminators in a row)' });
      i += 1;
      continue;
    }
    const elements: string[][] = [];
    let components: string[] = [];
    let value = '';
    let terminated = false;
    let run = i; // start of the plain characters not yet added to `value`
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === release) {
        value += text.slice(run, i);
        const next = text[i + 1];
        if (next === undefined) {
          errors.push({ position, line, reason: 'release character at the end of the input' });
          i += 1;
          run = i;
          break;
        }
        if (next === '\n') line += 1;
        if (next !== '\n' && next !== '\r') value += next;
        i += 2;
        run = i;
        continue;
      }
      if (ch !== terminator && ch !== element && ch !== component && ch !== '\n' && ch !== '\r') {
        i += 1;
        continue;
      }
      value += text.slice(run, i);
      i += 1;
      run = i;
      if (ch === terminator) {
        terminated = true;
        if (ch === '\n') line += 1;
        break;
      }
      if (ch === element) {
        components.push(value);
        elements.push(components);
        components = [];
        value = '';
      } else if (ch === component) {
        components.push(value);
        value = '';
      } else if (ch === '\n') {
        line += 1;
      }
    }
    if (!terminated) value += text.slice(run, i);
    components.push(value);
    elements.push(components);
    const tag = elements[0]![0]!;
    if (!terminated)
      errors.push({
        position,
        line: startLine,
        reason: `segment ${tag || '(no tag)'} is not terminated by "${terminator}" (end of input)`,
      });
    if (!TAG.test(tag))
      errors.push({
        position,
        line: startLine,
        reason: `"${tag.slice(0, 20)}" is not a segment tag (3 capital letters or digits)`,
      });
    segments.push({ tag, elements: elements.slice(1), position, line: startLine });
  }
  return { separators, una, segments, errors };
}
