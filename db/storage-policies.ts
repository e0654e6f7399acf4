// Storage policies that depend on the deployment rather than on the schema, applied after
// the migrations at every start. Today: retention, which a migration must not fix because
// each port decides how long it keeps raw data. Setting it again changes or removes the
// policy; leaving it unset keeps everything. Only TimescaleDB drops old chunks: plain
// PostgreSQL and the embedded engine have no job scheduler and keep every row.
import type { Queryable } from './queryable.ts';

/** The hypertables of the migrations, i.e. every time-series table. */
export const TIME_SERIES_TABLES = [
  'equipment_position',
  'vessel_position',
  'container_event',
  'port_call_event',
  'gate_event',
  'inspection_event',
  'customs_event',
  'equipment_state_event',
] as const;
export type TimeSeriesTable = (typeof TIME_SERIES_TABLES)[number];

/**
 * The continuous-aggregate refresh policies (0004_rollups) look back at most 3 days. Raw
 * rows must outlive that reach, or a refresh could recompute a bucket from rows already
 * dropped and erase the rollup that was meant to outlive them.
 */
export const MIN_RETENTION_DAYS = 4;

export interface StoragePolicyOptions {
  timescaledb: boolean;
  /** Days of raw time-series rows to keep; undefined keeps them forever. */
  retentionDays: number | undefined;
}

const RETENTION_POLICIES = `
  SELECT hypertable_name AS "table",
         (extract(epoch FROM (config->>'drop_after')::interval) / 86400)::float8 AS days
  FROM timescaledb_information.jobs
  WHERE proc_name = 'policy_retention' AND hypertable_schema = current_schema()`;

/** Makes each time-series table's retention policy match the option; a no-op where it already does. */
export async function applyStoragePolicies(
  db: Queryable,
  { timescaledb, retentionDays }: StoragePolicyOptions,
): Promise<void> {
  if (
    retentionDays !== undefined &&
    !(Number.isInteger(retentionDays) && retentionDays >= MIN_RETENTION_DAYS)
  )
    throw new Error(
      `retention must be a whole number of days, at least ${MIN_RETENTION_DAYS}; got ${retentionDays}`,
    );
  if (!timescaledb) return;
  const { rows } = await db.query<{ table: string; days: number }>(RETENTION_POLICIES);
  const current = new Map(rows.map((row) => [row.table, row.days]));
  for (const table of TIME_SERIES_TABLES) {
    const days = current.get(table);
    if (days === retentionDays) continue;
    // if_exists / if_not_exists: instances starting together with the same option converge.
    if (days !== undefined)
      await db.query('SELECT remove_retention_policy($1::regclass, if_exists => true)', [table]);
    if (retentionDays !== undefined)
      await db.query(
        'SELECT add_retention_policy($1::regclass, drop_after => make_interval(days => $2::int), if_not_exists => true)',
        [table, retentionDays],
      );
  }
}
