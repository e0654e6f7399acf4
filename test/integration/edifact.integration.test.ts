// POST /api/v1/edifact on a running server: a COARRI whose good message is stored and
// whose bad message (an invalid check digit) is refused whole and named, idempotent on
// resend. Interchanges are written by the EDIFACT test builders, from the standard.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import {
  BAD_BOX,
  BOX,
  coarri,
  interchange,
  message,
} from '../../server/edifact/test-interchanges.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

describe.each(enginesUnderTest())('EDIFACT ingest on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  const post = (body: string) =>
    fetch(`${server.url}/api/v1/edifact`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_KEY}` },
      body,
    });
  const stored = async () =>
    Number(
      (await db.pool.query(`SELECT count(*) AS n FROM container_event WHERE event_id LIKE 'edi:%'`))
        .rows[0].n,
    );

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  const time = (minutesAgo: number) => {
    const d = new Date(Date.now() - minutesAgo * 60_000);
    const two = (n: number) => String(n).padStart(2, '0');
    return `${d.getUTCFullYear()}${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}${two(d.getUTCHours())}${two(d.getUTCMinutes())}`;
  };
  const text = interchange([
    message(
      'M1',
      'COARRI',
      coarri('discharge', [
        { box: BOX.a, time: `${time(30)}`, extra: [] },
        { box: BOX.b, time: time(20) },
      ]),
    ),
    message(
      'M2',
      'COARRI',
      coarri('load', [
        { box: BOX.c, time: time(10) },
        { box: BAD_BOX, time: time(5) },
      ]),
    ),
  ]);

  it('stores the messages that map and names the bad container of the one that does not', async () => {
    const response = await post(text);
    expect(response.status).toBe(200);
    const reply = await response.json();
    expect(reply.messages).toBe(2);
    expect(reply.events).toBe(2);
    expect(reply.errors).toEqual([
      expect.objectContaining({ message: 'M2', reason: expect.stringContaining(BAD_BOX) }),
    ]);
    expect(reply.errors[0].segment).toBeGreaterThan(1);
    expect(await stored()).toBe(2); // M2's good box was not stored either: whole or nothing
  });

  it('does not store a resent interchange twice', async () => {
    await post(text);
    expect(await stored()).toBe(2);
  });

  it('reports a wrong UNT segment count instead of hiding it', async () => {
    const broken = text.replace(/UNT\+(\d+)\+M1/, (_m, n: string) => `UNT+${Number(n) + 3}+M1`);
    const reply = await (await post(broken)).json();
    expect(reply.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'M1', reason: expect.stringMatching(/UNT/) }),
      ]),
    );
  });

  it('refuses anything but text, and requests without the key', async () => {
    const json = await fetch(`${server.url}/api/v1/edifact`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEY}` },
      body: '{}',
    });
    expect(json.status).toBe(415);
    const noKey = await fetch(`${server.url}/api/v1/edifact`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: text,
    });
    expect(noKey.status).toBe(401);
  });
});
