// What the live hub does for the pages, counted by wrapping two of its methods (the hub
// keeps no such counts of its own).
import type { LiveHub } from '../../server/live/live-hub.ts';

export interface HubCounters {
  /** Snapshots asked for after a gap in the batches (resyncs). */
  resyncs: number;
  /** Position batches flushed: one to each connection whenever something moved. */
  flushes: number;
}

export function countHub(hub: LiveHub): HubCounters {
  const counts = { resyncs: 0, flushes: 0 };
  const snapshotFor = hub.snapshotFor.bind(hub);
  hub.snapshotFor = (id: string) => {
    counts.resyncs += 1;
    return snapshotFor(id);
  };
  // seq is private; it moves only when a flush sends a batch.
  const inner = hub as unknown as { seq: number; flush(): void };
  const flush = inner.flush.bind(inner);
  inner.flush = () => {
    const seq = inner.seq;
    flush();
    if (inner.seq !== seq) counts.flushes += 1;
  };
  return counts;
}
