import Type, { type Static } from 'typebox';

export const DatabaseEngine = Type.Enum(['pglite', 'postgres']);
export type DatabaseEngine = Static<typeof DatabaseEngine>;

export const HealthReply = Type.Object({
  status: Type.Enum(['ok', 'unavailable']),
  db: Type.Object({
    engine: DatabaseEngine,
    timescaledb: Type.Boolean(),
    reachable: Type.Boolean(),
    error: Type.Optional(Type.String()),
  }),
  version: Type.String(),
  protocolVersion: Type.Integer(),
  uptimeS: Type.Number(),
});
export type HealthReply = Static<typeof HealthReply>;
