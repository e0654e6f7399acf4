// NMEA 4.0 tag blocks: `\key:value,key:value*hh\` before a sentence. The checksum (XOR of
// the characters between the opening backslash and '*') is optional in practice; when it
// is there it must match. Known keys: c (UNIX time, in seconds or milliseconds, told apart
// by magnitude), s (source station), g (sentence group "n-total-id"), n (line count),
// d (destination), t / i (text), r (relative time). Others are kept as they are.
import { nmeaChecksum } from './checksum.ts';

export interface TagBlockGroup {
  /** This sentence's number in the group, 1-based. */
  sentence: number;
  total: number;
  /** Group id, shared by every sentence of the group. */
  id: string;
}

export interface TagBlock {
  /** Every field as written, first occurrence wins. */
  fields: Record<string, string>;
  /** c: as epoch milliseconds. */
  timeMs?: number;
  /** s: the receiving station. */
  source?: string;
  group?: TagBlockGroup;
  /** Whether a checksum was present (and then it matched). */
  checked: boolean;
}

export type TagBlockResult =
  | { ok: true; tagBlock: TagBlock }
  | { ok: false; problem: 'bad-tag-block' | 'tag-block-bad-checksum'; detail: string };

/**
 * Seconds and milliseconds since 1970 differ by a factor 1000, so the magnitude tells them
 * apart: below 10^11 it is seconds (10^11 s is the year 5138), from there milliseconds
 * (10^11 ms is March 1973). Fractions are allowed. Returns epoch milliseconds.
 */
export function unixTimeToMs(value: string): number | undefined {
  if (!/^\d+(\.\d+)?$/.test(value)) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) return undefined;
  return Math.round(n < 1e11 ? n * 1000 : n);
}

/** Parse the content between the backslashes of one tag block. */
export function parseTagBlock(content: string): TagBlockResult {
  let body = content;
  let checked = false;
  const star = content.lastIndexOf('*');
  if (star >= 0) {
    const hex = content.slice(star + 1);
    body = content.slice(0, star);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
      return { ok: false, problem: 'bad-tag-block', detail: `tag block checksum "${hex}"` };
    }
    const expected = nmeaChecksum(body);
    if (parseInt(hex, 16) !== expected) {
      return {
        ok: false,
        problem: 'tag-block-bad-checksum',
        detail: `tag block checksum ${hex.toUpperCase()}, computed ${hexByte(expected)}`,
      };
    }
    checked = true;
  }
  if (body.length === 0) return { ok: false, problem: 'bad-tag-block', detail: 'empty tag block' };
  const fields: Record<string, string> = {};
  for (const part of body.split(',')) {
    const colon = part.indexOf(':');
    if (colon < 1)
      return { ok: false, problem: 'bad-tag-block', detail: `tag block field "${part}"` };
    const key = part.slice(0, colon);
    if (!(key in fields)) fields[key] = part.slice(colon + 1);
  }
  const tagBlock: TagBlock = { fields, checked };
  if (fields.c !== undefined) {
    const timeMs = unixTimeToMs(fields.c);
    if (timeMs === undefined) {
      return { ok: false, problem: 'bad-tag-block', detail: `tag block time c:${fields.c}` };
    }
    tagBlock.timeMs = timeMs;
  }
  if (fields.s) tagBlock.source = fields.s;
  if (fields.g !== undefined) {
    const m = /^(\d+)-(\d+)-(\w+)$/.exec(fields.g);
    const sentence = Number(m?.[1]);
    const total = Number(m?.[2]);
    if (!m || sentence < 1 || sentence > total) {
      return { ok: false, problem: 'bad-tag-block', detail: `tag block group g:${fields.g}` };
    }
    tagBlock.group = { sentence, total, id: m[3] ?? '' };
  }
  return { ok: true, tagBlock };
}

/** Merge several tag blocks written back to back; the first value of a key wins. */
export function mergeTagBlocks(blocks: readonly TagBlock[]): TagBlock | undefined {
  const [first, ...rest] = blocks;
  if (!first) return undefined;
  const merged: TagBlock = { ...first, fields: { ...first.fields } };
  for (const block of rest) {
    merged.fields = { ...block.fields, ...merged.fields };
    merged.timeMs ??= block.timeMs;
    merged.source ??= block.source;
    merged.group ??= block.group;
    merged.checked &&= block.checked;
  }
  return merged;
}

export function hexByte(value: number): string {
  return value.toString(16).toUpperCase().padStart(2, '0');
}
