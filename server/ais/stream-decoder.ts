// The streaming decoder: lines in (from a file, a UDP datagram, a TCP stream, an HTTP
// body), decoded messages out, with counters for everything that was not decoded and why.
// One bad line never stops the stream: it is counted, kept among the recent problems, and
// the next line is read as if nothing happened.
import { decodePayload } from './decode-payload.ts';
import { parseLine, type LineResult, type VdmSentence } from './nmea-sentence.ts';
import { FragmentAssembler, type CompleteMessage, type FragmentDrop } from './reassembly.ts';
import { pghpTimeMs } from './receiver-time.ts';
import { ClassBStaticCache } from './static-cache.ts';
import type {
  AisDecoderStats,
  AisMessage,
  AisProblem,
  AisProblemReport,
  ClassBStatic,
  TimeSource,
} from './types.ts';

export interface AisStreamDecoderOptions {
  /** How long an unfinished multi-sentence message waits for its next fragment (default 60 s). */
  fragmentTimeoutMs?: number;
  /** At most this many unfinished messages are held (default 1000). */
  maxPendingMessages?: number;
  /** At most this many vessels' type 24 parts are cached (default 50,000). */
  maxClassBVessels?: number;
  /**
   * Prefer the time the receiver wrote (tag block c:, a leading timestamp, a trailing unix
   * time, a preceding $PGHP) over the time given to feed(). Default true; false makes every
   * message carry the feed() time (timeSource 'receive').
   */
  useEmbeddedTime?: boolean;
  /** Longer lines are refused as malformed (default 2048 characters). */
  maxLineLength?: number;
  /** How many recent problems recentProblems() keeps (default 20). */
  keepProblems?: number;
}

export class AisStreamDecoder {
  private readonly assembler: FragmentAssembler;
  private readonly classB: ClassBStaticCache;
  private readonly useEmbeddedTime: boolean;
  private readonly maxLineLength: number;
  private readonly keepProblems: number;
  private counters: AisDecoderStats = emptyStats();
  private problemLog: AisProblemReport[] = [];
  private partial = '';
  private pghpMs: number | undefined;

  constructor(options: AisStreamDecoderOptions = {}) {
    this.assembler = new FragmentAssembler({
      timeoutMs: options.fragmentTimeoutMs,
      maxPending: options.maxPendingMessages,
    });
    this.classB = new ClassBStaticCache(options.maxClassBVessels);
    this.useEmbeddedTime = options.useEmbeddedTime ?? true;
    this.maxLineLength = options.maxLineLength ?? 2048;
    this.keepProblems = options.keepProblems ?? 20;
  }

  /** Feed one line (with or without its line end); returns the messages it completes. */
  feed(line: string, receivedAtMs: number = Date.now()): AisMessage[] {
    if (line.trim().length === 0) return [];
    this.counters.lines++;
    if (line.length > this.maxLineLength) {
      this.counters.malformed++;
      this.problem('line-too-long', `${line.length} characters`, line, receivedAtMs);
      return [];
    }
    const messages: AisMessage[] = [];
    // A line may hold several sentences one after the other.
    let text: string | undefined = line;
    while (text !== undefined) {
      const parsed = parseLine(text);
      messages.push(...this.feedParsed(parsed, text, receivedAtMs));
      text = parsed.kind === 'not-ais' ? undefined : parsed.rest;
    }
    return messages;
  }

  private feedParsed(parsed: LineResult, line: string, receivedAtMs: number): AisMessage[] {
    const c = this.counters;
    if (parsed.kind === 'not-ais') {
      c.ignoredLines++;
      const pghp = pghpTimeMs(line.trim());
      this.pghpMs = pghp;
      return [];
    }
    c.sentences++;
    if (parsed.kind === 'error') {
      this.pghpMs = undefined;
      if (parsed.problem === 'bad-checksum') c.badChecksum++;
      else c.malformed++;
      this.problem(parsed.problem, parsed.detail, line, receivedAtMs);
      return [];
    }
    const sentence = parsed.sentence;
    if (this.pghpMs !== undefined) sentence.pghpTimeMs = this.pghpMs;
    this.pghpMs = undefined;
    if (sentence.tagBlockProblem) {
      c.badTagBlocks++;
      this.problem(
        sentence.tagBlockProblem.problem,
        sentence.tagBlockProblem.detail,
        line,
        receivedAtMs,
      );
    }
    const { complete, drops } = this.assembler.add(sentence, receivedAtMs);
    this.recordDrops(drops, line, receivedAtMs);
    c.fragmentsPending = this.assembler.pendingFragments;
    return complete ? this.decodeComplete(complete, line) : [];
  }

  /** Feed text made of whole lines (a UDP datagram, an HTTP body, a file). */
  feedText(text: string, receivedAtMs: number = Date.now()): AisMessage[] {
    return text.split(/\r\n|\n|\r/).flatMap((line) => this.feed(line, receivedAtMs));
  }

  /** Feed a piece of a stream (TCP): a line cut at the end is kept until the rest arrives. */
  feedChunk(chunk: string, receivedAtMs: number = Date.now()): AisMessage[] {
    const lines = (this.partial + chunk).split(/\r\n|\n|\r/);
    this.partial = lines.pop() ?? '';
    if (this.partial.length > this.maxLineLength) {
      this.counters.lines++;
      this.counters.malformed++;
      this.problem(
        'line-too-long',
        `${this.partial.length}+ characters without a line end`,
        this.partial,
        receivedAtMs,
      );
      this.partial = '';
    }
    return lines.flatMap((line) => this.feed(line, receivedAtMs));
  }

  /** The stream ended: decode a last line that had no line end. */
  end(receivedAtMs: number = Date.now()): AisMessage[] {
    const last = this.partial;
    this.partial = '';
    return this.feed(last, receivedAtMs);
  }

  /** Merged type 24 parts A and B for `mmsi`, when either has been received. */
  classBStatic(mmsi: string): ClassBStatic | undefined {
    return this.classB.get(mmsi);
  }

  /** A snapshot of the counters. */
  stats(): AisDecoderStats {
    const c = this.counters;
    return {
      ...c,
      fragmentsPending: this.assembler.pendingFragments,
      messagesByType: { ...c.messagesByType },
      unsupportedByType: { ...c.unsupportedByType },
      problems: { ...c.problems },
    };
  }

  /** The last few problems, oldest first. */
  recentProblems(): AisProblemReport[] {
    return [...this.problemLog];
  }

  /** Zero the counters and forget the recent problems (pending fragments and caches stay). */
  resetStats(): void {
    this.counters = emptyStats();
    this.problemLog = [];
  }

  private decodeComplete(complete: CompleteMessage, line: string): AisMessage[] {
    const c = this.counters;
    const first = complete.fragments[0] as VdmSentence;
    const when = this.timeOf(complete);
    const source =
      complete.fragments.find((f) => f.tagBlock?.source)?.tagBlock?.source ?? first.suffixStation;
    const outcome = decodePayload(complete.payload, complete.fillBits, {
      ...when,
      ...(source !== undefined ? { source } : {}),
      channel: first.channel,
      talker: first.talker,
      ownShip: first.ownShip,
      raw: complete.fragments.map((f) => f.line.trim()),
    });
    if (outcome.kind === 'unsupported') {
      c.unsupportedByType[outcome.type] = (c.unsupportedByType[outcome.type] ?? 0) + 1;
      return [];
    }
    if (outcome.kind === 'error') {
      c.malformed++;
      this.problem(outcome.problem, outcome.detail, line, when.receivedAtMs);
      return [];
    }
    const message = outcome.message;
    c.messages++;
    c.messagesByType[message.type] = (c.messagesByType[message.type] ?? 0) + 1;
    if (message.type === 24) this.classB.add(message);
    return [message];
  }

  /** The best time the fragments carry, else the first fragment's receive time. */
  private timeOf(complete: CompleteMessage): { receivedAtMs: number; timeSource: TimeSource } {
    if (this.useEmbeddedTime) {
      const f = complete.fragments;
      const candidates: [TimeSource, number | undefined][] = [
        ['tag-block', f.find((s) => s.tagBlock?.timeMs !== undefined)?.tagBlock?.timeMs],
        ['prefix', f.find((s) => s.prefixTimeMs !== undefined)?.prefixTimeMs],
        ['suffix', f.find((s) => s.suffixTimeMs !== undefined)?.suffixTimeMs],
        ['pghp', f.find((s) => s.pghpTimeMs !== undefined)?.pghpTimeMs],
      ];
      for (const [timeSource, receivedAtMs] of candidates) {
        if (receivedAtMs !== undefined) return { receivedAtMs, timeSource };
      }
    }
    return { receivedAtMs: complete.firstReceivedAtMs, timeSource: 'receive' };
  }

  private recordDrops(drops: FragmentDrop[], line: string, receivedAtMs: number): void {
    for (const drop of drops) {
      this.counters.fragmentsDropped += drop.fragments;
      this.problem(drop.problem, drop.detail, line, receivedAtMs);
    }
  }

  private problem(problem: AisProblem, detail: string, line: string, receivedAtMs: number): void {
    const p = this.counters.problems;
    p[problem] = (p[problem] ?? 0) + 1;
    if (this.keepProblems <= 0) return;
    this.problemLog.push({ problem, detail, line: line.trim().slice(0, 200), receivedAtMs });
    if (this.problemLog.length > this.keepProblems) this.problemLog.shift();
  }
}

function emptyStats(): AisDecoderStats {
  return {
    lines: 0,
    ignoredLines: 0,
    sentences: 0,
    badChecksum: 0,
    malformed: 0,
    badTagBlocks: 0,
    fragmentsPending: 0,
    fragmentsDropped: 0,
    messages: 0,
    messagesByType: {},
    unsupportedByType: {},
    problems: {},
  };
}
