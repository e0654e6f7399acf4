// A time window [from, to] from a query string, read as GET /api/v1/kpis reads its times:
// ISO 8601 with a zone, or epoch milliseconds (digits only), through the wire-time parser.
// Either end may be left out; the route says what the window is by default.
import { parseWireTime } from '../ingest/wire-time.ts';

export interface WindowRule {
  /** Without from/to: the window is [now - before, now + after]. */
  defaultBeforeMs: number;
  defaultAfterMs: number;
  maxMs: number;
  /** How the longest window reads in a refusal ("7 days"). */
  maxText: string;
}

export type QueryWindow =
  { ok: true; fromMs: number; toMs: number } | { ok: false; message: string };

/** A query-string time: digits are epoch milliseconds; plans may lie ahead. */
function queryTime(value: string, nowMs: number) {
  return parseWireTime(/^\d+$/.test(value) ? Number(value) : value, nowMs, 'estimate');
}

/** With only one end given, the other keeps the default window's length. */
export function parseQueryWindow(
  query: { from?: string; to?: string },
  nowMs: number,
  rule: WindowRule,
): QueryWindow {
  const span = rule.defaultBeforeMs + rule.defaultAfterMs;
  const from = query.from === undefined ? undefined : queryTime(query.from, nowMs);
  if (from && !from.ok) return { ok: false, message: `from: ${from.reason}` };
  const to = query.to === undefined ? undefined : queryTime(query.to, nowMs);
  if (to && !to.ok) return { ok: false, message: `to: ${to.reason}` };
  const toMs = to?.ms ?? (from ? from.ms + span : nowMs + rule.defaultAfterMs);
  const fromMs = from?.ms ?? toMs - span;
  if (fromMs >= toMs) return { ok: false, message: 'from must be before to' };
  if (toMs - fromMs > rule.maxMs)
    return { ok: false, message: `the window from..to is at most ${rule.maxText}` };
  return { ok: true, fromMs, toMs };
}

export type QueryInstant = { ok: true; ms: number } | { ok: false; message: string };

/** One instant of the past or present (a replayed moment), named in the refusal. */
export function parseQueryInstant(name: string, value: string, nowMs: number): QueryInstant {
  const time = parseWireTime(/^\d+$/.test(value) ? Number(value) : value, nowMs);
  return time.ok ? { ok: true, ms: time.ms } : { ok: false, message: `${name}: ${time.reason}` };
}
