// What the storage modules need from the database: something to run a query on, a pool
// or one of its clients (the TimescaleDB test adapter passes for both).
import type pg from 'pg';

export type Queryable = Pick<pg.PoolClient, 'query'>;
