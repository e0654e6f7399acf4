// Per-item validation of telemetry: the TypeBox schema from protocol/ for shape and
// ranges, then what a schema cannot say (a real instant, not far in the future). Invalid
// items are rejected with a reason, never repaired.
import { Compile } from 'typebox/compile';
import { TelemetryItem, type EquipmentPosition } from '../../protocol/telemetry.ts';
import { describeSchemaErrors } from './schema-errors.ts';

const checkTelemetry = Compile(TelemetryItem);

/** How far ahead of the server's clock a timestamp may be (clock skew of feeds). */
export const MAX_FUTURE_MS = 5 * 60_000;
/** Earliest instant accepted: older data is a unit mistake (seconds for milliseconds). */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Date.parse rolls 2026-02-30 over to March 2; a feed's impossible date is an error. */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth;
}

/** Epoch milliseconds of a wire timestamp, or a reason why it is not one. */
export function parseWireTime(
  value: string | number,
  nowMs: number,
): { ok: true; ms: number } | { ok: false; reason: string } {
  let ms: number;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { ok: false, reason: 'time must be a finite number' };
    ms = value;
  } else {
    if (!ISO_WITH_ZONE.test(value))
      return {
        ok: false,
        reason: `time "${value}" is not an ISO 8601 timestamp with a zone (e.g. 2026-12-01T08:00:00Z)`,
      };
    ms = Date.parse(value);
    if (Number.isNaN(ms) || !isCalendarDate(value))
      return { ok: false, reason: `time "${value}" is not a real date` };
  }
  if (ms < EARLIEST_MS)
    return { ok: false, reason: 'time is before 2000-01-01 (epoch seconds sent as milliseconds?)' };
  if (ms > nowMs + MAX_FUTURE_MS)
    return { ok: false, reason: 'time is more than 5 minutes in the future' };
  return { ok: true, ms };
}

export function validateTelemetry(
  item: unknown,
  nowMs: number,
): { ok: true; position: EquipmentPosition } | { ok: false; reason: string } {
  if (!checkTelemetry.Check(item))
    return { ok: false, reason: describeSchemaErrors(checkTelemetry.Errors(item), TelemetryItem) };
  const time = parseWireTime(item.time, nowMs);
  if (!time.ok) return time;
  const { time: _wireTime, ...rest } = item; // time is replaced by timeMs
  return { ok: true, position: { ...rest, timeMs: time.ms } };
}
