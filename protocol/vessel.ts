// A vessel position, from AIS or from the simulator, as POST /api/v1/telemetry takes it
// (an item with an `mmsi` is a vessel; one with an `equipmentId` is equipment). AIS speeds
// stay in knots, as the standard has them, and the field names say so.
import Type, { type Static } from 'typebox';
import { WireTime } from './telemetry.ts';

export const VesselPositionItem = Type.Object(
  {
    mmsi: Type.String({ pattern: '^\\d{9}$', description: '9 digits' }),
    time: WireTime,
    lon: Type.Number({ minimum: -180, maximum: 180 }),
    lat: Type.Number({ minimum: -90, maximum: 90 }),
    sogKnots: Type.Optional(Type.Number({ minimum: 0, maximum: 102.2 })),
    cogDeg: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 360 })),
    headingDeg: Type.Optional(Type.Number({ minimum: 0, exclusiveMaximum: 360 })),
    /** AIS navigational status 0-15 (0 under way using engine, 1 at anchor, 5 moored...). */
    navStatus: Type.Optional(Type.Integer({ minimum: 0, maximum: 15 })),
  },
  { additionalProperties: false },
);
export type VesselPositionItem = Static<typeof VesselPositionItem>;

/** A vessel position after validation: time normalised to epoch milliseconds. */
export type VesselPosition = Omit<VesselPositionItem, 'time'> & { timeMs: number };
