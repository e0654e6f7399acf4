// The CSV exports over a real server and database: events of every type go in through the
// public ingest route (a vessel name with a comma, a quote and Chinese, a reason across
// two lines), and the events CSV parsed back is exactly the window's events as posted, in
// time order; the KPI CSV is GET /api/v1/kpis for the same window. Both start with a BOM,
// come as named attachments, and bad windows are 400s naming the field. An export of
// more rows than a page comes out whole and in order, and ingest goes on beside it.
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { KPI_DEFINITIONS, type KpiValue } from '../../protocol/kpi.ts';
import { readExportEvents, type ExportEventRow } from '../../server/storage/export-rows.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const S = 1_000;
const MIN = 60 * S;
const H = 60 * MIN;
/** Whole seconds, so the file names are predictable. */
const NOW = Math.floor(Date.now() / S) * S;
const FROM = NOW - 6 * H;
const TO = NOW - 1 * H;
const iso = (ms: number) => new Date(ms).toISOString();
const BOM = [0xef, 0xbb, 0xbf];
const VESSEL_NAME = 'Ocean "Star", 远洋之星号';

type Posted = Record<string, string | number | boolean | undefined> & {
  type: string;
  eventId: string;
  time: string;
};

const at = (ms: number) => ({ time: iso(ms) });
const box = (n: number) => containerNumber(n, 'EXPU');

/** Every type, with and without its optional fields; actuals, estimates and plans. */
const IN_WINDOW: Posted[] = [
  {
    type: 'port_call',
    eventId: 'pc-ata',
    ...at(FROM + 10 * MIN),
    callId: 'CALL-X',
    timestamp: 'ATA-Berth',
    vesselImo: imoNumber(907472),
    vesselName: VESSEL_NAME,
    mmsi: '477553000',
    berthId: 'T1-B1',
    plannedMoves: 1200,
  },
  {
    type: 'port_call',
    eventId: 'pc-eta',
    ...at(FROM + 11 * MIN),
    callId: 'CALL-Y',
    timestamp: 'ETA-Berth',
    vesselImo: imoNumber(123456),
  },
  {
    type: 'port_call',
    eventId: 'pc-pta',
    ...at(FROM + 11.5 * MIN),
    callId: 'CALL-Y',
    timestamp: 'PTA-Berth',
    vesselImo: imoNumber(123456),
  },
  {
    type: 'container',
    eventId: 'c-disc',
    ...at(FROM + 20 * MIN),
    eventTypeCode: 'DISC',
    containerNumber: box(1),
    isoEquipmentCode: '45G1',
    emptyIndicatorCode: 'LADEN',
    flow: 'import',
    callId: 'CALL-X',
    facilityId: 'T1-B1',
    equipmentId: 'T1-QC01',
  },
  {
    type: 'container',
    eventId: 'c-load-planned',
    ...at(FROM + 21 * MIN),
    eventTypeCode: 'LOAD',
    eventClassifierCode: 'PLN',
    containerNumber: box(2),
  },
  {
    type: 'container',
    eventId: 'c-gtin-estimated',
    ...at(FROM + 22 * MIN),
    eventTypeCode: 'GTIN',
    eventClassifierCode: 'EST',
    containerNumber: box(3),
  },
  {
    type: 'gate',
    eventId: 'g-arrived',
    ...at(FROM + 30 * MIN),
    gateId: 'T1-gate',
    laneId: 'T1-gate-in-01',
    direction: 'in',
    phase: 'arrived',
    visitId: 'V1',
    truckId: '沪A12345',
    containerNumber: box(3),
    appointmentId: 'APT-1',
  },
  {
    type: 'gate',
    eventId: 'g-completed',
    ...at(FROM + 2 * H),
    gateId: 'T1-gate',
    laneId: 'T1-gate-out-01',
    direction: 'out',
    phase: 'completed',
    visitId: 'V1',
    truckId: '沪A12345',
  },
  {
    type: 'inspection',
    eventId: 'i-queued',
    ...at(FROM + 40 * MIN),
    laneId: 'T1-inspection-scan-1',
    containerNumber: box(1),
    method: 'scan',
    phase: 'queued',
  },
  {
    type: 'inspection',
    eventId: 'i-held',
    ...at(FROM + 50 * MIN),
    laneId: 'T1-inspection-scan-1',
    containerNumber: box(1),
    method: 'manual',
    phase: 'completed',
    outcome: 'held',
  },
  {
    type: 'customs',
    eventId: 'k-declared',
    ...at(FROM + 15 * MIN),
    declarationId: 'D-1',
    containerNumber: box(1),
    status: 'declared',
    channel: 'red',
    aeo: false,
  },
  {
    type: 'customs',
    eventId: 'k-released',
    ...at(FROM + 3 * H),
    declarationId: 'D-2',
    containerNumber: box(2),
    status: 'released',
    channel: 'green',
    aeo: true,
  },
  {
    type: 'equipment_state',
    eventId: 's-fault',
    ...at(FROM + 25 * MIN),
    equipmentId: 'T1-QC01',
    kind: 'sts',
    state: 'fault',
    reason: 'twistlock, "stuck"\nreset twice',
    callId: 'CALL-X',
  },
  {
    type: 'equipment_state',
    eventId: 's-idle',
    ...at(FROM + 4 * H),
    equipmentId: 'T1-QC01',
    kind: 'sts',
    state: 'idle',
  },
  // Two at one instant, sent out of order: ties go by event id.
  ...['tie-b', 'tie-a'].map((eventId) => ({
    type: 'equipment_state',
    eventId,
    ...at(FROM + 4.5 * H),
    equipmentId: 'T1-YC01',
    kind: 'yard_crane',
    state: 'working',
  })),
  // The window's first instant is in it.
  {
    type: 'container',
    eventId: 'c-at-from',
    ...at(FROM),
    eventTypeCode: 'PICK',
    containerNumber: box(4),
  },
];
const OUTSIDE: Posted[] = [
  { ...IN_WINDOW[3]!, eventId: 'c-before', ...at(FROM - 1) },
  { ...IN_WINDOW[3]!, eventId: 'c-at-to', ...at(TO) }, // [from, to): its last instant is not
  { ...IN_WINDOW[0]!, eventId: 'pc-after', ...at(TO + 10 * MIN) },
];

/** A busy stretch three days ago: more rows than a page, three to an instant. */
const BIG_FROM = Math.floor((NOW - 3 * 24 * H) / H) * H;
const BIG: Posted[] = Array.from({ length: 2_500 }, (_, i) => ({
  type: 'container',
  eventId: `big-${String(i).padStart(4, '0')}`,
  ...at(BIG_FROM + Math.floor(i / 3) * S),
  eventTypeCode: i % 2 ? 'LOAD' : 'DISC',
  containerNumber: box(10_000 + i),
  callId: 'CALL-BIG',
}));

const HEADER = [
  'time',
  'type',
  'event_id',
  'code',
  'classifier',
  'container_number',
  'call_id',
  'vessel_imo',
  'vessel_name',
  'mmsi',
  'equipment_id',
  'equipment_kind',
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
];

/** The row the export should have for an event, written out from what was posted. */
function expectedRow(e: Posted): Record<string, string> {
  const fields: Record<string, string | number | boolean | undefined> = {
    time: e.time,
    type: e.type,
    event_id: e.eventId,
  };
  if (e.type === 'container')
    Object.assign(fields, {
      code: e.eventTypeCode,
      classifier: e.eventClassifierCode ?? 'ACT',
      container_number: e.containerNumber,
      call_id: e.callId,
      equipment_id: e.equipmentId,
      place: e.facilityId,
      flow: e.flow,
      iso_equipment_code: e.isoEquipmentCode,
      empty_indicator: e.emptyIndicatorCode,
    });
  else if (e.type === 'port_call')
    Object.assign(fields, {
      code: e.timestamp,
      classifier: { A: 'ACT', E: 'EST', P: 'PLN' }[String(e.timestamp)[0]!],
      call_id: e.callId,
      vessel_imo: e.vesselImo,
      vessel_name: e.vesselName,
      mmsi: e.mmsi,
      place: e.berthId,
      planned_moves: e.plannedMoves,
    });
  else if (e.type === 'gate')
    Object.assign(fields, {
      code: e.phase,
      classifier: 'ACT',
      container_number: e.containerNumber,
      place: e.laneId,
      gate_id: e.gateId,
      direction: e.direction,
      visit_id: e.visitId,
      truck_id: e.truckId,
      appointment_id: e.appointmentId,
    });
  else if (e.type === 'inspection')
    Object.assign(fields, {
      code: e.phase,
      classifier: 'ACT',
      container_number: e.containerNumber,
      place: e.laneId,
      method: e.method,
      outcome: e.outcome,
    });
  else if (e.type === 'customs')
    Object.assign(fields, {
      code: e.status,
      classifier: 'ACT',
      container_number: e.containerNumber,
      declaration_id: e.declarationId,
      channel: e.channel,
      aeo: e.aeo,
    });
  else
    Object.assign(fields, {
      code: e.state,
      classifier: 'ACT',
      equipment_id: e.equipmentId,
      equipment_kind: e.kind,
      call_id: e.callId,
      reason: e.reason,
    });
  return Object.fromEntries(
    HEADER.map((column) => [column, fields[column] === undefined ? '' : String(fields[column])]),
  );
}

const inOrder = (events: Posted[]) =>
  [...events].sort((a, b) =>
    a.time === b.time ? (a.eventId < b.eventId ? -1 : 1) : a.time < b.time ? -1 : 1,
  );
const ids = (rows: readonly Record<string, unknown>[]) => rows.map((r) => r.event_id);

/** The file name's instants: 2026-12-01T08:00:00.000Z → 20261201T080000Z. */
const stamp = (ms: number) => iso(ms).replace(/[-:]|\.000/g, '');
const unstamp = (text: string) =>
  Date.parse(text.replace(/^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)/, '$1-$2-$3T$4:$5:$6'));

describe.each(enginesUnderTest())('CSV export on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  /** The reply's bytes, the BOM checked and cut off, and the CSV parsed by its header. */
  const getCsv = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    expect(response.status).toBe(200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual(BOM);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    const lines = text.split('\r\n');
    return {
      headers: response.headers,
      header: lines[0]!.split(','),
      rows: parse(text, { columns: true }) as Record<string, string>[],
    };
  };
  const window = (from: number, to: number) => `?from=${iso(from)}&to=${to}`;

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
    for (const batch of [[...OUTSIDE, ...IN_WINDOW], BIG]) {
      const reply = await (await server.post('/api/v1/events', batch)).json();
      expect(reply).toEqual({ accepted: batch.length, rejected: [] });
    }
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('exports exactly the window’s events as posted, in time order, quoted', async () => {
    const { headers, header, rows } = await getCsv(`/api/v1/export/events.csv${window(FROM, TO)}`);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="quayside-events-${stamp(FROM)}-${stamp(TO)}.csv"`,
    );
    expect(header).toEqual(HEADER);
    expect(rows).toEqual(inOrder(IN_WINDOW).map(expectedRow));
    expect(rows.find((r) => r.event_id === 'pc-ata')?.vessel_name).toBe(VESSEL_NAME);
    expect(ids(rows).slice(0, 1)).toEqual(['c-at-from']);
    expect(ids(rows).filter((id) => String(id).startsWith('tie-'))).toEqual(['tie-a', 'tie-b']);
    for (const outside of OUTSIDE) expect(ids(rows)).not.toContain(outside.eventId);
  });

  it('exports the KPIs GET /api/v1/kpis gives for the same window, with their names', async () => {
    const kpis = (await (
      await fetch(`${server.url}/api/v1/kpis?from=${FROM}&to=${TO}`)
    ).json()) as { kpis: KpiValue[] };
    const { headers, header, rows } = await getCsv(`/api/v1/export/kpis.csv?from=${FROM}&to=${TO}`);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe(
      `attachment; filename="quayside-kpis-${stamp(FROM)}-${stamp(TO)}.csv"`,
    );
    expect(header).toEqual(['id', 'name_en', 'name_zh', 'scope', 'value', 'unit', 'from', 'to']);
    expect(kpis.kpis.length).toBeGreaterThan(KPI_DEFINITIONS.length);
    expect(kpis.kpis.some((k) => k.value !== null && k.value !== 0)).toBe(true);
    expect(
      rows.map(({ name_en: _en, name_zh: _zh, value, ...row }) => ({
        ...row,
        value: value === '' ? null : Number(value),
      })),
    ).toEqual(
      kpis.kpis.map(({ id, scope, value, unit, from, to }) => ({
        id,
        scope,
        value,
        unit,
        from,
        to,
      })),
    );
    const names = new Map(KPI_DEFINITIONS.map((d) => [d.id, d.name]));
    for (const row of rows)
      expect([row.name_en, row.name_zh]).toEqual([
        names.get(row.id!)?.en,
        names.get(row.id!)?.['zh-CN'],
      ]);
    expect(rows.find((r) => r.id === 'crane.gross_rate')?.name_zh).toBe('岸桥毛效率');
  });

  it('exports the last 24 hours by default, and a header alone for an empty window', async () => {
    const all = await getCsv('/api/v1/export/events.csv');
    expect(ids(all.rows)).toEqual(ids(inOrder([...IN_WINDOW, ...OUTSIDE]).map(expectedRow)));
    const [, from, to] = /^attachment; filename="quayside-events-(\S+)-(\S+)\.csv"$/.exec(
      all.headers.get('content-disposition')!,
    )!;
    expect(unstamp(to!) - unstamp(from!)).toBe(24 * H);
    expect(Math.abs(unstamp(to!) - Date.now())).toBeLessThan(MIN);
    const kpis = await getCsv('/api/v1/export/kpis.csv');
    expect(kpis.rows.length).toBeGreaterThan(0);
    const empty = await getCsv(`/api/v1/export/events.csv${window(NOW - 20 * H, NOW - 19 * H)}`);
    expect(empty.header).toEqual(HEADER);
    expect(empty.rows).toEqual([]);
  });

  it('exports more rows than a page whole and in order, ties across a page boundary included', async () => {
    const expected = inOrder(BIG).map(expectedRow);
    const { rows } = await getCsv(`/api/v1/export/events.csv${window(BIG_FROM, BIG_FROM + H)}`);
    expect(rows).toHaveLength(2_500);
    expect(rows).toEqual(expected);
    // Small pages and slices: many statements, each within its page size, the same rows.
    const pages: ExportEventRow[][] = [];
    const from = BIG_FROM + 100 * S;
    const to = BIG_FROM + 700 * S;
    for await (const page of readExportEvents(db.pool, from, to, { pageSize: 7, sliceMs: MIN }))
      pages.push(page);
    expect(pages.length).toBeGreaterThan(250);
    expect(Math.max(...pages.map((p) => p.length))).toBe(7);
    const inside = BIG.filter((e) => e.time >= iso(from) && e.time < iso(to));
    expect(inside).toHaveLength(1_800);
    expect(ids(pages.flat())).toEqual(ids(inOrder(inside).map(expectedRow)));
  });

  it('lets ingest go on while a client is slow to take an export', async () => {
    const response = await fetch(
      `${server.url}/api/v1/export/events.csv${window(BIG_FROM, BIG_FROM + H)}`,
    );
    const reader = response.body!.getReader();
    expect((await reader.read()).done).toBe(false);
    const late = { ...IN_WINDOW[13]!, eventId: 's-late', ...at(NOW - 30 * MIN) };
    const reply = await (await server.post('/api/v1/events', [late])).json();
    expect(reply).toEqual({ accepted: 1, rejected: [] });
    await reader.cancel();
  });

  it('refuses bad times, reversed and too long windows with a 400 naming the field', async () => {
    const cases: [string, RegExp][] = [
      ['/api/v1/export/events.csv?from=yesterday', /^from: time "yesterday" is not an ISO 8601/],
      ['/api/v1/export/kpis.csv?from=yesterday', /^from: /],
      ['/api/v1/export/events.csv?to=2026-02-30T00:00:00Z', /^to: .* is not a real date/],
      ['/api/v1/export/kpis.csv?to=2026-13-01T00:00:00Z', /^to: /],
      [`/api/v1/export/events.csv?from=${TO}&to=${FROM}`, /^from must be before to$/],
      [`/api/v1/export/kpis.csv?from=${TO}&to=${TO}`, /^from must be before to$/],
      [`/api/v1/export/events.csv?from=${NOW - 8 * 24 * H}&to=${NOW}`, /at most 7 days/],
      [`/api/v1/export/kpis.csv?from=${NOW - 32 * 24 * H}&to=${NOW}`, /at most 31 days/],
    ];
    for (const [path, message] of cases) {
      const response = await fetch(`${server.url}${path}`);
      const body = (await response.json()) as { error: string; message: string };
      expect({ path, status: response.status, error: body.error }).toEqual({
        path,
        status: 400,
        error: 'Bad Request',
      });
      expect(body.message).toMatch(message);
    }
    // A week of events and a month of KPIs are allowed.
    const week = await fetch(
      `${server.url}/api/v1/export/events.csv?from=${NOW - 7 * 24 * H}&to=${NOW}`,
    );
    expect(week.status).toBe(200);
    await week.arrayBuffer();
  });

  it('describes both routes in the OpenAPI document', async () => {
    const body = (await (await fetch(`${server.url}/api/docs/json`)).json()) as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/export/kpis.csv', '/api/v1/export/events.csv']),
    );
  });
});
