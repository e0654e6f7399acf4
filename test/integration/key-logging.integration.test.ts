// The ingest key must never reach a log line: not on success, not on a refusal, not
// when a write fails and the error is logged with its context.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { equipmentFix } from '../helpers/fixtures.ts';

const KEY = 'secret-ingest-key-7f3a9c';
const WRONG = 'guessed-key-91b2e0';

describe('logs', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let lines = '';
  let url: string;
  let close: () => Promise<void>;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    const sink = new Writable({
      write: (chunk, _encoding, done) => ((lines += String(chunk)), done()),
    });
    const app = await buildApp({
      db,
      portModel: buildDemoPort(),
      ingestKey: KEY,
      version: 'test',
      clientDir: '/nonexistent',
      logger: pino({ level: 'trace' }, sink),
    });
    url = await app.listen({ host: '127.0.0.1', port: 0 });
    close = () => app.close();
  });
  afterAll(async () => {
    await close?.();
    await db?.close();
    await engine?.dispose();
  });

  it('never contain the ingest key, right or wrong, whatever happens to the request', async () => {
    const post = (key: string, body: unknown = [equipmentFix('LOG-1', 1)]) =>
      fetch(`${url}/api/v1/telemetry`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
        body: JSON.stringify(body),
      });
    expect((await post(KEY)).status).toBe(200);
    expect((await post(WRONG)).status).toBe(401);
    expect((await post(KEY, { not: 'a batch' })).status).toBe(400);
    await db.pool.query('ALTER TABLE equipment_position RENAME TO equipment_position_away');
    try {
      expect((await post(KEY)).status).toBe(503);
    } finally {
      await db.pool.query('ALTER TABLE equipment_position_away RENAME TO equipment_position');
    }
    expect(lines).toMatch(/telemetry batch not stored/); // the failure was logged...
    expect(lines).not.toContain(KEY); // ...without the key
    expect(lines).not.toContain(WRONG);
  });
});
