// What the history queries share: instants leave SQL as epoch milliseconds, and an
// optional column stored as NULL becomes an absent property, never a null value.

/** A timestamptz expression as epoch milliseconds (float8; round it in JS). */
export const epochMs = (expression: string) => `extract(epoch FROM ${expression})::float8 * 1000`;

/** `{a: 1, b: null}` → `{a: 1}`. */
export function present<T extends Record<string, unknown>>(
  fields: T,
): Partial<{ [K in keyof T]: NonNullable<T[K]> }> {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as Partial<{
    [K in keyof T]: NonNullable<T[K]>;
  }>;
}

/** An epoch-ms column that may be NULL, rounded (float8 arithmetic leaves fractions). */
export const optionalMs = (value: number | null) => (value === null ? null : Math.round(value));
