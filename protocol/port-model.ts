import Type, { type Static, type TProperties, type TSchema } from 'typebox';

/**
 * The port model: a GeoJSON FeatureCollection whose features carry typed properties.
 * Every feature has an `id` and a `kind`; the kind decides the geometry type and the
 * other properties. Coordinates are WGS84 lon/lat, lengths in metres. Properties that
 * name another feature (`terminalId`, `gateId`, `inspectionAreaId`) hold that feature's id.
 */
const Position = Type.Tuple([
  Type.Number({ minimum: -180, maximum: 180 }),
  Type.Number({ minimum: -90, maximum: 90 }),
]);
const Point = Type.Object({
  type: Type.Literal('Point'),
  coordinates: Position,
});
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

const terminalId = Type.String({ description: 'id of the terminal feature it belongs to' });
const positiveMetres = Type.Number({ exclusiveMinimum: 0 });

export const TerminalFeature = feature('terminal', Polygon, {
  operator: Type.Optional(Type.String({ maxLength: 120 })),
  unLocode: Type.Optional(
    Type.String({ pattern: '^[A-Z]{2}[A-Z2-9]{3}$', description: 'UN/LOCODE, e.g. CNSHA' }),
  ),
});
export const WaterFeature = feature('water', Polygon, {});
export const LandFeature = feature('land', Polygon, {});
export const QuayFeature = feature('quay', LineString, { terminalId });
export const BerthFeature = feature('berth', Polygon, {
  terminalId,
  lengthM: positiveMetres,
  depthM: positiveMetres,
});
/** A ship-to-shore crane where it is parked on the quay rail. */
export const StsCraneFeature = feature('sts_crane', Point, {
  terminalId,
  railOrder: Type.Integer({
    minimum: 1,
    description: 'position on the rail, counted along the quay; cranes cannot pass each other',
  }),
  outreachM: positiveMetres,
  liftCapacityT: Type.Optional(positiveMetres),
});
export const YardBlockFeature = feature('yard_block', Polygon, {
  terminalId,
  blockKind: Type.Enum(['import', 'export', 'reefer', 'empty', 'dangerous']),
  bays: Type.Integer({ minimum: 1 }),
  rows: Type.Integer({ minimum: 1 }),
  tiers: Type.Integer({ minimum: 1 }),
  capacityTeu: Type.Integer({ minimum: 1 }),
});
export const ROAD_KINDS = [
  'quay_lane',
  'yard_lane',
  'gate_road',
  'inspection_road',
  'public_road',
] as const;
export const RoadFeature = feature('road', LineString, {
  roadKind: Type.Enum([...ROAD_KINDS]),
});
export const GateFeature = feature('gate', Polygon, { terminalId });
/** One lane of a gate; as a LineString its coordinates run in the direction of travel. */
export const GateLaneFeature = feature('gate_lane', Type.Union([LineString, Polygon]), {
  gateId: Type.String({ description: 'id of the gate feature it belongs to' }),
  direction: Type.Enum(['in', 'out']),
  ocr: Type.Optional(Type.Boolean({ description: 'optical character recognition portal' })),
  rfid: Type.Optional(Type.Boolean()),
});
export const InspectionAreaFeature = feature('inspection_area', Polygon, {
  terminalId,
  authority: Type.Optional(Type.String({ maxLength: 120 })),
});
/** A customs inspection lane; its coordinates run in the direction of travel. */
export const InspectionLaneFeature = feature('inspection_lane', LineString, {
  inspectionAreaId: Type.String({ description: 'id of the inspection_area it belongs to' }),
  method: Type.Enum(['scan', 'manual'], {
    description: 'scan = drive-through scanner; manual = physical examination',
  }),
  capacityPerHour: Type.Number({ exclusiveMinimum: 0, description: 'containers per hour' }),
});
export const AnchorageFeature = feature('anchorage', Polygon, {
  maxDraughtM: Type.Optional(positiveMetres),
});
/** The approach channel; as a LineString, its centre line from the sea end to the port end. */
export const ChannelFeature = feature('channel', Type.Union([LineString, Polygon]), {
  depthM: positiveMetres,
  widthM: Type.Optional(positiveMetres),
  speedLimitKnots: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 30 })),
});
export const PilotBoardingPlaceFeature = feature('pilot_boarding_place', Point, {});

/** Each kind's schema, so a bad feature is judged against its own kind only. */
export const PORT_FEATURE_SCHEMAS = {
  terminal: TerminalFeature,
  water: WaterFeature,
  land: LandFeature,
  quay: QuayFeature,
  berth: BerthFeature,
  sts_crane: StsCraneFeature,
  yard_block: YardBlockFeature,
  road: RoadFeature,
  gate: GateFeature,
  gate_lane: GateLaneFeature,
  inspection_area: InspectionAreaFeature,
  inspection_lane: InspectionLaneFeature,
  anchorage: AnchorageFeature,
  channel: ChannelFeature,
  pilot_boarding_place: PilotBoardingPlaceFeature,
} as const;

export const PortFeature = Type.Union([
  TerminalFeature,
  WaterFeature,
  LandFeature,
  QuayFeature,
  BerthFeature,
  StsCraneFeature,
  YardBlockFeature,
  RoadFeature,
  GateFeature,
  GateLaneFeature,
  InspectionAreaFeature,
  InspectionLaneFeature,
  AnchorageFeature,
  ChannelFeature,
  PilotBoardingPlaceFeature,
]);
export type PortFeature = Static<typeof PortFeature>;
export type PortFeatureKind = PortFeature['properties']['kind'];

/** Which property of which kind names a feature of which other kind. */
export const PORT_FEATURE_REFERENCES: readonly {
  kind: PortFeatureKind;
  property: string;
  target: PortFeatureKind;
}[] = [
  { kind: 'quay', property: 'terminalId', target: 'terminal' },
  { kind: 'berth', property: 'terminalId', target: 'terminal' },
  { kind: 'sts_crane', property: 'terminalId', target: 'terminal' },
  { kind: 'yard_block', property: 'terminalId', target: 'terminal' },
  { kind: 'gate', property: 'terminalId', target: 'terminal' },
  { kind: 'gate_lane', property: 'gateId', target: 'gate' },
  { kind: 'inspection_area', property: 'terminalId', target: 'terminal' },
  { kind: 'inspection_lane', property: 'inspectionAreaId', target: 'inspection_area' },
];

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
