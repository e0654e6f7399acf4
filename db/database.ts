// One way to the database whatever the engine: a `pg` pool. Without a DATABASE_URL we
// start the embedded engine (PGlite in a worker, speaking the wire protocol) and point
// the same pool at it, so every query in Quayside runs through one code path.
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded/embedded-postgres.ts';
import { migrate } from './migrate.ts';
import { applyStoragePolicies } from './storage-policies.ts';
import type { DatabaseEngine } from '../protocol/health.ts';

export interface Database {
  pool: pg.Pool;
  engine: DatabaseEngine;
  timescaledb: boolean;
  /** Set while the engine itself is gone (the embedded worker died); undefined while fine. */
  failure(): string | undefined;
  /** The embedded engine, when that is the one in use (outage tests crash it). */
  embedded?: EmbeddedPostgres | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; unset starts the embedded engine under dataDir. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Schema to create and work in (tests isolate themselves this way on a shared server). */
  schema?: string | undefined;
  /** Days of raw time-series rows to keep (TimescaleDB only); undefined keeps them forever. */
  retentionDays?: number | undefined;
  onError?: (error: Error) => void;
  /** How the connections name themselves to the server (pg_stat_activity). */
  applicationName?: string;
}

const POOL_SIZE = 4;
/**
 * The embedded engine runs one statement at a time whatever the pool, and pglite-socket
 * can interleave one connection's extended-protocol messages with another's when a large
 * message (a KPI checkpoint) spans several reads, clobbering the unnamed portal ("portal
 * does not exist"). One connection keeps every statement whole.
 */
const EMBEDDED_POOL_SIZE = 1;

async function enableTimescaleDb(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query(
    "SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'",
  );
  if (rows.length === 0) return false;
  try {
    await pool.query('CREATE EXTENSION IF NOT EXISTS timescaledb');
    return true;
  } catch {
    // Installed but not preloaded (shared_preload_libraries): run as plain PostgreSQL.
    return false;
  }
}

/**
 * Readies a database over any pool: TimescaleDB where available, the migrations, then the
 * storage policies the options ask for. Tells whether TimescaleDB is in use.
 */
export async function prepareDatabase(
  pool: pg.Pool,
  options: Pick<DatabaseOptions, 'retentionDays'>,
): Promise<{ timescaledb: boolean }> {
  const timescaledb = await enableTimescaleDb(pool);
  await migrate(pool, { timescaledb });
  await applyStoragePolicies(pool, { timescaledb, retentionDays: options.retentionDays });
  return { timescaledb };
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  let config: pg.PoolConfig;
  if (options.databaseUrl) {
    config = { connectionString: options.databaseUrl };
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: `${options.dataDir}/pglite`,
      onFailure: (reason) => options.onError?.(new Error(reason)),
    });
    config = { host: embedded.host, port: embedded.port, user: 'postgres', database: 'postgres' };
  }
  if (options.schema) {
    if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error('invalid schema name');
    config.options = `-c search_path=${options.schema}`;
  }
  const pool = new pg.Pool({
    ...config,
    max: embedded ? EMBEDDED_POOL_SIZE : POOL_SIZE,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: options.applicationName ?? 'quayside',
  });
  // A connection lost (server restart, terminated backend) must never take the process
  // down: idle clients report through the pool, and every client carries a listener of its
  // own from birth, so even an error in the instant a client is handed out (pg-pool
  // unhooks its idle listener before the caller can hook one) is heard. The query in
  // flight fails as usual; the pool replaces the client.
  pool.on('error', (error) => options.onError?.(error));
  pool.on('connect', (client) => client.on('error', (error) => options.onError?.(error)));

  try {
    if (options.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    const { timescaledb } = await prepareDatabase(pool, options);
    return {
      pool,
      engine: embedded ? 'pglite' : 'postgres',
      timescaledb,
      failure: () => embedded?.failure(),
      embedded,
      close: async () => {
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    await embedded?.stop();
    throw error;
  }
}
