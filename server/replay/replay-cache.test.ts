// The replay cache's keeping rule, over a database that holds (almost) no events and answers late:
// what a read was folding is kept unless a commit arrives, while it is out, of an event
// before the instant it reads up to. Live commits (now) must not spoil a read of the past.
import { describe, expect, it } from 'vitest';
import type { Queryable } from '../../db/queryable.ts';
import { ReplayCache } from './replay-cache.ts';

const H = 3_600_000;
const YESTERDAY_NOON = Date.UTC(2026, 10, 30, 12);

/** A first event ten hours before noon, then no events; answers after a turn of the event loop; counts the queries. */
function slowEmptyDatabase() {
  let queries = 0;
  const db = {
    query: async (sql: string) => {
      queries += 1;
      await new Promise((resolve) => setTimeout(resolve, 5));
      if (/now\(\)/.test(sql)) return { rows: [{ earliest_ms: null, now_ms: Date.now() }] };
      if (/min\(time\)/.test(sql)) return { rows: [{ first_ms: YESTERDAY_NOON - 10 * H }] };
      return { rows: [] };
    },
  } as unknown as Queryable;
  return { db, queries: () => queries };
}

describe('ReplayCache', () => {
  it('keeps what it folded when only later events were committed meanwhile', async () => {
    const { db, queries } = slowEmptyDatabase();
    const cache = new ReplayCache(db);
    const reading = cache.stateAt(YESTERDAY_NOON);
    cache.committed([{ timeMs: Date.now() }]); // a live batch
    await reading;
    const before = queries();
    await cache.stateAt(YESTERDAY_NOON);
    expect(queries()).toBe(before); // kept: no second read
  });

  it('does not keep what it folded when an earlier event was committed meanwhile', async () => {
    const { db, queries } = slowEmptyDatabase();
    const cache = new ReplayCache(db);
    const reading = cache.stateAt(YESTERDAY_NOON);
    cache.committed([{ timeMs: YESTERDAY_NOON - 2 * H }]); // a late event, before the read's end
    await reading;
    const before = queries();
    await cache.stateAt(YESTERDAY_NOON);
    expect(queries()).toBeGreaterThan(before); // read again
  });

  it('drops kept states after a late event, and keeps those before it', async () => {
    const { db, queries } = slowEmptyDatabase();
    const cache = new ReplayCache(db);
    await cache.stateAt(YESTERDAY_NOON);
    await cache.stateAt(YESTERDAY_NOON - 3 * H);
    cache.committed([{ timeMs: YESTERDAY_NOON - 2 * H }]);
    let before = queries();
    await cache.stateAt(YESTERDAY_NOON - 3 * H);
    expect(queries()).toBe(before);
    before = queries();
    await cache.stateAt(YESTERDAY_NOON);
    expect(queries()).toBeGreaterThan(before);
  });
});
