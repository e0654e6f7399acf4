import { describe, expect, it } from 'vitest';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { ContainerRegistry } from '../cargo/container-registry.ts';
import { EventQueue } from '../engine/event-queue.ts';
import { EventSink } from '../engine/event-sink.ts';
import { contextParts, type SimContext } from '../engine/sim-context.ts';
import { TRUCK_LIMITS } from '../equipment/truck-limits.ts';
import { Vehicle } from '../equipment/vehicle.ts';
import { configWith } from '../simulation-config.ts';
import { readPortLayout } from '../world/port-layout.ts';
import { QueueLine } from './queue-line.ts';

const T0 = Date.UTC(2026, 10, 27, 8);
const MIN = 60_000;

/** A context whose AGVs fail within a minute or so of driving (mean 36 s) and take about an hour to fix. */
function context(): SimContext {
  const parts = contextParts(1, T0);
  return {
    queue: new EventQueue(T0),
    config: configWith({
      faults: {
        agv: { mtbfHours: 0.01, repairMedianMinutes: 60 },
        truck: { mtbfHours: 1e6, repairMedianMinutes: 1 },
      },
    }),
    layout: readPortLayout(buildDemoPort()),
    events: new EventSink(parts.tag),
    registry: new ContainerRegistry(),
    rng: parts.rng,
    newId: parts.newId,
  };
}

describe('a queue of vehicles', () => {
  it('serves them in the order they joined, one standing at the front at a time', () => {
    const ctx = context();
    const { roads, hinterland, gateLanes } = ctx.layout;
    const line = new QueueLine(ctx, roads.route(hinterland, gateLanes[0]!.stop));
    const served: string[] = [];
    line.onFrontStanding = () => {
      // Each stays at the front for two minutes, then leaves the queue.
      ctx.queue.after(2 * MIN, () => {
        served.push(line.takeFront().id);
        line.closeUp();
      });
    };
    for (const id of ['T1', 'T2', 'T3'])
      line.join(new Vehicle(ctx, id, 'truck', TRUCK_LIMITS, hinterland, true));
    ctx.queue.runUntil(T0 + 60 * MIN);
    expect(served).toEqual(['T1', 'T2', 'T3']);
    expect(line.length).toBe(0);
  });

  it('lets the others pass a vehicle that breaks down in it, which keeps its place once fixed', () => {
    const ctx = context();
    const { roads, hinterland, gateLanes } = ctx.layout;
    const line = new QueueLine(ctx, roads.route(hinterland, gateLanes[0]!.stop));
    const served: { id: string; atMs: number }[] = [];
    line.onFrontStanding = () => {
      const front = line.front;
      if (!front) return;
      served.push({ id: line.takeFront().id, atMs: ctx.queue.nowMs });
      line.closeUp();
    };
    const broken = new Vehicle(ctx, 'A1', 'agv', TRUCK_LIMITS, hinterland);
    line.join(broken);
    line.join(new Vehicle(ctx, 'T2', 'truck', TRUCK_LIMITS, hinterland, true));
    line.join(new Vehicle(ctx, 'T3', 'truck', TRUCK_LIMITS, hinterland, true));

    ctx.queue.runUntil(T0 + 15 * MIN);
    expect(broken.state).toBe('fault');
    expect(served.map((s) => s.id)).toEqual(['T2', 'T3']);
    expect(line.length).toBe(1);

    ctx.queue.runUntil(T0 + 24 * 60 * MIN);
    expect(served.map((s) => s.id)).toEqual(['T2', 'T3', 'A1']);
    expect(served[2]!.atMs - T0).toBeGreaterThan(15 * MIN);
  });
});
