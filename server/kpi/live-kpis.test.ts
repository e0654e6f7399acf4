import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../protocol/events.ts';
import { checkpointDue } from './checkpoints.ts';
import { computeKpis } from './compute-kpis.ts';
import { LiveKpis } from './live-kpis.ts';
import { emptyPortState, foldEvents } from './port-state.ts';
import { arbitraryEvents } from './test-support/arbitrary-events.ts';
import { FACTS, call, gate, kpisOf, min, MINUTE_MS, valueOf } from './test-support/events.ts';

const HOUR = 60 * MINUTE_MS;
const options = { windowMs: 2 * HOUR, lateToleranceMs: 30 * MINUTE_MS };
const startAt = (nowMinutes: number, events: StoredEvent[] = []) =>
  new LiveKpis(
    FACTS,
    { state: emptyPortState(), atMs: min(-1000), events },
    min(nowMinutes),
    options,
  );

describe('LiveKpis', () => {
  it('equals the computation over the events that arrived, as the window slides', () => {
    const feed = arbitraryEvents(0, 600, 'e', 30).chain((events) =>
      fc.tuple(
        fc.constant(events),
        fc.array(fc.integer({ min: 0, max: 25 }), {
          minLength: events.length,
          maxLength: events.length,
        }),
      ),
    );
    fc.assert(
      fc.property(feed, ([events, delays]) => {
        // Each event arrives up to 25 minutes late (within the tolerance), in batches.
        const arrivals = events
          .map((event, i) => ({ event, atMs: event.timeMs + delays[i]! * MINUTE_MS }))
          .sort((a, b) => a.atMs - b.atMs);
        const live = startAt(0);
        const arrived: StoredEvent[] = [];
        for (const [i, { event, atMs }] of arrivals.entries()) {
          live.tick(atMs);
          live.add([event]);
          arrived.push(event);
          const checkpoint = live.takeCheckpoint();
          if (checkpoint) {
            expect(checkpoint.atMs % HOUR).toBe(0);
            const before = arrived.filter((e) => e.timeMs < checkpoint.atMs);
            expect(checkpoint.state).toEqual(foldEvents(emptyPortState(), before));
          }
          if (i % 7 === 0)
            expect(live.current()).toEqual(
              computeKpis(emptyPortState(), arrived, atMs - 2 * HOUR, atMs, FACTS),
            );
        }
        expect(live.lateEvents).toBe(0);
      }),
      { numRuns: 60 },
    );
  });

  it('folds an event later than the tolerance into the base at once, and counts it', () => {
    const live = startAt(600);
    live.add([gate(100, 'V1', 'in', 'completed')]); // 500 minutes late
    expect(live.lateEvents).toBe(1);
    live.add([gate(590, 'V1', 'out', 'completed')]);
    // The in-gate is in the base, so the visit's turn time is still there.
    expect(valueOf(live.current(), 'gate.turn_time_median')).toBe(490 * 60);
  });

  it('takes an event id once, and ignores estimates', () => {
    const live = startAt(60);
    const inGate = gate(10, 'V1', 'in', 'completed');
    live.add([inGate, inGate, call(30, 'C1', 'ETA-Berth', 'B1')]);
    live.add([inGate]);
    expect(valueOf(live.current(), 'gate.throughput')).toBe(1 / 2);
    expect(valueOf(live.current(), 'anchorage.waiting_vessels')).toBe(0);
  });

  it('keeps whole milliseconds of an event time, as storage does', () => {
    const live = startAt(60);
    live.add([{ ...gate(10, 'V1', 'in', 'completed'), timeMs: min(10) + 0.7 }]);
    live.add([gate(20, 'V1', 'out', 'completed')]);
    expect(valueOf(live.current(), 'gate.turn_time_median')).toBe(600);
  });

  it('starts from a state and the events since, and never moves back', () => {
    const events = [gate(0, 'V1', 'in', 'completed'), gate(30, 'V1', 'out', 'completed')];
    const live = startAt(60, events);
    live.tick(min(10));
    expect(live.current()).toEqual(kpisOf(events, -60, 60));
  });

  it('offers the newest checkpoint its base has passed, once', () => {
    const live = startAt(0, [gate(-200, 'V1', 'in', 'completed')]);
    live.tick(min(5 * 60 + 10)); // the base moves to 2 h 40 min
    const checkpoint = live.takeCheckpoint();
    expect(checkpoint?.atMs).toBe(min(120));
    expect([...checkpoint!.state.visits]).toEqual([['V1', { inGateMs: min(-200) }]]);
    expect(live.takeCheckpoint()).toBeUndefined();
  });
});

describe('checkpointDue', () => {
  it('is the newest multiple of the interval after the last base, up to the new one', () => {
    expect(checkpointDue(HOUR - 1, HOUR, HOUR)).toBe(HOUR);
    expect(checkpointDue(HOUR, HOUR, HOUR)).toBeUndefined();
    expect(checkpointDue(HOUR, 2 * HOUR - 1, HOUR)).toBeUndefined();
    expect(checkpointDue(0, 5.5 * HOUR, HOUR)).toBe(5 * HOUR);
  });
});
