import Type, { type Static } from 'typebox';
import { EquipmentKind, EquipmentState } from './equipment.ts';

/** ISO 8601 UTC string or epoch milliseconds; the server checks the value itself. */
export const WireTime = Type.Union([Type.String({ maxLength: 40 }), Type.Number()], {
  description:
    'an ISO 8601 timestamp with a zone (e.g. 2026-12-01T08:00:00Z) or epoch milliseconds',
});

export const EntityId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._:-]*$',
  description: 'letters, digits and . _ : - (starting with a letter or digit), at most 64',
});

/** One position fix of one piece of equipment, as a feed sends it. */
export const TelemetryItem = Type.Object(
  {
    equipmentId: EntityId,
    kind: EquipmentKind,
    time: WireTime,
    lon: Type.Number({ minimum: -180, maximum: 180, description: 'WGS84 degrees' }),
    lat: Type.Number({ minimum: -90, maximum: 90, description: 'WGS84 degrees' }),
    headingDeg: Type.Optional(
      Type.Number({ minimum: 0, exclusiveMaximum: 360, description: 'true heading' }),
    ),
    speedMps: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })),
    state: Type.Optional(EquipmentState),
  },
  { additionalProperties: false },
);
export type TelemetryItem = Static<typeof TelemetryItem>;

/** A telemetry item after validation: time normalised to epoch milliseconds. */
export type EquipmentPosition = Omit<TelemetryItem, 'time'> & { timeMs: number };

export const IngestRejection = Type.Object({
  index: Type.Integer({ description: 'position of the item in the batch, from 0' }),
  reason: Type.String(),
});

export const IngestReply = Type.Object({
  accepted: Type.Integer({ description: 'items committed (duplicates of stored items count)' }),
  rejected: Type.Array(IngestRejection),
});
export type IngestReply = Static<typeof IngestReply>;
