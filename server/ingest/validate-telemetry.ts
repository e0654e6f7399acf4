// Per-item validation of telemetry: an item with an `mmsi` is a vessel position, any
// other an equipment position. The TypeBox schemas from protocol/ check shape and
// ranges; then what a schema cannot say (a real instant, not far in the future).
// Invalid items are rejected with a reason, never repaired.
import { Compile } from 'typebox/compile';
import { TelemetryItem, type EquipmentPosition } from '../../protocol/telemetry.ts';
import { VesselPositionItem, type VesselPosition } from '../../protocol/vessel.ts';
import { describeSchemaErrors } from './schema-errors.ts';
import { reject, type Validation } from './validation.ts';
import { parseWireTime } from './wire-time.ts';

const checkEquipment = Compile(TelemetryItem);
const checkVessel = Compile(VesselPositionItem);

export type TelemetryRecord =
  { kind: 'equipment'; position: EquipmentPosition } | { kind: 'vessel'; position: VesselPosition };

export function validateTelemetry(item: unknown, nowMs: number): Validation<TelemetryRecord> {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    return reject('schema', 'item must be an object');
  if ('mmsi' in item) {
    if (!checkVessel.Check(item))
      return reject('schema', describeSchemaErrors(checkVessel.Errors(item), VesselPositionItem));
    const time = parseWireTime(item.time, nowMs);
    if (!time.ok) return reject('time', time.reason);
    const { time: _wire, ...rest } = item; // time is replaced by timeMs
    return { ok: true, value: { kind: 'vessel', position: { ...rest, timeMs: time.ms } } };
  }
  if (!checkEquipment.Check(item))
    return reject('schema', describeSchemaErrors(checkEquipment.Errors(item), TelemetryItem));
  const time = parseWireTime(item.time, nowMs);
  if (!time.ok) return reject('time', time.reason);
  const { time: _wire, ...rest } = item;
  return { ok: true, value: { kind: 'equipment', position: { ...rest, timeMs: time.ms } } };
}
