// The discrete-event clock: actions scheduled at simulated instants, run in time order
// (ties in the order they were scheduled, so a run is reproducible). Simulated time
// only moves when the next action is due; nothing here knows the wall clock.

export interface Scheduled {
  readonly timeMs: number;
  cancelled: boolean;
}

interface Entry extends Scheduled {
  seq: number;
  action: () => void;
}

export class EventQueue {
  private heap: Entry[] = [];
  private seq = 0;
  private current: number;

  constructor(startMs: number) {
    this.current = startMs;
  }

  get nowMs(): number {
    return this.current;
  }

  at(timeMs: number, action: () => void): Scheduled {
    const time = Math.ceil(timeMs);
    if (time < this.current)
      throw new Error(`cannot schedule at ${time}, before the simulated now ${this.current}`);
    const entry: Entry = { timeMs: time, seq: this.seq++, action, cancelled: false };
    this.push(entry);
    return entry;
  }

  after(delayMs: number, action: () => void): Scheduled {
    return this.at(this.current + Math.max(0, delayMs), action);
  }

  /** Runs every action due at or before the given instant, then stands at that instant. */
  runUntil(timeMs: number): void {
    while (this.heap.length > 0 && this.heap[0]!.timeMs <= timeMs) {
      const entry = this.pop();
      if (entry.cancelled) continue;
      this.current = entry.timeMs;
      entry.action();
    }
    this.current = Math.max(this.current, timeMs);
  }

  get pending(): number {
    return this.heap.length;
  }

  private before(a: Entry, b: Entry): boolean {
    return a.timeMs < b.timeMs || (a.timeMs === b.timeMs && a.seq < b.seq);
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0]!;
    const last = heap.pop()!;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let smallest = i;
        if (l < heap.length && this.before(heap[l]!, heap[smallest]!)) smallest = l;
        if (r < heap.length && this.before(heap[r]!, heap[smallest]!)) smallest = r;
        if (smallest === i) break;
        [heap[i], heap[smallest]] = [heap[smallest]!, heap[i]!];
        i = smallest;
      }
    }
    return top;
  }
}
