// Database outages: while the database is gone, ingest answers 503 with Retry-After
// (never 200), health says why, nothing acknowledged is lost, and the server recovers
// by itself when the database returns.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../db/database.ts';
import { equipmentFix } from '../helpers/fixtures.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

async function storedIds(db: Database, prefix: string): Promise<Set<string>> {
  const { rows } = await db.pool.query<{ equipment_id: string }>(
    'SELECT DISTINCT equipment_id FROM equipment_position WHERE equipment_id LIKE $1',
    [`${prefix}%`],
  );
  return new Set(rows.map((r) => r.equipment_id));
}

async function eventually(check: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('not recovered in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const healthStatus = async (server: TestServer) => (await fetch(`${server.url}/api/health`)).status;

describe('the embedded engine crashing', () => {
  const dir = tempDir('outage');
  let db: Database;
  let server: TestServer;
  beforeAll(async () => {
    db = await openDatabase({ dataDir: dir.path });
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    dir.remove();
  });

  it('answers 503 while it is down, restarts it by itself and keeps what it acknowledged', async () => {
    const before = await server.post('/api/v1/telemetry', [equipmentFix('CRASH-A', 2)]);
    expect(before.status).toBe(200);

    await db.embedded!.crash();
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(503);
    expect((await health.json()).db.error).toMatch(/embedded database/);
    const during = await server.post('/api/v1/telemetry', [equipmentFix('CRASH-B', 1)]);
    expect(during.status).toBe(503);
    expect(during.headers.get('retry-after')).toBe('5');

    await eventually(async () => (await healthStatus(server)) === 200);
    const after = await server.post('/api/v1/telemetry', [equipmentFix('CRASH-C', 1)]);
    expect(after.status).toBe(200);
    expect([...(await storedIds(db, 'CRASH-'))].sort()).toEqual(['CRASH-A', 'CRASH-C']);
  }, 60_000);
});

const DATABASE_URL = process.env.DATABASE_URL;
describe.runIf(DATABASE_URL)('PostgreSQL connections cut under load', () => {
  const schema = `qs_outage_${randomBytes(4).toString('hex')}`;
  const applicationName = `quayside_${schema}`;
  const dir = tempDir('outage-pg');
  let db: Database;
  let server: TestServer;
  let admin: pg.Client;
  beforeAll(async () => {
    db = await openDatabase({
      databaseUrl: DATABASE_URL,
      dataDir: dir.path,
      schema,
      applicationName,
    });
    server = await startTestServer(db);
    admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await admin?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin?.end();
    dir.remove();
  });

  it('never acknowledges what it did not store, and recovers by itself', async () => {
    let cutting = true;
    let cuts = 0;
    const cutter = (async () => {
      while (cutting) {
        const { rowCount } = await admin.query(
          'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1',
          [applicationName],
        );
        cuts += rowCount ?? 0;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    })();
    const acknowledged: string[] = [];
    const statuses = new Set<number>();
    for (let i = 0; i < 60; i += 1) {
      const id = `CUT-${i}`;
      const response = await server.post('/api/v1/telemetry', [equipmentFix(id, 1)]);
      statuses.add(response.status);
      if (response.status === 200) acknowledged.push(id);
      else {
        expect(response.status).toBe(503);
        expect(response.headers.get('retry-after')).toBe('5');
      }
    }
    cutting = false;
    await cutter;
    expect(cuts).toBeGreaterThan(0);
    expect(statuses.has(503)).toBe(true);

    const stored = await storedIds(db, 'CUT-');
    for (const id of acknowledged) expect(stored).toContain(id);
    await eventually(async () => (await healthStatus(server)) === 200);
    expect((await server.post('/api/v1/telemetry', [equipmentFix('CUT-after', 1)])).status).toBe(
      200,
    );
  }, 60_000);
});
