// The past on the map: GET /api/v1/snapshot?at= (everything at one instant), and for a
// replay that plays on, the frames (KPIs and picture) and the fixes of a window, in
// chunks the client asks for ahead of its clock. Every refusal is a 400 naming the field.
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { POSITION_STEPS_MS, type ReplayRange } from '../../protocol/replay.ts';
import type { Queryable } from '../../db/queryable.ts';
import type { AlertStore } from '../alerts/alert-store.ts';
import { toColumns } from '../live/live-hub.ts';
import { replayFrames, type FrameWindows, type ReplayDeps } from '../replay/replay-frames.ts';
import { replaySnapshot } from '../replay/replay-snapshot.ts';
import { positionWindow } from '../storage/position-window.ts';
import { refuse } from './refusals.ts';
import { parseQueryInstant, parseQueryWindow, type QueryInstant } from './query-window.ts';

/** Frames are a few hundred milliseconds of work each: a request computes at most this many. */
export const MAX_FRAMES = 120;
/** Steps of fixes per request: an hour of raw fixes, five days at the coarsest step. */
export const MAX_POSITION_STEPS = 3_600;

const TIME = { description: 'ISO 8601 with a zone, or epoch milliseconds' };
const Windows = {
  kpiFrom: Type.Optional(
    Type.String({ ...TIME, description: 'KPIs from here (default: the 24 hours before)' }),
  ),
  flowFrom: Type.Optional(
    Type.String({ ...TIME, description: 'flows counted from here (default: the hour before)' }),
  ),
};
const WindowQuery = {
  from: Type.String(TIME),
  to: Type.String(TIME),
  step: Type.String({ description: 'milliseconds between frames or samples' }),
};

const DAY_MS = 86_400_000;
/** How far back of its instant a frame's KPIs and flows may start: /kpis's longest window, two days of flows. */
const LONGEST_BACK = {
  kpiFrom: { key: 'kpiFromMs', ms: 31 * DAY_MS, text: '31 days' },
  flowFrom: { key: 'flowFromMs', ms: 2 * DAY_MS, text: '2 days' },
} as const;
/** A frames request spans at most this (each frame folds its window). */
const LONGEST_FRAMES_SPAN_MS = 7 * DAY_MS;

/** kpiFrom and flowFrom, if given, as instants not too long before firstMs; the first bad one refused. */
function frameWindows(
  query: { kpiFrom?: string; flowFrom?: string },
  firstMs: number,
  nowMs: number,
): { ok: true; windows: FrameWindows } | { ok: false; message: string } {
  const windows: FrameWindows = {};
  for (const name of ['kpiFrom', 'flowFrom'] as const) {
    const value = query[name];
    if (value === undefined) continue;
    const instant = parseQueryInstant(name, value, nowMs);
    if (!instant.ok) return instant;
    const { key, ms, text } = LONGEST_BACK[name];
    if (instant.ms < firstMs - ms)
      return { ok: false, message: `${name}: at most ${text} before the instant` };
    windows[key] = instant.ms;
  }
  return { ok: true, windows };
}

function stepOf(value: string): QueryInstant {
  const ms = /^\d+$/.test(value) ? Number(value) : Number.NaN;
  return Number.isSafeInteger(ms) && ms > 0
    ? { ok: true, ms }
    : { ok: false, message: `step: "${value}" is not a whole number of milliseconds` };
}

interface WindowParams {
  from: string;
  to: string;
  step: string;
}

/** [from, to) holding at most maxSteps steps; it may reach a little ahead of now (a chunk read ahead). */
function stepsWindow(query: WindowParams, stepMs: number, maxSteps: number, nowMs: number) {
  return parseQueryWindow(query, nowMs, {
    defaultBeforeMs: 0,
    defaultAfterMs: 0,
    maxMs: stepMs * maxSteps,
    maxText: `${maxSteps} steps of ${stepMs} ms`,
  });
}

export async function replayRoutes(
  app: FastifyInstance,
  deps: ReplayDeps & { alerts: AlertStore; db: Queryable },
): Promise<void> {
  app.get(
    '/api/v1/snapshot',
    {
      schema: {
        summary: 'Everything at one instant: positions, states, open alerts, KPIs, picture',
        description:
          'Each entity at its last fix in the 15 minutes up to `at` (default now), the alerts ' +
          'open then as they stood, the KPIs over the 24 hours before (or from kpiFrom), and ' +
          "the berths', blocks' and lanes' picture with the flows of the hour before (or from flowFrom).",
        querystring: Type.Object({ at: Type.Optional(Type.String(TIME)), ...Windows }),
      },
    },
    async (request, reply) => {
      const query = request.query as { at?: string; kpiFrom?: string; flowFrom?: string };
      const now = Date.now();
      const at =
        query.at === undefined
          ? { ok: true as const, ms: now }
          : parseQueryInstant('at', query.at, now);
      if (!at.ok) return refuse(reply, 400, at.message);
      const windows = frameWindows(query, at.ms, now);
      if (!windows.ok) return refuse(reply, 400, windows.message);
      return replaySnapshot(deps, at.ms, windows.windows);
    },
  );

  app.get(
    '/api/v1/replay/frames',
    {
      schema: {
        summary: 'KPIs and the operations picture at from, from + step, ... before to',
        description: `step at least 1000 ms; at most ${MAX_FRAMES} frames a request.`,
        querystring: Type.Object({ ...WindowQuery, ...Windows }),
      },
    },
    async (request, reply) => {
      const query = request.query as WindowParams & { kpiFrom?: string; flowFrom?: string };
      const now = Date.now();
      const step = stepOf(query.step);
      if (!step.ok) return refuse(reply, 400, step.message);
      if (step.ms < 1_000) return refuse(reply, 400, 'step: frames are at least 1000 ms apart');
      const window = stepsWindow(query, step.ms, MAX_FRAMES, now);
      if (!window.ok) return refuse(reply, 400, window.message);
      if (window.toMs - window.fromMs > LONGEST_FRAMES_SPAN_MS)
        return refuse(reply, 400, 'the window from..to is at most 7 days');
      const count = Math.ceil((window.toMs - window.fromMs) / step.ms);
      const windows = frameWindows(query, window.fromMs, now);
      if (!windows.ok) return refuse(reply, 400, windows.message);
      const instants = Array.from({ length: count }, (_, i) => window.fromMs + i * step.ms);
      // A replay that seeks drops its read-ahead: stop computing frames nobody will read.
      const gone = new AbortController();
      reply.raw.on('close', () => reply.raw.writableFinished || gone.abort());
      const frames = await replayFrames(deps, instants, windows.windows, gone.signal);
      return { fromMs: window.fromMs, toMs: window.toMs, stepMs: step.ms, frames };
    },
  );

  app.get(
    '/api/v1/replay/positions',
    {
      schema: {
        summary: 'The fixes of a window in time order, all or one per entity and step',
        description: `step one of ${POSITION_STEPS_MS.join(', ')} ms (1000: every fix); at most ${MAX_POSITION_STEPS} steps a request.`,
        querystring: Type.Object(WindowQuery),
      },
    },
    async (request, reply) => {
      const query = request.query as WindowParams;
      const step = stepOf(query.step);
      if (!step.ok) return refuse(reply, 400, step.message);
      if (!(POSITION_STEPS_MS as readonly number[]).includes(step.ms))
        return refuse(reply, 400, `step: one of ${POSITION_STEPS_MS.join(', ')} ms`);
      const window = stepsWindow(query, step.ms, MAX_POSITION_STEPS, Date.now());
      if (!window.ok) return refuse(reply, 400, window.message);
      const fixes = await positionWindow(deps.db, { ...window, stepMs: step.ms });
      return {
        fromMs: window.fromMs,
        toMs: window.toMs,
        stepMs: step.ms,
        positions: toColumns(fixes),
      };
    },
  );

  app.get(
    '/api/v1/replay/range',
    { schema: { summary: 'The first and last instants with stored positions or events' } },
    async (): Promise<ReplayRange> => {
      const { rows } = await deps.db.query<{ first_ms: number | null; last_ms: number | null }>(
        `SELECT extract(epoch FROM min(first_seen))::float8 * 1000 AS first_ms,
                extract(epoch FROM max(last_seen))::float8 * 1000 AS last_ms FROM equipment`,
      );
      const { first_ms: first, last_ms: last } = rows[0] ?? { first_ms: null, last_ms: null };
      return first === null || last === null
        ? {}
        : { firstMs: Math.round(first), lastMs: Math.round(last) };
    },
  );
}
