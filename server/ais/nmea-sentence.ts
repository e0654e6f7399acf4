// The NMEA 0183 sentence layer: one line in, one AIS sentence (or why not) out.
//
//   [receiver prefix][\tag block\]!AIVDM,<count>,<number>,<seq id>,<channel>,<payload>,<fill>*hh[,suffix...]
//
// The talker may be any two characters (AI, AB, BS, SA, '--'...), the formatter VDM (other
// ships) or VDO (own ship). The checksum is the XOR of the characters between '!' and '*'.
// Sentences are checked here; fragments are joined elsewhere (reassembly.ts).
import { nmeaChecksum } from './checksum.ts';
import { prefixTimeMs, suffixStation, suffixTimeMs } from './receiver-time.ts';
import { hexByte, mergeTagBlocks, parseTagBlock, type TagBlock } from './tag-block.ts';
import type { AisProblem } from './types.ts';

export interface VdmSentence {
  talker: string;
  ownShip: boolean;
  fragmentCount: number;
  fragmentNumber: number;
  /** Sequential message id as written ('' when empty, the norm for single sentences). */
  sequenceId: string;
  /** 'A', 'B', '1', '2' or ''. */
  channel: string;
  payload: string;
  fillBits: number;
  /** The tag block(s) before the sentence, merged, when present and valid. */
  tagBlock?: TagBlock;
  /** Why a tag block that was present is not used (its fields are then ignored). */
  tagBlockProblem?: { problem: AisProblem; detail: string };
  /** What came before the sentence (and its tag blocks) on the line, if anything. */
  prefix?: string;
  prefixTimeMs?: number;
  /** Comma-separated fields after the checksum (USCG style), if any. */
  suffix?: string[];
  suffixTimeMs?: number;
  suffixStation?: string;
  /** The time a $PGHP line just before this one gave (set by the stream decoder). */
  pghpTimeMs?: number;
  /** The line as given (only this sentence's part when the line holds several). */
  line: string;
}

/**
 * `rest` is set when the line holds another sentence after this one's checksum (some
 * loggers join sentences on one line); parse it as a line of its own.
 */
export type LineResult =
  | { kind: 'sentence'; sentence: VdmSentence; rest?: string }
  | { kind: 'not-ais' }
  | { kind: 'error'; problem: AisProblem; detail: string; rest?: string };

const SENTENCE_START = /[!$]([A-Z0-9-]{2})VD([MO]),/;
/** A line that mentions VDM/VDO without a proper start is a broken AIS sentence, not noise. */
const LOOKS_LIKE_AIS = /VD[MO],\d?,\d?,/;

/** Parse one line. Blank lines, '#' comments and other NMEA sentences are 'not-ais'. */
export function parseLine(line: string): LineResult {
  const text = line.trim();
  if (text.length === 0 || text.startsWith('#')) return { kind: 'not-ais' };
  const start = SENTENCE_START.exec(text);
  if (!start) {
    return LOOKS_LIKE_AIS.test(text)
      ? { kind: 'error', problem: 'bad-fields', detail: 'no !..VDM/!..VDO start' }
      : { kind: 'not-ais' };
  }
  const at = start.index;
  const star = text.indexOf('*', at);
  if (star < 0) return { kind: 'error', problem: 'no-checksum', detail: 'no *hh checksum' };
  const hex = text.slice(star + 1, star + 3);
  let after = text.slice(star + 3);
  const next = after.search(/[\\!$]/);
  const rest = next >= 0 && SENTENCE_START.test(after.slice(next)) ? after.slice(next) : undefined;
  if (rest !== undefined) after = after.slice(0, next);
  const fail = (problem: AisProblem, detail: string): LineResult =>
    rest === undefined
      ? { kind: 'error', problem, detail }
      : { kind: 'error', problem, detail, rest };
  if (!/^[0-9A-Fa-f]{2}$/.test(hex))
    return fail('no-checksum', `checksum "${hex}" is not 2 hex digits`);
  const body = text.slice(at + 1, star);
  const computed = nmeaChecksum(body);
  if (parseInt(hex, 16) !== computed) {
    return fail('bad-checksum', `checksum ${hex.toUpperCase()}, computed ${hexByte(computed)}`);
  }
  const fields = body.split(',');
  if (fields.length !== 7) return fail('bad-fields', `${fields.length} fields, expected 7`);
  const [
    ,
    countText = '',
    numberText = '',
    sequenceId = '',
    channel = '',
    payload = '',
    fillText = '',
  ] = fields;
  const fragmentCount = Number(countText);
  const fragmentNumber = Number(numberText);
  if (
    !/^\d$/.test(countText) ||
    !/^\d$/.test(numberText) ||
    fragmentCount < 1 ||
    fragmentNumber < 1 ||
    fragmentNumber > fragmentCount ||
    !/^\d{0,2}$/.test(sequenceId)
  ) {
    return fail(
      'bad-fragment',
      `fragment ${numberText} of ${countText}, sequence id "${sequenceId}"`,
    );
  }
  if (!/^[0-5]$/.test(fillText)) return fail('bad-fill-bits', `fill bits "${fillText}"`);
  const sentence: VdmSentence = {
    talker: start[1] ?? '',
    ownShip: start[2] === 'O',
    fragmentCount,
    fragmentNumber,
    sequenceId,
    channel,
    payload,
    fillBits: Number(fillText),
    line: rest === undefined ? line : text.slice(0, text.length - rest.length),
  };
  readPrefix(text.slice(0, at), sentence);
  readSuffix(after, sentence);
  return rest === undefined ? { kind: 'sentence', sentence } : { kind: 'sentence', sentence, rest };
}

/** Tag blocks at the end of the prefix (`\...\` each), and whatever precedes them. */
function readPrefix(prefix: string, sentence: VdmSentence): void {
  let rest = prefix;
  const blocks: TagBlock[] = [];
  while (rest.endsWith('\\')) {
    const open = rest.lastIndexOf('\\', rest.length - 2);
    if (open < 0) {
      sentence.tagBlockProblem = {
        problem: 'bad-tag-block',
        detail: 'tag block without its opening \\',
      };
      rest = rest.slice(0, -1);
      break;
    }
    const parsed = parseTagBlock(rest.slice(open + 1, -1));
    if (!parsed.ok) sentence.tagBlockProblem ??= { problem: parsed.problem, detail: parsed.detail };
    else blocks.unshift(parsed.tagBlock);
    rest = rest.slice(0, open);
  }
  // A tag block that fails its checksum makes every tag block on the line untrusted.
  const merged = sentence.tagBlockProblem ? undefined : mergeTagBlocks(blocks);
  if (merged) sentence.tagBlock = merged;
  const other = rest.trim();
  if (other.length > 0) {
    sentence.prefix = other;
    const timeMs = prefixTimeMs(other);
    if (timeMs !== undefined) sentence.prefixTimeMs = timeMs;
  }
}

/** Comma-separated receiver fields after the checksum; anything else there is ignored. */
function readSuffix(suffix: string, sentence: VdmSentence): void {
  const text = suffix.trim();
  if (!text.startsWith(',')) return;
  const fields = text.slice(1).split(',');
  sentence.suffix = fields;
  const timeMs = suffixTimeMs(fields);
  if (timeMs !== undefined) sentence.suffixTimeMs = timeMs;
  const station = suffixStation(fields);
  if (station !== undefined) sentence.suffixStation = station;
}
