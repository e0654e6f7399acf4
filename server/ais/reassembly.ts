// Multi-sentence reassembly. Fragments of one message share a sequential id and a channel
// (and, when the receiver writes NMEA 4.0 tag blocks, a group id in g:), and arrive in
// order. Pending messages are keyed by (group id) or else (sequential id, channel, count),
// so two messages interleaved on different channels or ids assemble side by
// side. A fragment that does not continue its pending message is dropped, a new fragment 1
// supersedes an unfinished message with the same key, and pending messages expire after
// `timeoutMs` or are evicted beyond `maxPending`, so memory stays bounded and one lost
// fragment never blocks the stream.
import type { VdmSentence } from './nmea-sentence.ts';

export interface CompleteMessage {
  /** The fragments' payloads joined. */
  payload: string;
  /** The last fragment's fill bits (the earlier ones carry none). */
  fillBits: number;
  fragments: VdmSentence[];
  /** The receive time of the first fragment. */
  firstReceivedAtMs: number;
}

export type DropProblem =
  'fragment-out-of-order' | 'fragment-superseded' | 'fragment-expired' | 'fragment-evicted';

export interface FragmentDrop {
  problem: DropProblem;
  fragments: number;
  detail: string;
}

export interface AssemblerOptions {
  /** How long an unfinished message waits for its next fragment, ms of receive time. */
  timeoutMs?: number;
  /** At most this many unfinished messages are kept; the oldest goes first. */
  maxPending?: number;
}

interface Pending {
  key: string;
  /** The (sequence id, channel) key this entry is also reachable by, for grouped entries. */
  aliasKey?: string;
  fragments: VdmSentence[];
  firstReceivedAtMs: number;
  lastReceivedAtMs: number;
}

export class FragmentAssembler {
  private readonly pending = new Map<string, Pending>();
  private readonly alias = new Map<string, string>();
  private readonly timeoutMs: number;
  private readonly maxPending: number;
  private lastSweepMs = -Infinity;

  constructor(options: AssemblerOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.maxPending = options.maxPending ?? 1_000;
  }

  /** Fragments held right now. */
  get pendingFragments(): number {
    let n = 0;
    for (const p of this.pending.values()) n += p.fragments.length;
    return n;
  }

  /** Add one sentence; a complete message comes back when this was its last fragment. */
  add(
    sentence: VdmSentence,
    receivedAtMs: number,
  ): { complete?: CompleteMessage; drops: FragmentDrop[] } {
    const drops = this.expire(receivedAtMs);
    const { fragmentCount: count, fragmentNumber: number } = sentence;
    if (count === 1) {
      return { complete: completeOf([sentence], receivedAtMs), drops };
    }
    const plainKey = `n|${sentence.sequenceId}|${sentence.channel}|${count}`;
    const group = sentence.tagBlock?.group;
    const groupKey = group ? `g|${group.id}|${count}` : undefined;
    if (number === 1) {
      const key = groupKey ?? plainKey;
      const old = this.pending.get(key);
      if (old) drops.push(this.drop(old, 'fragment-superseded', 'a new fragment 1 arrived'));
      if (this.pending.size >= this.maxPending) {
        const oldest = this.pending.values().next().value;
        if (oldest) drops.push(this.drop(oldest, 'fragment-evicted', 'too many pending'));
      }
      const entry: Pending = {
        key,
        fragments: [sentence],
        firstReceivedAtMs: receivedAtMs,
        lastReceivedAtMs: receivedAtMs,
      };
      if (groupKey) {
        entry.aliasKey = plainKey;
        this.alias.set(plainKey, groupKey);
      }
      this.pending.set(key, entry);
      return { drops };
    }
    const entry = this.find(groupKey, plainKey);
    const label = `fragment ${number} of ${count} (id "${sentence.sequenceId}", channel "${sentence.channel}")`;
    if (!entry) {
      drops.push({
        problem: 'fragment-out-of-order',
        fragments: 1,
        detail: `${label} without its predecessors`,
      });
      return { drops };
    }
    const expected = entry.fragments.length + 1;
    if (number !== expected) {
      if (number > expected)
        drops.push(this.drop(entry, 'fragment-out-of-order', `${label}: missing ${expected}`));
      drops.push({
        problem: 'fragment-out-of-order',
        fragments: 1,
        detail: `${label}: expected ${expected}`,
      });
      return { drops };
    }
    entry.fragments.push(sentence);
    entry.lastReceivedAtMs = receivedAtMs;
    if (number < count) return { drops };
    this.remove(entry);
    return { complete: completeOf(entry.fragments, entry.firstReceivedAtMs), drops };
  }

  /** Drop unfinished messages whose last fragment came more than `timeoutMs` before `nowMs`. */
  expire(nowMs: number): FragmentDrop[] {
    if (this.pending.size === 0 || nowMs - this.lastSweepMs < 1000) return [];
    this.lastSweepMs = nowMs;
    const drops: FragmentDrop[] = [];
    for (const entry of [...this.pending.values()]) {
      if (nowMs - entry.lastReceivedAtMs > this.timeoutMs) {
        drops.push(
          this.drop(entry, 'fragment-expired', `no next fragment within ${this.timeoutMs} ms`),
        );
      }
    }
    return drops;
  }

  private find(groupKey: string | undefined, plainKey: string): Pending | undefined {
    if (groupKey) return this.pending.get(groupKey) ?? this.pending.get(plainKey);
    const viaAlias = this.alias.get(plainKey);
    return this.pending.get(plainKey) ?? (viaAlias ? this.pending.get(viaAlias) : undefined);
  }

  private drop(entry: Pending, problem: DropProblem, why: string): FragmentDrop {
    this.remove(entry);
    const first = entry.fragments[0];
    return {
      problem,
      fragments: entry.fragments.length,
      detail: `${entry.fragments.length} of ${first?.fragmentCount} fragments (id "${first?.sequenceId}", channel "${first?.channel}"): ${why}`,
    };
  }

  private remove(entry: Pending): void {
    this.pending.delete(entry.key);
    if (entry.aliasKey && this.alias.get(entry.aliasKey) === entry.key)
      this.alias.delete(entry.aliasKey);
  }
}

function completeOf(fragments: VdmSentence[], firstReceivedAtMs: number): CompleteMessage {
  return {
    payload: fragments.map((f) => f.payload).join(''),
    fillBits: fragments[fragments.length - 1]?.fillBits ?? 0,
    fragments,
    firstReceivedAtMs,
  };
}
