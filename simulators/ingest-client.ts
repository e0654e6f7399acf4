// A feed's side of the public ingest API: POST batches with the key, honour Retry-After
// on 429/503, and keep retrying through outages. Position fixes are perishable, so while
// the server is unreachable only the most recent ones are kept.
import type { IngestReply, TelemetryItem } from '../protocol/telemetry.ts';

const MAX_PENDING_ITEMS = 20_000;
const MAX_BACKOFF_MS = 15_000;

export interface IngestClientOptions {
  target: string;
  key: string;
  log: (message: string) => void;
}

export class IngestClient {
  private pending: TelemetryItem[] = [];
  private sending = false;
  private backoffMs = 500;
  private pausedUntil = 0;
  private droppedSinceLastReport = 0;

  constructor(private readonly options: IngestClientOptions) {}

  enqueue(items: TelemetryItem[]): void {
    this.pending.push(...items);
    const excess = this.pending.length - MAX_PENDING_ITEMS;
    if (excess > 0) {
      this.pending.splice(0, excess);
      this.droppedSinceLastReport += excess;
    }
    void this.drain();
  }

  get backlog(): number {
    return this.pending.length;
  }

  private async drain(): Promise<void> {
    if (this.sending || Date.now() < this.pausedUntil || this.pending.length === 0) return;
    this.sending = true;
    const batch = this.pending.splice(0, 5_000);
    try {
      const response = await fetch(`${this.options.target}/api/v1/telemetry`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${this.options.key}`,
        },
        body: JSON.stringify(batch),
      });
      if (response.status === 429 || response.status === 503) {
        this.pending.unshift(...batch);
        this.pause(Number(response.headers.get('retry-after')) * 1000 || this.backoffMs);
      } else if (!response.ok) {
        // A 4xx other than overload is our own bug: say so, do not resend forever.
        this.options.log(`ingest refused a batch: ${response.status} ${await response.text()}`);
      } else {
        const reply = (await response.json()) as IngestReply;
        if (reply.rejected.length > 0)
          this.options.log(
            `ingest rejected ${reply.rejected.length} items, e.g. ${reply.rejected[0]!.reason}`,
          );
        this.backoffMs = 500;
        if (this.droppedSinceLastReport > 0) {
          this.options.log(`server back; ${this.droppedSinceLastReport} stale fixes were dropped`);
          this.droppedSinceLastReport = 0;
        }
      }
    } catch {
      this.pending.unshift(...batch);
      this.pause(this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    } finally {
      this.sending = false;
    }
    void this.drain();
  }

  private pause(ms: number): void {
    this.pausedUntil = Date.now() + ms;
    setTimeout(() => void this.drain(), ms).unref();
  }
}
