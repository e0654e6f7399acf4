// What every process of the simulation shares: the clock, the configuration, the port,
// the container registry, the event sink, random streams and run-scoped ids.
import type { ContainerRegistry } from '../cargo/container-registry.ts';
import { createRng, type Rng } from '../rng.ts';
import type { SimulationConfig } from '../simulation-config.ts';
import type { PortLayout } from '../world/port-layout.ts';
import type { EventQueue } from './event-queue.ts';
import type { EventSink } from './event-sink.ts';

export interface SimContext {
  queue: EventQueue;
  config: SimulationConfig;
  layout: PortLayout;
  events: EventSink;
  registry: ContainerRegistry;
  /** An independent random stream for one concern (see Rng.fork). */
  rng(label: string): Rng;
  /** A new id, unique in this run and across runs: `${runTag}-${prefix}${n}`. */
  newId(prefix: string): string;
}

export function runTag(seed: number, startMs: number): string {
  return `S${seed}-${Math.floor(startMs / 1000).toString(36)}`;
}

export function contextParts(seed: number, startMs: number) {
  const root = createRng(seed);
  const streams = new Map<string, Rng>();
  const counters = new Map<string, number>();
  const tag = runTag(seed, startMs);
  return {
    tag,
    rng: (label: string) => {
      let stream = streams.get(label);
      if (!stream) {
        stream = root.fork(label);
        streams.set(label, stream);
      }
      return stream;
    },
    newId: (prefix: string) => {
      const n = (counters.get(prefix) ?? 0) + 1;
      counters.set(prefix, n);
      return `${tag}-${prefix}${n}`;
    },
  };
}
