// One route of the public ingest API as a feed uses it: items queue in order and go in
// batches, one request at a time, with the key. Overload and outages (429, 503, no
// answer) are waited out, honouring Retry-After, and the batch is sent again; a reply
// naming rejected items is a bug in the feed and is reported loudly. A channel for
// perishable items (positions in real time) keeps only the newest while it waits.
import type { IngestReply } from '../protocol/telemetry.ts';

/** What a route answers about a batch: how many items it took, why it refused others. */
export interface BatchOutcome {
  accepted: number;
  rejected: { index?: number; reason: string }[];
}

/** How a route takes its batches (JSON arrays by default). */
export interface ChannelFormat<T> {
  contentType: string;
  encode(batch: T[]): string;
  read(reply: unknown): BatchOutcome;
}

const JSON_BATCHES: ChannelFormat<unknown> = {
  contentType: 'application/json',
  encode: (batch) => JSON.stringify(batch),
  read: (reply) => reply as IngestReply,
};

const MAX_BACKOFF_MS = 15_000;
const FIRST_BACKOFF_MS = 500;

export interface ChannelOptions<T = unknown> {
  target: string;
  path: string;
  key: string;
  log: (message: string) => void;
  /** Items per request (the server takes at most 10,000 and 8 MiB). */
  batchSize: number;
  /** Keep at most this many waiting items, dropping the oldest; undefined: keep all. */
  maxPending?: number;
  /** A failure that waiting will not cure (the server refuses the batch itself). */
  onFatal: (message: string) => void;
  format?: ChannelFormat<T>;
}

export interface ChannelStats {
  accepted: number;
  rejected: number;
  dropped: number;
}

export class IngestChannel<T> {
  private pending: T[] = [];
  private sending = false;
  private backoffMs = FIRST_BACKOFF_MS;
  private pausedUntil = 0;
  private batchSize: number;
  private droppedSinceReport = 0;
  private lastProblem = '';
  private idleWaiters: (() => void)[] = [];
  private roomWaiters: { limit: number; resolve: () => void }[] = [];
  readonly stats: ChannelStats = { accepted: 0, rejected: 0, dropped: 0 };

  constructor(private readonly options: ChannelOptions<T>) {
    this.batchSize = options.batchSize;
  }

  get backlog(): number {
    return this.pending.length;
  }

  enqueue(items: T[]): void {
    if (items.length === 0) return;
    for (const item of items) this.pending.push(item);
    const excess = this.pending.length - (this.options.maxPending ?? Infinity);
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.droppedSinceReport += excess;
      this.stats.dropped += excess;
    }
    void this.drain();
  }

  /** Resolves once fewer than `limit` items are waiting (a producer's back-pressure). */
  room(limit: number): Promise<void> {
    if (this.pending.length < limit) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push({ limit, resolve }));
  }

  /** Resolves once nothing is waiting or in flight. */
  idle(): Promise<void> {
    if (this.pending.length === 0 && !this.sending) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    if (this.sending || Date.now() < this.pausedUntil) return;
    if (this.pending.length === 0) {
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    this.sending = true;
    const batch = this.pending.slice(0, this.batchSize);
    try {
      await this.send(batch);
    } catch (error) {
      this.problem(`cannot reach the server (${(error as Error).message}); retrying`);
      this.pause(this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    } finally {
      this.sending = false;
    }
    void this.drain();
  }

  private async send(batch: T[]): Promise<void> {
    const { target, path, key } = this.options;
    const format = this.options.format ?? JSON_BATCHES;
    const response = await fetch(`${target}${path}`, {
      method: 'POST',
      headers: { 'content-type': format.contentType, authorization: `Bearer ${key}` },
      body: format.encode(batch),
    });
    if (response.ok) {
      this.accepted(batch, format.read(await response.json()));
      return;
    }
    const text = await response.text();
    if (response.status === 413 && this.batchSize > 1) {
      this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
      return;
    }
    if ([400, 413, 415, 422].includes(response.status)) {
      this.options.onFatal(`${path} refused a batch: ${response.status} ${text}`);
      this.pause(MAX_BACKOFF_MS);
      return;
    }
    // 429 and 503 say when to come back; anything else (a restart, a route not there yet,
    // a key being replaced) is waited out the same way.
    this.problem(`${path} answered ${response.status}; retrying`);
    this.pause(Number(response.headers.get('retry-after')) * 1000 || this.backoffMs);
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
  }

  private accepted(batch: T[], reply: BatchOutcome): void {
    this.pending.splice(0, batch.length);
    this.roomWaiters = this.roomWaiters.filter((w) => {
      if (this.pending.length >= w.limit) return true;
      w.resolve();
      return false;
    });
    this.stats.accepted += reply.accepted;
    this.stats.rejected += reply.rejected.length;
    for (const { index, reason } of reply.rejected.slice(0, 5))
      this.options.log(
        `BUG: ${this.options.path} rejected ${index === undefined ? 'an item' : JSON.stringify(batch[index])}: ${reason}`,
      );
    if (reply.rejected.length > 5)
      this.options.log(
        `BUG: ${this.options.path} rejected ${reply.rejected.length - 5} more items`,
      );
    this.backoffMs = FIRST_BACKOFF_MS;
    if (this.lastProblem) {
      this.options.log(`${this.options.path} is taking items again`);
      this.lastProblem = '';
    }
    if (this.droppedSinceReport > 0) {
      this.options.log(`${this.droppedSinceReport} stale items were dropped while waiting`);
      this.droppedSinceReport = 0;
    }
  }

  /** Says what went wrong once, not on every retry. */
  private problem(message: string): void {
    if (message !== this.lastProblem) this.options.log(message);
    this.lastProblem = message;
  }

  private pause(ms: number): void {
    this.pausedUntil = Date.now() + ms;
    // A timer may fire a moment before Date.now() reaches the end of the pause.
    setTimeout(() => {
      this.pausedUntil = 0;
      void this.drain();
    }, ms).unref();
  }
}
