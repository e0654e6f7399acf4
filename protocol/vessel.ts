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

/** What AIS static reports (types 5, 24) or port-call events say about a vessel. */
export interface VesselStatic {
  mmsi: string;
  timeMs: number;
  imo?: string;
  name?: string;
  callSign?: string;
  shipType?: number;
  /** Distances from the AIS reference point to bow, stern, port and starboard, metres. */
  toBowM?: number;
  toSternM?: number;
  toPortM?: number;
  toStarboardM?: number;
  draughtM?: number;
  destination?: string;
  etaMs?: number;
}

/** One vessel as GET /api/v1/vessels lists it. */
export const VesselSummary = Type.Object({
  mmsi: Type.String(),
  imo: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  callSign: Type.Optional(Type.String()),
  shipType: Type.Optional(Type.Integer()),
  lengthM: Type.Optional(Type.Number({ description: 'bow + stern distances' })),
  beamM: Type.Optional(Type.Number({ description: 'port + starboard distances' })),
  toBowM: Type.Optional(Type.Number()),
  toSternM: Type.Optional(Type.Number()),
  toPortM: Type.Optional(Type.Number()),
  toStarboardM: Type.Optional(Type.Number()),
  draughtM: Type.Optional(Type.Number()),
  destination: Type.Optional(Type.String()),
  eta: Type.Optional(Type.String({ format: 'date-time' })),
  lastPosition: Type.Optional(
    Type.Object({
      lon: Type.Number(),
      lat: Type.Number(),
      sogKnots: Type.Optional(Type.Number()),
      cogDeg: Type.Optional(Type.Number()),
      headingDeg: Type.Optional(Type.Number()),
      navStatus: Type.Optional(Type.Integer()),
      time: Type.String({ format: 'date-time' }),
    }),
  ),
});
export type VesselSummary = Static<typeof VesselSummary>;
export const VesselList = Type.Object({ vessels: Type.Array(VesselSummary) });
