// The database engines an integration suite runs against: the embedded one always, and
// the PostgreSQL server named by DATABASE_URL when it is set (CI sets it). Each test
// database on a shared server lives in its own schema, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../db/database.ts';
import { tempDir } from './temp-dir.ts';

export interface EngineUnderTest {
  name: 'embedded' | 'postgres' | 'timescaledb';
  /** Opens (or reopens) this engine's test database. */
  open(): Promise<Database>;
  /** Removes everything the engine's tests left behind. */
  dispose(): Promise<void>;
}

export function embeddedEngine(): EngineUnderTest {
  const dir = tempDir('db');
  return {
    name: 'embedded',
    open: () => openDatabase({ dataDir: dir.path }),
    dispose: async () => dir.remove(),
  };
}

export function postgresEngine(databaseUrl: string): EngineUnderTest {
  const schema = `qs_test_${randomBytes(4).toString('hex')}`;
  const dir = tempDir('pg');
  return {
    name: 'postgres',
    open: () => openDatabase({ databaseUrl, dataDir: dir.path, schema }),
    dispose: async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      dir.remove();
    },
  };
}

/** Every engine available here, for describe.each(...)('... $name', ...). */
export function enginesUnderTest(): { name: string; make: () => EngineUnderTest }[] {
  const engines = [{ name: 'embedded', make: embeddedEngine }];
  const url = process.env.DATABASE_URL;
  if (url) engines.push({ name: 'postgres', make: () => postgresEngine(url) });
  else console.warn('DATABASE_URL is not set: the PostgreSQL integration suites do not run');
  return engines;
}
