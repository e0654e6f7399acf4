// The envelope of an ingest request: a JSON array, or NDJSON (one JSON value a line).
// Only the envelope is judged here; each item is validated on its own afterwards, so one
// bad item never costs the good ones beside it.

export const MAX_BATCH_ITEMS = 10_000;
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

export type Envelope =
  | { ok: true; items: unknown[]; lineErrors: { index: number; reason: string }[] }
  | { ok: false; status: 400 | 413; reason: string };

/** A body Fastify already parsed as JSON. */
export function fromJsonBody(body: unknown): Envelope {
  if (!Array.isArray(body))
    return { ok: false, status: 400, reason: 'body must be a JSON array of items (or NDJSON)' };
  if (body.length > MAX_BATCH_ITEMS) return tooMany(body.length);
  return { ok: true, items: body, lineErrors: [] };
}

/**
 * NDJSON: each non-blank line is one item. A line that is not JSON is rejected as that
 * item (its index counts items, i.e. non-blank lines; the reason names the body's line
 * number), not as the whole batch.
 */
export function fromNdjson(text: string): Envelope {
  const lines = text
    .split(/\r?\n/)
    .map((line, i) => ({ line, lineNumber: i + 1 }))
    .filter(({ line }) => line.trim() !== '');
  if (lines.length > MAX_BATCH_ITEMS) return tooMany(lines.length);
  const items: unknown[] = [];
  const lineErrors: { index: number; reason: string }[] = [];
  lines.forEach(({ line, lineNumber }, index) => {
    try {
      items.push(JSON.parse(line));
    } catch {
      items.push(undefined);
      lineErrors.push({ index, reason: `line ${lineNumber} is not valid JSON` });
    }
  });
  return { ok: true, items, lineErrors };
}

function tooMany(count: number): Envelope {
  return {
    ok: false,
    status: 413,
    reason: `batch has ${count} items; at most ${MAX_BATCH_ITEMS} per request`,
  };
}
