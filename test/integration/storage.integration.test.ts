// Storage on every engine: the embedded one, PostgreSQL from DATABASE_URL when it is set,
// and TimescaleDB for real (the PGlite build, through test/helpers/timescale-engine.ts,
// one instance for the file since it takes seconds to start). Each gets the same fixture;
// every rollup over every window must equal the TypeScript oracle, hence every other
// engine, and TimescaleDB must agree with itself through its continuous aggregates and
// through its raw tables. On TimescaleDB the suite also checks what the migrations
// promise (so it fails when a companion is not applied), compression and retention.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase, type Database } from '../../db/database.ts';
import { loadMigrations } from '../../db/migrate.ts';
import type { Queryable } from '../../db/queryable.ts';
import {
  craneMoves,
  gateTransactions,
  inspectionCompletions,
  positionSamples,
  type RollupWindow,
} from '../../db/rollups.ts';
import { applyStoragePolicies, TIME_SERIES_TABLES } from '../../db/storage-policies.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { expectedRollups, HOUR, MINUTE } from '../helpers/rollup-oracle.ts';
import {
  buildFixture,
  loadFixture,
  mergeFixtures,
  realisticPositions,
  type StorageFixture,
} from '../helpers/storage-fixture.ts';
import { startTimescalePool, timescaleEngine } from '../helpers/timescale-engine.ts';

const DAY = Date.UTC(2025, 2, 3);
const T0 = DAY + 8 * HOUR;
const MAIN = buildFixture(1, T0, T0 + 2 * HOUR, 'main');
/** After the aggregates were refreshed up to T0 + 2 h: real-time aggregation must show it. */
const NEWER = buildFixture(2, T0 + 2 * HOUR, T0 + 2 * HOUR + 30 * MINUTE, 'newer');
/** Late rows into buckets already materialized (a position is never stored twice). */
const LATE = ((late: StorageFixture) => {
  const taken = new Set(MAIN.positions.map((p) => `${p.equipmentId}@${p.timeMs}`));
  return {
    ...late,
    positions: late.positions.filter((p) => !taken.has(`${p.equipmentId}@${p.timeMs}`)),
  };
})(buildFixture(3, T0, T0 + 2 * HOUR, 'late'));

const WINDOWS: [string, RollupWindow][] = [
  ['the whole day', { fromMs: DAY, toMs: DAY + 24 * HOUR }],
  [
    'a window that cuts buckets at both ends',
    { fromMs: T0 + 90_500, toMs: T0 + 65 * MINUTE + 3_250 },
  ],
  ['a window without rows', { fromMs: DAY + 20 * HOUR, toMs: DAY + 21 * HOUR }],
  ['an empty window', { fromMs: T0 + 10 * MINUTE, toMs: T0 + 10 * MINUTE }],
];
const WHOLE_DAY = WINDOWS[0]![1];

const ROLLUP_VIEWS = [
  'crane_moves_1m',
  'equipment_position_10s',
  'gate_transactions_1h',
  'inspection_completions_1h',
];
const SEGMENT_BY: Record<(typeof TIME_SERIES_TABLES)[number], string> = {
  equipment_position: 'equipment_id',
  vessel_position: 'mmsi',
  container_event: 'container_number',
  port_call_event: 'call_id',
  gate_event: 'lane_id',
  inspection_event: 'lane_id',
  customs_event: 'container_number',
  equipment_state_event: 'equipment_id',
};

async function rollupsOn(db: Queryable, timescaledb: boolean, window: RollupWindow) {
  return {
    craneMoves: await craneMoves(db, timescaledb, window),
    gateTransactions: await gateTransactions(db, timescaledb, window),
    positionSamples: await positionSamples(db, timescaledb, window),
    inspectionCompletions: await inspectionCompletions(db, timescaledb, window),
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

async function refreshRollups(db: Queryable, fromMs: number, toMs: number): Promise<void> {
  for (const view of ROLLUP_VIEWS)
    await db.query(
      `CALL refresh_continuous_aggregate('${view}', '${iso(fromMs)}', '${iso(toMs)}')`,
    );
}

const column = async <T>(db: Queryable, sql: string): Promise<T[]> =>
  (await db.query<{ value: T }>(sql)).rows.map((row) => row.value);

interface OpenEngine {
  name: string;
  engine: EngineUnderTest;
  db: Database;
}

/**
 * The time the migrations' SQL takes on an empty schema of this engine: all of it in one
 * transaction, rolled back, so the engine's own database is left as it was.
 */
async function timeMigrations(db: Database): Promise<number> {
  const client = await db.pool.connect();
  try {
    await client.query('BEGIN');
    const started = performance.now();
    await client.query('CREATE SCHEMA qs_migration_timing');
    // public too: the timescaledb extension's functions live there.
    await client.query('SET LOCAL search_path TO qs_migration_timing, public');
    for (const migration of loadMigrations()) {
      await client.query(migration.sql);
      if (db.timescaledb && migration.timescaleSql) await client.query(migration.timescaleSql);
    }
    return performance.now() - started;
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
}

describe('storage on every engine', () => {
  const engines: OpenEngine[] = [];
  let timescale: Database;

  // TimescaleDB is read both ways: the continuous aggregates and the raw-table queries.
  const readers = () =>
    engines.flatMap(({ name, db }) =>
      db.timescaledb
        ? [
            { label: `${name} (continuous aggregates)`, db, timescaledb: true },
            { label: `${name} (raw tables)`, db, timescaledb: false },
          ]
        : [{ label: name, db, timescaledb: false }],
    );
  const expectEveryReaderToGive = async (rows: StorageFixture, window: RollupWindow) => {
    const expected = expectedRollups(rows, window);
    for (const reader of readers())
      expect(await rollupsOn(reader.db.pool, reader.timescaledb, window), reader.label).toEqual(
        expected,
      );
  };
  const loadEverywhere = async (rows: StorageFixture) => {
    for (const { db } of engines) await loadFixture(db.pool, rows);
  };

  beforeAll(async () => {
    const candidates = [
      ...enginesUnderTest(),
      // Retention is set at open to test that prepareDatabase (openDatabase's path) applies it.
      { name: 'timescaledb', make: () => timescaleEngine({ retentionDays: 30 }) },
    ];
    for (const { name, make } of candidates) {
      const engine = make();
      engines.push({ name, engine, db: await engine.open() });
    }
    timescale = engines.find((e) => e.name === 'timescaledb')!.db;
    await loadEverywhere(MAIN);
  });
  afterAll(async () => {
    for (const { db, engine } of engines) {
      await db.close();
      await engine.dispose();
    }
  });

  it('has a fixture that gives every rollup something to count, and windows that cut buckets', () => {
    const all = expectedRollups(MAIN, WHOLE_DAY);
    for (const rows of Object.values(all)) expect(rows.length).toBeGreaterThan(3);
    const [, cut] = WINDOWS[1]!;
    const cutMoves = expectedRollups(MAIN, cut).craneMoves;
    expect(cutMoves[0]!.bucketMs).toBeLessThan(cut.fromMs);
    expect(cutMoves.at(-1)!.bucketMs).toBeLessThan(cut.toMs);
    expect(cutMoves.length).toBeLessThan(all.craneMoves.length);
  });

  it.each(WINDOWS)('gives the same rollups over %s on every engine', async (_name, window) => {
    await expectEveryReaderToGive(MAIN, window);
  });

  it('shows rows newer than the last refresh at once (real-time aggregation)', async () => {
    await refreshRollups(timescale.pool, DAY, T0 + 2 * HOUR);
    await loadEverywhere(NEWER);
    // Materialized up to T0 + 2 h and no further: whatever of the newer rows shows came in real time.
    const { rows } = await timescale.pool.query<{ schema: string; name: string }>(
      `SELECT materialization_hypertable_schema AS schema, materialization_hypertable_name AS name
       FROM timescaledb_information.continuous_aggregates`,
    );
    expect(rows).toHaveLength(ROLLUP_VIEWS.length);
    for (const { schema, name } of rows) {
      const [latest] = await column<Date>(
        timescale.pool,
        `SELECT max(bucket) AS value FROM ${schema}.${name}`,
      );
      expect(latest?.getTime(), `${name} was refreshed`).toBeGreaterThanOrEqual(T0);
      expect(latest!.getTime()).toBeLessThan(T0 + 2 * HOUR);
    }
    const withNewer = mergeFixtures(MAIN, NEWER);
    expect(expectedRollups(withNewer, WHOLE_DAY)).not.toEqual(expectedRollups(MAIN, WHOLE_DAY));
    await expectEveryReaderToGive(withNewer, WHOLE_DAY);
  });

  it('folds late rows into materialized buckets at the next refresh', async () => {
    await loadEverywhere(LATE);
    await refreshRollups(timescale.pool, DAY, T0 + 2 * HOUR);
    for (const [, window] of WINDOWS)
      await expectEveryReaderToGive(mergeFixtures(MAIN, NEWER, LATE), window);
  });

  describe('on TimescaleDB', () => {
    it('made every time-series table a hypertable, without its BRIN index', async () => {
      const hypertables = await column<string>(
        timescale.pool,
        `SELECT hypertable_name AS value FROM timescaledb_information.hypertables
         WHERE hypertable_schema = current_schema() ORDER BY 1`,
      );
      expect(hypertables).toEqual([...TIME_SERIES_TABLES].sort());
      const brin = await column<string>(
        timescale.pool,
        `SELECT indexname AS value FROM pg_indexes
         WHERE schemaname = current_schema() AND indexdef LIKE '%USING brin%'`,
      );
      expect(brin).toEqual(['ingested_event_received_brin']);
      expect(
        await column(
          timescale.pool,
          'SELECT bool_and(timescaledb) AS value FROM schema_migrations',
        ),
      ).toEqual([true]);
    });

    it('compresses each hypertable segmented by its entity, newest first, by a policy', async () => {
      const { rows } = await timescale.pool.query<{
        table: string;
        attname: string;
        segmentby: number | null;
        asc: boolean | null;
      }>(
        `SELECT hypertable_name AS "table", attname, segmentby_column_index AS segmentby, orderby_asc AS asc
         FROM timescaledb_information.compression_settings
         WHERE hypertable_schema = current_schema() ORDER BY 1, 2`,
      );
      const settings = Object.fromEntries(
        TIME_SERIES_TABLES.map((table) => [
          table,
          rows.filter((row) => row.table === table).map(({ table: _, ...rest }) => rest),
        ]),
      );
      const expected = Object.fromEntries(
        TIME_SERIES_TABLES.map((table) => [
          table,
          [
            { attname: SEGMENT_BY[table], segmentby: 1, asc: null },
            { attname: 'time', segmentby: null, asc: false },
          ].sort((a, b) => (a.attname < b.attname ? -1 : 1)),
        ]),
      );
      expect(settings).toEqual(expected);
      const compressed = await column<string>(
        timescale.pool,
        `SELECT hypertable_name AS value FROM timescaledb_information.jobs
         WHERE proc_name = 'policy_compression' ORDER BY 1`,
      );
      expect(compressed).toEqual([...TIME_SERIES_TABLES].sort());
    });

    it('keeps the four rollups as real-time continuous aggregates, each refreshed by a policy', async () => {
      const { rows } = await timescale.pool.query<{ view: string; materialized_only: boolean }>(
        `SELECT view_name AS view, materialized_only FROM timescaledb_information.continuous_aggregates
         WHERE view_schema = current_schema() ORDER BY 1`,
      );
      expect(rows).toEqual(ROLLUP_VIEWS.map((view) => ({ view, materialized_only: false })));
      const refreshed = await column<string>(
        timescale.pool,
        `SELECT hypertable_name AS value FROM timescaledb_information.jobs
         WHERE proc_name = 'policy_refresh_continuous_aggregate' ORDER BY 1`,
      );
      expect(refreshed).toEqual(ROLLUP_VIEWS);
    });

    it('creates, changes and removes the retention policies as configured', async () => {
      const policies = async () =>
        (
          await timescale.pool.query<{ table: string; drop_after: string; job_id: number }>(
            `SELECT hypertable_name AS "table", config->>'drop_after' AS drop_after, job_id
             FROM timescaledb_information.jobs WHERE proc_name = 'policy_retention' ORDER BY 1`,
          )
        ).rows;
      const tables = [...TIME_SERIES_TABLES].sort();
      const created = await policies();
      expect(created.map((p) => [p.table, p.drop_after])).toEqual(
        tables.map((t) => [t, '30 days']),
      );

      const apply = (retentionDays: number | undefined) =>
        applyStoragePolicies(timescale.pool, { timescaledb: true, retentionDays });
      await apply(30);
      expect(await policies(), 'the same option leaves the jobs alone').toEqual(created);
      await apply(90);
      expect((await policies()).map((p) => [p.table, p.drop_after])).toEqual(
        tables.map((t) => [t, '90 days']),
      );
      await apply(undefined);
      expect(await policies()).toEqual([]);
      await expect(apply(2)).rejects.toThrow(/at least 4/);
      await expect(apply(7.5)).rejects.toThrow(/whole number/);
    });

    it('returns the same rows and rollups after compress_chunk', async () => {
      const tables = ['equipment_position', 'container_event', 'gate_event', 'inspection_event'];
      const snapshot = async () => ({
        rows: await Promise.all(
          tables.map(
            async (table) =>
              (await timescale.pool.query(`SELECT * FROM ${table} ORDER BY time, 2`)).rows,
          ),
        ),
        aggregates: await rollupsOn(timescale.pool, true, WHOLE_DAY),
        raw: await rollupsOn(timescale.pool, false, WHOLE_DAY),
      });
      const before = await snapshot();
      for (const table of tables)
        await timescale.pool.query(`SELECT compress_chunk(c) FROM show_chunks('${table}') AS c`);
      const uncompressed = await column<string>(
        timescale.pool,
        `SELECT chunk_name AS value FROM timescaledb_information.chunks
         WHERE hypertable_name IN ('${tables.join("','")}') AND NOT is_compressed`,
      );
      expect(uncompressed).toEqual([]);
      expect(await snapshot()).toEqual(before);
    });
  });

  it('measures the migrations on each engine', async () => {
    for (const { name, db } of engines)
      console.log(`migrations on ${name}: ${Math.round(await timeMigrations(db))} ms`);
  });

  it(
    'measures compression of 200k realistic positions on a fresh TimescaleDB',
    { timeout: 180_000 },
    async () => {
      const ms = (since: number) => `${Math.round(performance.now() - since)} ms`;
      let started = performance.now();
      const pool = await startTimescalePool();
      console.log(`TimescaleDB PGlite started in ${ms(started)}`);
      try {
        await prepareDatabase(pool, {});
        const positions = realisticPositions(200_000, DAY);
        started = performance.now();
        await loadFixture(pool, { positions });
        const rate = Math.round(positions.length / ((performance.now() - started) / 1000));
        console.log(`${positions.length} positions inserted in ${ms(started)} (${rate} rows/s)`);
        started = performance.now();
        await pool.query(`SELECT compress_chunk(c) FROM show_chunks('equipment_position') AS c`);
        const compressed = ms(started);
        const { rows } = await pool.query<{ chunks: number; before: string; after: string }>(
          `SELECT count(*)::int AS chunks, sum(before_compression_total_bytes) AS before,
                  sum(after_compression_total_bytes) AS after
           FROM chunk_compression_stats('equipment_position')`,
        );
        const [before, after] = [Number(rows[0]!.before), Number(rows[0]!.after)];
        const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
        console.log(
          `${rows[0]!.chunks} chunk(s) compressed in ${compressed}: ${mib(before)} -> ${mib(after)}, ` +
            `ratio ${(before / after).toFixed(1)}x`,
        );
        expect(after).toBeLessThan(before / 2);
        expect(await column(pool, 'SELECT count(*)::int AS value FROM equipment_position')).toEqual(
          [positions.length],
        );
      } finally {
        await pool.end();
      }
    },
  );
});
