// The outcome of validating one ingest item. `code` is a small fixed set, so metrics can
// count rejections by reason without one time series per message text.
export type RejectionCode = 'malformed' | 'schema' | 'time' | 'identifier';

export type Validation<T> =
  { ok: true; value: T } | { ok: false; code: RejectionCode; reason: string };

export const reject = (code: RejectionCode, reason: string) =>
  ({ ok: false, code, reason }) as const;
