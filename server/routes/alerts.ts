// Alerts over HTTP: the list (open, or a window's), one alert's audit trail, and the two
// things a duty manager does: acknowledge and resolve. Each change also goes live.
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { Alert, AlertAction, AlertAuditEntry, AlertList } from '../../protocol/alerts.ts';
import { AlertTransitionError, type AlertStore } from '../alerts/alert-store.ts';
import { parseWireTime } from '../ingest/wire-time.ts';

const DAY_MS = 86_400_000;
const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

function problem(reply: FastifyReply, status: number, message: string) {
  const error = { 400: 'Bad Request', 404: 'Not Found', 409: 'Conflict' }[status] ?? 'Error';
  return reply.code(status).send({ statusCode: status, error, message });
}

/** A window's alerts a reply holds by default, and at most (a replayed busy day asks for more). */
const DEFAULT_LIMIT = 500;
const MAX_LIMIT = 10_000;

export async function alertRoutes(
  app: FastifyInstance,
  deps: { store: AlertStore; onChange(alert: Alert): void },
): Promise<void> {
  app.get(
    '/api/v1/alerts',
    {
      schema: {
        summary: 'Open alerts, or (with from/to) those raised or open in a window',
        description: `A window's alerts come newest first, at most limit of them (default ${DEFAULT_LIMIT}, at most ${MAX_LIMIT}).`,
        querystring: Type.Object({
          from: Type.Optional(Type.String()),
          to: Type.Optional(Type.String()),
          limit: Type.Optional(Type.String()),
        }),
        response: { 200: AlertList },
      },
    },
    async (request, reply) => {
      const { from, to, limit } = request.query as { from?: string; to?: string; limit?: string };
      const count = limit === undefined ? DEFAULT_LIMIT : Number(limit);
      if (!/^\d+$/.test(limit ?? '1') || count < 1 || count > MAX_LIMIT)
        return problem(reply, 400, `limit: a whole number from 1 to ${MAX_LIMIT}, got "${limit}"`);
      if (from === undefined && to === undefined) return { alerts: await deps.store.open() };
      const now = Date.now();
      const toMs = to === undefined ? { ok: true as const, ms: now } : parseWireTime(to, now);
      const fromMs =
        from === undefined
          ? { ok: true as const, ms: (toMs.ok ? toMs.ms : now) - DAY_MS }
          : parseWireTime(from, now);
      if (!fromMs.ok) return problem(reply, 400, `from: ${fromMs.reason}`);
      if (!toMs.ok) return problem(reply, 400, `to: ${toMs.reason}`);
      if (fromMs.ms >= toMs.ms) return problem(reply, 400, 'from must be before to');
      return { alerts: await deps.store.list(fromMs.ms, toMs.ms, count) };
    },
  );

  app.get(
    '/api/v1/alerts/:id/trail',
    {
      schema: {
        summary: 'Every step of one alert: raised, acknowledged, resolved, by whom and when',
        params: IdParams,
        response: { 200: Type.Object({ trail: Type.Array(AlertAuditEntry) }) },
      },
    },
    async (request) => ({ trail: await deps.store.trail((request.params as { id: string }).id) }),
  );

  for (const action of ['acknowledge', 'resolve'] as const) {
    app.post(
      `/api/v1/alerts/:id/${action}`,
      {
        schema: {
          summary:
            action === 'acknowledge'
              ? 'Acknowledge an alert (who, when)'
              : 'Resolve an alert by hand',
          params: IdParams,
          body: AlertAction,
          response: { 200: Alert },
        },
      },
      async (request, reply) => {
        const { id } = request.params as { id: string };
        const { actor, note } = request.body as AlertAction;
        try {
          const alert =
            action === 'acknowledge'
              ? await deps.store.acknowledge(id, actor, note, Date.now())
              : await deps.store.resolve(id, actor, note, Date.now());
          deps.onChange(alert);
          return alert;
        } catch (error) {
          if (error instanceof AlertTransitionError)
            return problem(reply, error.status, error.message);
          throw error;
        }
      },
    );
  }
}
