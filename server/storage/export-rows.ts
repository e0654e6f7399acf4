// Every stored event of a window as flat rows for the CSV export: all six event tables,
// actual, estimated and planned alike, in one fixed set of columns, in time order (ties
// by event id). Read in pages so a week of events never sits in memory and no connection
// is held between pages (the embedded engine has one, shared with live ingest): each page
// is one statement over the six tables, keyset-paginated on (time, event_id) inside a
// time slice, so a statement never scans more than one slice of each table.
import type { Queryable } from '../../db/queryable.ts';
import { sqlTime } from '../kpi/stored-events.ts';
import { epochMs } from './history-rows.ts';

/** The export's columns, in order; each event type fills the ones it has. */
export const EVENT_COLUMNS = [
  'time',
  'type',
  'event_id',
  /** Event type code (container), timestamp code (port_call), phase, status or state. */
  'code',
  /** ACT, EST or PLN; port calls by their timestamp code's first letter. */
  'classifier',
  'container_number',
  'call_id',
  'vessel_imo',
  'vessel_name',
  'mmsi',
  'equipment_id',
  'equipment_kind',
  /** Facility (container), berth (port_call), lane (gate, inspection). */
  'place',
  'gate_id',
  'direction',
  'visit_id',
  'truck_id',
  'appointment_id',
  'method',
  'outcome',
  'declaration_id',
  'channel',
  'aeo',
  'flow',
  'iso_equipment_code',
  'empty_indicator',
  'planned_moves',
  'reason',
] as const;
export type EventColumn = (typeof EVENT_COLUMNS)[number];

/** One event; time as ISO 8601 UTC, a column its type does not have (or left empty) null. */
export type ExportEventRow = Record<EventColumn, string | number | boolean | null>;

// The filled columns that are not text, so the NULLs of every UNION branch agree.
const SQL_TYPE: Partial<Record<EventColumn, string>> = { aeo: 'boolean', planned_moves: 'int4' };

/** Per table: its type and the SQL expression of each column it fills. */
const TABLES: { table: string; type: string; columns: Partial<Record<EventColumn, string>> }[] = [
  {
    table: 'container_event',
    type: 'container',
    columns: {
      code: 'event_type_code',
      classifier: 'classifier',
      container_number: 'container_number',
      call_id: 'call_id',
      equipment_id: 'equipment_id',
      place: 'facility_id',
      flow: 'flow',
      iso_equipment_code: 'iso_equipment_code',
      empty_indicator: 'empty_indicator',
    },
  },
  {
    table: 'port_call_event',
    type: 'port_call',
    columns: {
      code: 'timestamp_code',
      classifier: `CASE left(timestamp_code, 1) WHEN 'A' THEN 'ACT' WHEN 'E' THEN 'EST' ELSE 'PLN' END`,
      call_id: 'call_id',
      vessel_imo: 'vessel_imo',
      vessel_name: 'vessel_name',
      mmsi: 'mmsi',
      place: 'berth_id',
      planned_moves: 'planned_moves',
    },
  },
  {
    table: 'gate_event',
    type: 'gate',
    columns: {
      code: 'phase',
      classifier: `'ACT'`,
      container_number: 'container_number',
      place: 'lane_id',
      gate_id: 'gate_id',
      direction: 'direction',
      visit_id: 'visit_id',
      truck_id: 'truck_id',
      appointment_id: 'appointment_id',
    },
  },
  {
    table: 'inspection_event',
    type: 'inspection',
    columns: {
      code: 'phase',
      classifier: `'ACT'`,
      container_number: 'container_number',
      place: 'lane_id',
      method: 'method',
      outcome: 'outcome',
    },
  },
  {
    table: 'customs_event',
    type: 'customs',
    columns: {
      code: 'status',
      classifier: `'ACT'`,
      container_number: 'container_number',
      declaration_id: 'declaration_id',
      channel: 'channel',
      aeo: 'aeo',
    },
  },
  {
    table: 'equipment_state_event',
    type: 'equipment_state',
    columns: {
      code: 'state',
      classifier: `'ACT'`,
      equipment_id: 'equipment_id',
      equipment_kind: 'kind',
      call_id: 'call_id',
      reason: 'reason',
    },
  },
];

const FILLED = EVENT_COLUMNS.slice(3);

/** One table's rows of a page, in the export's columns (NULL where the table has none). */
function branch({ table, type, columns }: (typeof TABLES)[number]): string {
  const filled = FILLED.map((c) => `${columns[c] ?? 'NULL'}::${SQL_TYPE[c] ?? 'text'} AS ${c}`);
  return `SELECT time AS at, time::text AS cursor, ${epochMs('time')} AS time_ms,
      '${type}'::text AS type, event_id, ${filled.join(', ')}
    FROM ${table}
    WHERE time >= $1::timestamptz AND time < $2::timestamptz
      AND (time > $1::timestamptz OR event_id COLLATE "C" > $3)`;
}

// $1: where the page starts (the slice's start, or the last row's time as the database
// wrote it, so the keyset is exact to the microsecond); $2: the slice's end; $3: the last
// row's event id ('' on a slice's first page: every id is longer); $4: the page size.
// Event ids are unique across the tables (ingested_event), so (time, event_id) is a key.
// "C" collation: the same order on every engine whatever its locale.
const PAGE_SQL = `
  SELECT cursor, time_ms, ${EVENT_COLUMNS.slice(1).join(', ')}
  FROM (${TABLES.map(branch).join('\n    UNION ALL ')}) page
  ORDER BY at, event_id COLLATE "C"
  LIMIT $4`;

type PageRow = Omit<ExportEventRow, 'time'> & { cursor: string; time_ms: number };

export interface ExportPaging {
  /** Rows per statement. */
  pageSize?: number;
  /** The time slice a statement scans at most. */
  sliceMs?: number;
}

/** A few thousand rows a statement; an hour is ~7,000 events on a busy backfilled day. */
export const DEFAULT_PAGING: Required<ExportPaging> = { pageSize: 2_000, sliceMs: 3_600_000 };

/**
 * The events with fromMs <= time < toMs, a page at a time, in (time, event_id) order.
 * Given a pool, each page takes a connection and gives it back before it is yielded.
 */
export async function* readExportEvents(
  db: Queryable,
  fromMs: number,
  toMs: number,
  paging: ExportPaging = {},
): AsyncGenerator<ExportEventRow[]> {
  const { pageSize, sliceMs } = { ...DEFAULT_PAGING, ...paging };
  for (let sliceStart = fromMs; sliceStart < toMs; sliceStart += sliceMs) {
    const sliceEnd = sqlTime(Math.min(sliceStart + sliceMs, toMs));
    let after = { time: sqlTime(sliceStart), eventId: '' };
    for (;;) {
      const { rows } = await db.query<PageRow>(PAGE_SQL, [
        after.time,
        sliceEnd,
        after.eventId,
        pageSize,
      ]);
      if (rows.length > 0)
        yield rows.map(({ cursor: _cursor, time_ms, ...row }) => ({
          time: new Date(Math.round(time_ms)).toISOString(),
          ...row,
        }));
      if (rows.length < pageSize) break;
      const last = rows.at(-1)!;
      after = { time: last.cursor, eventId: last.event_id as string };
    }
  }
}
