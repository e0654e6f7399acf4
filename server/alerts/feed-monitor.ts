// When each data source last delivered anything: on a wall display stale data must never
// look live, so a source that falls silent raises the feed_silent alert.
export class FeedMonitor {
  private readonly lastSeen = new Map<string, number>();

  record(source: string, nowMs: number): void {
    this.lastSeen.set(source, nowMs);
  }

  /** Seconds since each known source last delivered. */
  silences(nowMs: number): { source: string; silentS: number }[] {
    return [...this.lastSeen].map(([source, at]) => ({ source, silentS: (nowMs - at) / 1000 }));
  }
}

const SOURCE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

/** The source a request names in X-Quayside-Source, if it is a usable name. */
export function sourceName(header: string | string[] | undefined, fallback: string): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SOURCE.test(value) ? value : fallback;
}
