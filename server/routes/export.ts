// GET /api/v1/export/kpis.csv and /api/v1/export/events.csv: the KPIs and the stored
// events of any window as CSV files for analysts. UTF-8 with a BOM, so Excel (zh-CN
// included) reads the Chinese names; RFC 4180 quoting by csv-stringify. The KPIs are
// those GET /api/v1/kpis gives for the window; the events stream out a page at a time,
// so a week of them costs one page of memory and never holds a database connection.
import { pipeline, Readable } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';
import { stringify as stringifyAll } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import Type from 'typebox';
import { KPI_DEFINITIONS } from '../../protocol/kpi.ts';
import { computeKpis } from '../kpi/compute-kpis.ts';
import { loadKpiInputs } from '../kpi/history.ts';
import type { PortFacts } from '../kpi/port-facts.ts';
import {
  EVENT_COLUMNS,
  readExportEvents,
  type ExportEventRow,
  type ExportPaging,
} from '../storage/export-rows.ts';
import { parseQueryWindow, type WindowRule } from './query-window.ts';
import { refuse } from './refusals.ts';

const DAY_MS = 86_400_000;
const KPI_WINDOW: WindowRule = {
  defaultBeforeMs: DAY_MS,
  defaultAfterMs: 0,
  maxMs: 31 * DAY_MS,
  maxText: '31 days',
};
const EVENT_WINDOW: WindowRule = { ...KPI_WINDOW, maxMs: 7 * DAY_MS, maxText: '7 days' };

const KPI_COLUMNS = ['id', 'name_en', 'name_zh', 'scope', 'value', 'unit', 'from', 'to'];
const NAMES = new Map(KPI_DEFINITIONS.map((d) => [d.id, d.name]));

const CSV: Options = {
  bom: true,
  header: true,
  record_delimiter: 'windows',
  // csv-stringify writes false as an empty field by default.
  cast: { boolean: (value) => String(value) },
};

const TIME = { description: 'ISO 8601 with a zone, or epoch milliseconds' };
const WindowQuery = Type.Object({
  from: Type.Optional(Type.String(TIME)),
  to: Type.Optional(Type.String(TIME)),
});
const Refusal = Type.Object({
  statusCode: Type.Number(),
  error: Type.String(),
  message: Type.String(),
});
const csvFile = (description: string) => ({
  description,
  content: { 'text/csv': { schema: Type.String() } },
});

/** An instant for a file name: 2026-12-01T08:00:00.000Z → 20261201T080000Z (no colons). */
const fileTime = (ms: number) =>
  new Date(ms).toISOString().replace(/[-:]/g, '').replace('.000Z', 'Z');

function asAttachment(reply: FastifyReply, what: string, fromMs: number, toMs: number) {
  const name = `quayside-${what}-${fileTime(fromMs)}-${fileTime(toMs)}.csv`;
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`);
}

async function* rowsOf(pages: AsyncIterable<ExportEventRow[]>): AsyncGenerator<ExportEventRow> {
  for await (const page of pages) yield* page;
}

export async function exportRoutes(
  app: FastifyInstance,
  deps: { pool: pg.Pool; facts: PortFacts; paging?: ExportPaging },
): Promise<void> {
  const windowOf = (query: unknown, rule: WindowRule) =>
    parseQueryWindow(query as { from?: string; to?: string }, Date.now(), rule);

  app.get(
    '/api/v1/export/kpis.csv',
    {
      schema: {
        summary: 'Every KPI of a window [from, to) as CSV; default the last 24 hours',
        description:
          'The values GET /api/v1/kpis gives, one row each: ' +
          `${KPI_COLUMNS.join(', ')}. from must be before to; the window is at most 31 days.`,
        querystring: WindowQuery,
        response: { 200: csvFile('UTF-8 CSV with a BOM'), 400: Refusal },
      },
    },
    async (request, reply) => {
      const window = windowOf(request.query, KPI_WINDOW);
      if (!window.ok) return refuse(reply, 400, window.message);
      const { fromMs, toMs } = window;
      const { state, events } = await loadKpiInputs(deps.pool, fromMs, toMs);
      const rows = computeKpis(state, events, fromMs, toMs, deps.facts).map((kpi) => ({
        ...kpi,
        name_en: NAMES.get(kpi.id)?.en,
        name_zh: NAMES.get(kpi.id)?.['zh-CN'],
      }));
      return asAttachment(reply, 'kpis', fromMs, toMs).send(
        stringifyAll(rows, { ...CSV, columns: KPI_COLUMNS }),
      );
    },
  );

  app.get(
    '/api/v1/export/events.csv',
    {
      schema: {
        summary: 'Every stored event of a window [from, to) as CSV; default the last 24 hours',
        description:
          'Actual, estimated and planned events of every type, one row each in time order ' +
          `(ties by event id), each type filling the columns it has: ${EVENT_COLUMNS.join(', ')}. ` +
          'from must be before to; the window is at most 7 days.',
        querystring: WindowQuery,
        response: { 200: csvFile('UTF-8 CSV with a BOM, streamed'), 400: Refusal },
      },
    },
    async (request, reply) => {
      const window = windowOf(request.query, EVENT_WINDOW);
      if (!window.ok) return refuse(reply, 400, window.message);
      const { fromMs, toMs } = window;
      const rows = Readable.from(rowsOf(readExportEvents(deps.pool, fromMs, toMs, deps.paging)));
      const csv = stringify({ ...CSV, columns: EVENT_COLUMNS });
      // The next page is read only when the client has taken the last one. Fastify reports
      // a failed read (a 500 before the first row, a cut reply after); a client that goes
      // away destroys the CSV stream, and pipeline stops the reading.
      pipeline(rows, csv, () => {});
      return asAttachment(reply, 'events', fromMs, toMs).send(csv);
    },
  );
}
