// The past of one thing over HTTP: the berth schedule around now, a machine's state
// timeline and moves, a gate or inspection lane's queue. Each takes an optional window
// ?from=&to= (ISO 8601 with a zone, or epoch ms) with a default that suits its view.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import Type from 'typebox';
import { BerthSchedule, EquipmentHistory, LaneHistory } from '../../protocol/history.ts';
import { EntityId } from '../../protocol/telemetry.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import { readEquipmentHistory } from '../storage/equipment-history.ts';
import { readLaneHistory, type LaneKind } from '../storage/lane-history.ts';
import { readBerthSchedule } from '../storage/schedule-rows.ts';
import { parseQueryInstant, parseQueryWindow, type WindowRule } from './query-window.ts';

const HOUR_MS = 3_600_000;
const LONGEST = { maxMs: 7 * 24 * HOUR_MS, maxText: '7 days' };
const SCHEDULE_WINDOW: WindowRule = {
  defaultBeforeMs: 24 * HOUR_MS,
  defaultAfterMs: 24 * HOUR_MS,
  ...LONGEST,
};
const EQUIPMENT_WINDOW: WindowRule = {
  defaultBeforeMs: 8 * HOUR_MS,
  defaultAfterMs: 0,
  ...LONGEST,
};
const LANE_WINDOW: WindowRule = { defaultBeforeMs: 4 * HOUR_MS, defaultAfterMs: 0, ...LONGEST };

const WindowQuery = Type.Object({
  from: Type.Optional(Type.String({ description: 'ISO 8601 with a zone, or epoch milliseconds' })),
  to: Type.Optional(Type.String({ description: 'ISO 8601 with a zone, or epoch milliseconds' })),
});
const IdParams = Type.Object({ id: EntityId });
const Refusal = Type.Object({
  statusCode: Type.Number(),
  error: Type.String(),
  message: Type.String(),
});
const WINDOW_RULES = 'from must be before to; the window is at most 7 days.';

function refuse(reply: FastifyReply, status: 400 | 404, message: string) {
  const error = status === 400 ? 'Bad Request' : 'Not Found';
  return reply.code(status).send({ statusCode: status, error, message });
}

/** Lanes by id, each with the log its queue is read from. */
function lanesOf(model: PortModel): Map<string, LaneKind> {
  const lanes = new Map<string, LaneKind>();
  for (const { properties } of model.features)
    if (properties.kind === 'gate_lane') lanes.set(properties.id, 'gate');
    else if (properties.kind === 'inspection_lane') lanes.set(properties.id, 'inspection');
  return lanes;
}

export async function historyRoutes(
  app: FastifyInstance,
  deps: { pool: pg.Pool; portModel: PortModel },
): Promise<void> {
  const lanes = lanesOf(deps.portModel);
  const windowOf = (query: unknown, rule: WindowRule, nowMs = Date.now()) =>
    parseQueryWindow(query as { from?: string; to?: string }, nowMs, rule);

  app.get(
    '/api/v1/berth-schedule',
    {
      schema: {
        summary: 'Vessel calls touching a window; default from 24 h ago to 24 h ahead',
        description:
          'Every call with an estimate or actual in [from, to], or alongside across it: the ' +
          `latest ETA/ETD, the actuals ATB, ATS, ATC, ATD, planned moves and moves done. ${WINDOW_RULES} ` +
          'With at (a replayed instant): as known then, without the actuals and moves after it.',
        querystring: Type.Object({
          ...WindowQuery.properties,
          at: Type.Optional(
            Type.String({ description: 'ISO 8601 with a zone, or epoch milliseconds' }),
          ),
        }),
        response: { 200: BerthSchedule, 400: Refusal },
      },
    },
    async (request, reply) => {
      const now = Date.now();
      const window = windowOf(request.query, SCHEDULE_WINDOW, now);
      if (!window.ok) return refuse(reply, 400, window.message);
      const { at } = request.query as { at?: string };
      const asAt = at === undefined ? undefined : parseQueryInstant('at', at, now);
      if (asAt && !asAt.ok) return refuse(reply, 400, asAt.message);
      const { fromMs, toMs } = window;
      return { fromMs, toMs, calls: await readBerthSchedule(deps.pool, fromMs, toMs, asAt?.ms) };
    },
  );

  app.get(
    '/api/v1/equipment/:id/history',
    {
      schema: {
        summary: "A machine's state timeline and moves over a window; default the last 8 hours",
        description: `The state in force at from is included. ${WINDOW_RULES}`,
        params: IdParams,
        querystring: WindowQuery,
        response: { 200: EquipmentHistory, 400: Refusal },
      },
    },
    async (request, reply) => {
      const window = windowOf(request.query, EQUIPMENT_WINDOW);
      if (!window.ok) return refuse(reply, 400, window.message);
      const { id } = request.params as { id: string };
      return readEquipmentHistory(deps.pool, id, window.fromMs, window.toMs);
    },
  );

  app.get(
    '/api/v1/lanes/:id/history',
    {
      schema: {
        summary: "A gate or inspection lane's queue over a window; default the last 4 hours",
        description: `The queue now and every 5 minutes, transactions completed, the last 20 events. 404 for a lane the port model does not have. ${WINDOW_RULES}`,
        params: IdParams,
        querystring: WindowQuery,
        response: { 200: LaneHistory, 400: Refusal, 404: Refusal },
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const kind = lanes.get(id);
      if (!kind) return refuse(reply, 404, `no gate or inspection lane "${id}" in the port model`);
      const now = Date.now();
      const window = windowOf(request.query, LANE_WINDOW, now);
      if (!window.ok) return refuse(reply, 400, window.message);
      return readLaneHistory(deps.pool, kind, id, window.fromMs, window.toMs, now);
    },
  );
}
