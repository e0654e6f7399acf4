import Type, { type Static, type TProperties, type TSchema } from 'typebox';

/**
 * The port model: a GeoJSON FeatureCollection whose features carry typed properties.
 * Every feature has an `id` and a `kind`; the kind decides the geometry type and the
 * other properties. Coordinates are WGS84 lon/lat, lengths in metres.
 */
const Position = Type.Tuple([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.Number({ minimum: -90, maximum: 90 }),
]);
const LineString = Type.Object({
  type: Type.Literal('LineString'),
  coordinates: Type.Array(Position, { minItems: 2 }),
});
const Polygon = Type.Object({
  type: Type.Literal('Polygon'),
  coordinates: Type.Array(Type.Array(Position, { minItems: 4 }), { minItems: 1 }),
});

const base = {
  id: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.Optional(Type.String({ maxLength: 120 })),
};

const feature = <K extends string, G extends TSchema, P extends TProperties>(
  kind: K,
  geometry: G,
  props: P,
) =>
  Type.Object({
    type: Type.Literal('Feature'),
    geometry,
    properties: Type.Object({ ...base, kind: Type.Literal(kind), ...props }),
  });

export const WaterFeature = feature('water', Polygon, {});
export const LandFeature = feature('land', Polygon, {});
export const QuayFeature = feature('quay', LineString, {
  terminalId: Type.String(),
});
export const BerthFeature = feature('berth', Polygon, {
  terminalId: Type.String(),
  lengthM: Type.Number({ exclusiveMinimum: 0 }),
  depthM: Type.Number({ exclusiveMinimum: 0 }),
});
export const YardBlockFeature = feature('yard_block', Polygon, {
  terminalId: Type.String(),
  blockKind: Type.Enum(['import', 'export', 'reefer', 'empty', 'dangerous']),
  bays: Type.Integer({ minimum: 1 }),
  rows: Type.Integer({ minimum: 1 }),
  tiers: Type.Integer({ minimum: 1 }),
  capacityTeu: Type.Integer({ minimum: 1 }),
});
export const RoadFeature = feature('road', LineString, {
  roadKind: Type.Enum(['quay_lane', 'yard_lane', 'gate_road']),
});

/** Each kind's schema, so a bad feature is judged against its own kind only. */
export const PORT_FEATURE_SCHEMAS = {
  water: WaterFeature,
  land: LandFeature,
  quay: QuayFeature,
  berth: BerthFeature,
  yard_block: YardBlockFeature,
  road: RoadFeature,
} as const;

export const PortFeature = Type.Union([
  WaterFeature,
  LandFeature,
  QuayFeature,
  BerthFeature,
  YardBlockFeature,
  RoadFeature,
]);
export type PortFeature = Static<typeof PortFeature>;
export type PortFeatureKind = PortFeature['properties']['kind'];

export const PortModel = Type.Object({
  type: Type.Literal('FeatureCollection'),
  properties: Type.Object({
    portId: Type.String({ minLength: 1 }),
    name: Type.String(),
    timeZone: Type.String({ description: 'IANA zone used for display, e.g. Asia/Shanghai' }),
    center: Position,
  }),
  features: Type.Array(PortFeature),
});
export type PortModel = Static<typeof PortModel>;

export type FeatureOfKind<K extends PortFeatureKind> = Extract<
  PortFeature,
  { properties: { kind: K } }
>;
