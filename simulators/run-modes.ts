// How the simulation's outputs reach the server in each mode. Live (real time or
// accelerated): outputs are sent as simulated time passes, and simulated time never
// runs ahead of the wall clock. Backfill: a whole past day is generated and sent as fast
// as the server takes it, with back-pressure so memory stays bounded.
import type { IngestClient } from './ingest-client.ts';
import type { Simulation, SimulationOutput } from './simulation.ts';

const DAY = 86_400_000;
/** A backfill generates ahead of the server by at most this many items. */
const BACKFILL_BACKLOG = 60_000;

export interface LiveRun {
  stop(): void;
}

/** Where a live run's outputs go: the HTTP ingest client, or MQTT. */
export interface LiveFeed {
  enqueue(output: SimulationOutput): void;
}

/**
 * Sends outputs as their simulated time comes: at `speed` simulated seconds per real
 * second from the simulation's start, but never beyond the wall clock.
 */
export function runLive(simulation: Simulation, feed: LiveFeed, speed: number): LiveRun {
  const realStart = Date.now();
  const simStart = simulation.startMs;
  const timer = setInterval(
    () => {
      const simNow = Math.min(simStart + (Date.now() - realStart) * speed, Date.now());
      while (simulation.nextTimeMs <= simNow) feed.enqueue(simulation.next());
    },
    Math.max(50, Math.min(1_000, 1_000 / speed)),
  );
  return { stop: () => clearInterval(timer) };
}

export interface BackfillSummary {
  events: number;
  fixes: number;
  seconds: number;
  itemsPerSecond: number;
}

/**
 * Generates and sends the span from the simulation's start to endMs (by default the whole
 * UTC day that starts there).
 */
/** Where a backfill sends: the ingest client, with its back-pressure. */
export type BackfillTarget = Pick<IngestClient, 'enqueue' | 'backlog' | 'room' | 'flushed'>;

export async function runBackfill(
  simulation: Simulation,
  client: BackfillTarget,
  onProgress: (fractionDone: number) => void,
  end = simulation.startMs + DAY,
): Promise<BackfillSummary> {
  const started = performance.now();
  const span = end - simulation.startMs;
  let events = 0;
  let fixes = 0;
  let lastReport = 0;
  for (const output of simulation.until(end)) {
    client.enqueue(output);
    events += output.events.length;
    fixes += output.positions.length;
    if (client.backlog > BACKFILL_BACKLOG) await client.room(BACKFILL_BACKLOG / 2);
    const done = (output.timeMs - simulation.startMs) / span;
    if (done - lastReport >= 0.1) {
      lastReport = done;
      onProgress(done);
    }
  }
  await client.flushed();
  const seconds = (performance.now() - started) / 1000;
  return { events, fixes, seconds, itemsPerSecond: (events + fixes) / seconds };
}
