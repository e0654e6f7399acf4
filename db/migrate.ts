// Versioned SQL migrations: db/migrations/NNNN_name.sql, applied in order at start, each
// in its own transaction and recorded in schema_migrations, so running twice is a no-op.
// A companion NNNN_name.timescaledb.sql holds the TimescaleDB extras of that step and
// runs right after it when the extension is there. An applied file that has since
// changed stops the start: history must not be rewritten under a live database.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  timescaleSql: string | undefined;
  checksum: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));
const FILE = /^(\d{4})_([a-z0-9_]+?)(\.timescaledb)?\.sql$/;
// Any constant: it only has to be the same for every Quayside instance.
const MIGRATION_LOCK_KEY = 4_711_2026;

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const byVersion = new Map<number, { name: string; sql?: string; timescaleSql?: string }>();
  for (const file of readdirSync(dir).sort()) {
    const match = FILE.exec(file);
    if (!match) throw new Error(`db/migrations: unexpected file name ${file}`);
    const [, digits, name, timescale] = match as unknown as [string, string, string, string?];
    const version = Number(digits);
    const entry = byVersion.get(version) ?? { name };
    if (entry.name !== name) throw new Error(`db/migrations: two names for version ${digits}`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    if (timescale) entry.timescaleSql = sql;
    else entry.sql = sql;
    byVersion.set(version, entry);
  }
  return [...byVersion.entries()]
    .sort(([a], [b]) => a - b)
    .map(([version, entry]) => {
      if (entry.sql === undefined) throw new Error(`db/migrations: ${version} has no base .sql`);
      const checksum = createHash('sha256')
        .update(entry.sql)
        .update(entry.timescaleSql ?? '')
        .digest('hex');
      return {
        version,
        name: entry.name,
        sql: entry.sql,
        timescaleSql: entry.timescaleSql,
        checksum,
      };
    });
}

export interface MigrateResult {
  applied: string[];
}

export async function migrate(
  pool: pg.Pool,
  {
    timescaledb,
    migrations = loadMigrations(),
  }: { timescaledb: boolean; migrations?: Migration[] },
): Promise<MigrateResult> {
  const client = await pool.connect();
  try {
    // Several instances may start at once: one migrates, the others wait and find it done.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version     integer PRIMARY KEY,
      name        text NOT NULL,
      checksum    text NOT NULL,
      timescaledb boolean NOT NULL,
      applied_at  timestamptz NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const done = new Map(rows.map((row) => [row.version, row.checksum]));
    const applied: string[] = [];
    for (const migration of migrations) {
      const label = `${String(migration.version).padStart(4, '0')}_${migration.name}`;
      const recorded = done.get(migration.version);
      if (recorded !== undefined) {
        if (recorded !== migration.checksum)
          throw new Error(`migration ${label} changed after it was applied; add a new one instead`);
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        if (timescaledb && migration.timescaleSql) await client.query(migration.timescaleSql);
        await client.query(
          'INSERT INTO schema_migrations (version, name, checksum, timescaledb) VALUES ($1, $2, $3, $4)',
          [migration.version, migration.name, migration.checksum, timescaledb],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`migration ${label} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(label);
    }
    return { applied };
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
