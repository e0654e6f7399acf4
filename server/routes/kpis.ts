// GET /api/v1/kpis?from=&to=: every KPI over any window, computed by the same fold as the
// live values (state at `from` from checkpoints and stored events, then the window's events).
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import Type from 'typebox';
import { KpiReply } from '../../protocol/kpi.ts';
import type { PortFacts } from '../kpi/port-facts.ts';
import { computeKpis } from '../kpi/compute-kpis.ts';
import { loadKpiInputs } from '../kpi/history.ts';
import { parseWireTime } from '../ingest/wire-time.ts';

const DAY_MS = 86_400_000;
const MAX_WINDOW_MS = 31 * DAY_MS;

export async function kpiRoutes(
  app: FastifyInstance,
  deps: { pool: pg.Pool; facts: PortFacts },
): Promise<void> {
  app.get(
    '/api/v1/kpis',
    {
      schema: {
        summary: 'Every KPI over a window [from, to); default the last 24 hours',
        querystring: Type.Object({
          from: Type.Optional(Type.String()),
          to: Type.Optional(Type.String()),
        }),
        response: { 200: KpiReply },
      },
    },
    async (request, typedReply) => {
      const reply = typedReply as FastifyReply;
      const { from, to } = request.query as { from?: string; to?: string };
      const now = Date.now();
      const asTime = (value: string) =>
        parseWireTime(/^\d+$/.test(value) ? Number(value) : value, now);
      const toMs = to === undefined ? { ok: true as const, ms: now } : asTime(to);
      if (!toMs.ok)
        return reply
          .code(400)
          .send({ statusCode: 400, error: 'Bad Request', message: `to: ${toMs.reason}` });
      const fromMs =
        from === undefined ? { ok: true as const, ms: toMs.ms - DAY_MS } : asTime(from);
      if (!fromMs.ok)
        return reply
          .code(400)
          .send({ statusCode: 400, error: 'Bad Request', message: `from: ${fromMs.reason}` });
      if (fromMs.ms >= toMs.ms || toMs.ms - fromMs.ms > MAX_WINDOW_MS)
        return reply.code(400).send({
          statusCode: 400,
          error: 'Bad Request',
          message: 'from must be before to, and the window at most 31 days',
        });
      const { state, events } = await loadKpiInputs(deps.pool, fromMs.ms, toMs.ms);
      return { kpis: computeKpis(state, events, fromMs.ms, toMs.ms, deps.facts) };
    },
  );
}
