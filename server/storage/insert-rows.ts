// Multi-row inserts as one statement: each column travels as one array parameter and
// unnest() turns the arrays back into rows. One round trip for thousands of rows, on
// PostgreSQL and the embedded engine alike.
import type { Queryable } from '../../db/queryable.ts';

export type SqlType = 'text' | 'float8' | 'int4' | 'int2' | 'bool' | 'timestamptz';

export interface Column<R> {
  name: string;
  type: SqlType;
  value: (row: R) => unknown;
}

export type { Queryable };

export const isoTime = (ms: number) => new Date(ms).toISOString();

export async function insertRows<R>(
  db: Queryable,
  table: string,
  columns: readonly Column<R>[],
  rows: readonly R[],
  suffix = '',
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const result = await db.query(
    `INSERT INTO ${table} (${names}) SELECT * FROM unnest(${arrays}) ${suffix}`,
    columns.map((c) => rows.map((row) => c.value(row) ?? null)),
  );
  return result.rowCount ?? 0;
}
