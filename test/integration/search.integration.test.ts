// Search and container history over each real engine: boxes by full number, prefix and
// lower case (those in the terminal first), vessels by name part, IMO and MMSI (also
// ones only port-call events name), machines by id; a box's story in order, whether it
// is in the terminal, its customs status; and the 400s and the 404.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContainerHistory, SearchHit, SearchResult } from '../../protocol/history.ts';
import type { Database } from '../../db/database.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { placeCentres } from '../../server/port-model/place-centres.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber, isoAgo } from '../helpers/fixtures.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const STAYING = containerNumber(123_456, 'SRCU'); // discharged, in a yard block, released
const GONE = containerNumber(123_457, 'SRCU'); // gated in, then loaded: left, seen last
const OTHER = containerNumber(42, 'SRDU');
const STOCK = containerNumber(7, 'SRYU'); // the yard's opening stock: only set down, never arrived
const VESSEL = { mmsi: '413555001', imo: imoNumber(955_001), name: 'SEARCH STAR' };
const EVENTS_ONLY = { imo: imoNumber(955_002), name: 'ONLY EVENTS' };
const BLOCK = 'T1-YB03';
const centres = placeCentres(buildDemoPort());

const inFuture = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();
const box = (id: string, seconds: number, code: string, number: string, more = {}) => ({
  type: 'container',
  eventId: `srch-${id}`,
  time: isoAgo(seconds),
  eventTypeCode: code,
  containerNumber: number,
  ...more,
});

const events = [
  {
    type: 'port_call',
    eventId: 'srch-p1',
    time: isoAgo(3600),
    callId: 'SRCH-CALL1',
    timestamp: 'ATA-Berth',
    vesselImo: VESSEL.imo,
    vesselName: VESSEL.name,
    mmsi: VESSEL.mmsi,
    berthId: 'T1-B2',
  },
  {
    type: 'port_call',
    eventId: 'srch-p2',
    time: isoAgo(3000),
    callId: 'SRCH-CALL2',
    timestamp: 'ATA-Anchorage',
    vesselImo: EVENTS_ONLY.imo,
    vesselName: EVENTS_ONLY.name,
  },
  box('a1', 600, 'DISC', STAYING, {
    facilityId: 'T1-B2',
    equipmentId: 'QC05',
    callId: 'SRCH-CALL1',
    flow: 'import',
    isoEquipmentCode: '45G1',
  }),
  box('a2', 500, 'DROP', STAYING, { facilityId: BLOCK, equipmentId: 'YC03' }),
  // A plan to load it later must not count as having left.
  { ...box('a3', 0, 'LOAD', STAYING, { eventClassifierCode: 'PLN' }), time: inFuture(3600) },
  {
    type: 'customs',
    eventId: 'srch-k1',
    time: isoAgo(400),
    declarationId: 'SRCH-D1',
    containerNumber: STAYING,
    status: 'declared',
    channel: 'yellow',
    aeo: false,
  },
  {
    type: 'inspection',
    eventId: 'srch-i1',
    time: isoAgo(300),
    laneId: 'T1-inspection-scan-1',
    containerNumber: STAYING,
    method: 'scan',
    phase: 'completed',
    outcome: 'cleared',
  },
  {
    type: 'customs',
    eventId: 'srch-k2',
    time: isoAgo(100),
    declarationId: 'SRCH-D1',
    containerNumber: STAYING,
    status: 'released',
    channel: 'green',
    aeo: false,
  },
  {
    type: 'gate',
    eventId: 'srch-g1',
    time: isoAgo(900),
    gateId: 'T1-gate',
    laneId: 'T1-gate-in-01',
    direction: 'in',
    phase: 'completed',
    visitId: 'SRCH-V1',
    truckId: '沪A55555',
    containerNumber: GONE,
  },
  box('b1', 890, 'GTIN', GONE, { facilityId: 'T1-gate-in-01' }),
  box('b2', 50, 'LOAD', GONE, { facilityId: 'T1-B2', equipmentId: 'QC06' }),
  box('c1', 700, 'DISC', OTHER, { facilityId: 'T1-B1' }),
  box('d1', 800, 'DROP', STOCK, { facilityId: 'T1-YA01', equipmentId: 'YC01' }),
  {
    type: 'equipment_state',
    eventId: 'srch-s1',
    time: isoAgo(60),
    equipmentId: 'SRCH-QC1',
    kind: 'sts',
    state: 'idle',
  },
];

describe.each(enginesUnderTest())('search and container history on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  const get = (path: string) => fetch(`${server.url}${path}`);
  const searchFor = async (q: string): Promise<SearchHit[]> => {
    const response = await get(`/api/v1/search?q=${encodeURIComponent(q)}`);
    expect(response.status, q).toBe(200);
    const body = (await response.json()) as SearchResult;
    expect(body.query).toBe(q.trim());
    return body.hits;
  };
  const ofKind = (hits: SearchHit[], kind: SearchHit['kind']) =>
    hits.filter((h) => h.kind === kind);

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db);
    const stored = await server.post('/api/v1/events', events);
    expect(await stored.json()).toEqual({ accepted: events.length, rejected: [] });
    const fixes = [
      { mmsi: VESSEL.mmsi, time: isoAgo(5), lon: 122.03, lat: 30.61, sogKnots: 0 },
      {
        equipmentId: 'TT-SRCH1',
        kind: 'truck',
        time: isoAgo(5),
        lon: 122.041,
        lat: 30.617,
        state: 'idle',
      },
    ];
    const telemetry = await server.post('/api/v1/telemetry', fixes);
    expect(await telemetry.json()).toEqual({ accepted: 2, rejected: [] });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('finds a box by its full number, with its last place to fly to', async () => {
    const hits = await searchFor(STAYING);
    expect(ofKind(hits, 'container')).toEqual([
      {
        kind: 'container',
        id: STAYING,
        label: STAYING,
        detail: BLOCK,
        position: centres.get(BLOCK),
        inTerminal: true,
      },
    ]);
  });

  it('finds boxes by a prefix in any case or spacing, those in the terminal first', async () => {
    for (const q of ['srcu12', 'SRCU12', ' SRCU 1234 ', 'srcu']) {
      const containers = ofKind(await searchFor(q), 'container');
      // GONE was seen last, but STAYING is still here.
      expect(
        containers.map((h) => [h.id, h.inTerminal]),
        q,
      ).toEqual([
        [STAYING, true],
        [GONE, false],
      ]);
    }
    expect(ofKind(await searchFor('SRCU1234579'), 'container')).toEqual([]); // no such box
    expect(ofKind(await searchFor('SRC'), 'container')).toEqual([]); // too short a prefix
    expect(ofKind(await searchFor('SRDU'), 'container').map((h) => h.id)).toEqual([OTHER]);
  });

  it('finds a vessel by a part of its name, its IMO or its MMSI, with its last position', async () => {
    const expected = {
      kind: 'vessel',
      id: VESSEL.mmsi,
      label: VESSEL.name,
      detail: `IMO ${VESSEL.imo} · MMSI ${VESSEL.mmsi}`,
      position: [122.03, 30.61],
    };
    for (const q of ['earch st', 'SEARCH STAR', 'search', VESSEL.imo, VESSEL.mmsi])
      expect(ofKind(await searchFor(q), 'vessel'), q).toEqual([expected]);
    expect(ofKind(await searchFor(`IMO ${VESSEL.imo}`), 'vessel')).toEqual([expected]);
    expect(ofKind(await searchFor('413555009'), 'vessel')).toEqual([]);
    // "%" and "_" are letters here, not wildcards.
    expect(ofKind(await searchFor('%'), 'vessel')).toEqual([]);
    expect(ofKind(await searchFor('S_ARCH'), 'vessel')).toEqual([]);
  });

  it('finds a vessel only port-call events name, by name and IMO', async () => {
    const expected = {
      kind: 'vessel',
      id: EVENTS_ONLY.imo,
      label: EVENTS_ONLY.name,
      detail: `IMO ${EVENTS_ONLY.imo}`,
    };
    expect(ofKind(await searchFor('only ev'), 'vessel')).toEqual([expected]);
    expect(ofKind(await searchFor(EVENTS_ONLY.imo), 'vessel')).toEqual([expected]);
  });

  it('finds equipment by the start of its id, with its last position', async () => {
    expect(ofKind(await searchFor('tt-sr'), 'equipment')).toEqual([
      {
        kind: 'equipment',
        id: 'TT-SRCH1',
        label: 'TT-SRCH1',
        detail: 'truck',
        position: [122.041, 30.617],
      },
    ]);
    // A machine only state events name: found, with nowhere to fly to.
    expect(ofKind(await searchFor('srch-q'), 'equipment')).toEqual([
      { kind: 'equipment', id: 'SRCH-QC1', label: 'SRCH-QC1', detail: 'sts' },
    ]);
    expect(ofKind(await searchFor('TT-SRCH1X'), 'equipment')).toEqual([]);
  });

  it('refuses a missing, blank or over-long query with a clear message', async () => {
    for (const [path, words] of [
      ['/api/v1/search', /q/],
      ['/api/v1/search?q=', /q must be 1 to 64 characters/],
      ['/api/v1/search?q=%20%20%20', /q must be 1 to 64 characters/],
      [`/api/v1/search?q=${'A'.repeat(65)}`, /q must be 1 to 64 characters.*got 65/],
    ] as const) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      expect((await response.json()).message, path).toMatch(words);
    }
    expect((await get(`/api/v1/search?q=${'A'.repeat(64)}`)).status).toBe(200);
  });

  it("tells a box's story oldest first, where it is, and how customs stands", async () => {
    const response = await get(`/api/v1/containers/${STAYING.toLowerCase()}`);
    expect(response.status).toBe(200);
    const history = (await response.json()) as ContainerHistory;
    expect(history).toMatchObject({
      containerNumber: STAYING,
      isoEquipmentCode: '45G1',
      flow: 'import',
      inTerminal: true,
      lastPlaceId: BLOCK,
      position: centres.get(BLOCK),
      customs: { status: 'released', channel: 'green', declarationId: 'SRCH-D1' },
    });
    expect(history.customs.sinceMs).toBeGreaterThan(Date.now() - 200_000);
    expect(history.events.map((e) => [e.type, e.code])).toEqual([
      ['container', 'DISC'],
      ['container', 'DROP'],
      ['customs', 'declared'],
      ['inspection', 'completed'],
      ['customs', 'released'],
      ['container', 'LOAD'],
    ]);
    const times = history.events.map((e) => e.timeMs);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(history.events[0]).toEqual({
      timeMs: expect.any(Number),
      type: 'container',
      code: 'DISC',
      placeId: 'T1-B2',
      by: 'QC05',
    });
    expect(history.events[3]).toMatchObject({ placeId: 'T1-inspection-scan-1', note: 'cleared' });
    expect(history.events[4]).toMatchObject({ by: 'SRCH-D1', note: 'green' });
    expect(history.events[5]).toMatchObject({ code: 'LOAD', note: 'PLN' });
  });

  it('counts a box the yard holds as in the terminal, though its arrival was never sent', async () => {
    const history = (await (await get(`/api/v1/containers/${STOCK}`)).json()) as ContainerHistory;
    expect(history).toMatchObject({ inTerminal: true, lastPlaceId: 'T1-YA01' });
    expect(ofKind(await searchFor('SRYU'), 'container')).toMatchObject([
      { id: STOCK, inTerminal: true, detail: 'T1-YA01' },
    ]);
  });

  it('says a loaded box has left, with its gate visit, and no declaration as none', async () => {
    const history = (await (await get(`/api/v1/containers/${GONE}`)).json()) as ContainerHistory;
    expect(history).toMatchObject({
      inTerminal: false,
      lastPlaceId: 'T1-B2',
      customs: { status: 'none' },
    });
    expect(history.customs.channel).toBeUndefined();
    expect(history.events.map((e) => [e.type, e.code])).toEqual([
      ['gate', 'completed'],
      ['container', 'GTIN'],
      ['container', 'LOAD'],
    ]);
    expect(history.events[0]).toMatchObject({
      placeId: 'T1-gate-in-01',
      by: '沪A55555',
      note: 'in',
    });
  });

  it('refuses a malformed number (400) and does not know an unseen one (404)', async () => {
    const wrongDigit = `${STAYING.slice(0, 10)}${(Number(STAYING[10]) + 1) % 10}`;
    for (const [number, words] of [
      ['ABC', /is not 3 letters, a category letter/],
      ['SRCX1234560', /is not 3 letters, a category letter/],
      [wrongDigit, /check digit/],
    ] as const) {
      const response = await get(`/api/v1/containers/${number}`);
      expect(response.status, number).toBe(400);
      expect((await response.json()).message, number).toMatch(words);
    }
    const unseen = containerNumber(999_999, 'SRCU');
    const response = await get(`/api/v1/containers/${unseen}`);
    expect(response.status).toBe(404);
    expect((await response.json()).message).toBe(`container ${unseen} has never been seen here`);
  });

  it('describes both routes in the API description', async () => {
    const doc = (await (await get('/api/docs/json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/search', '/api/v1/containers/{number}']),
    );
  });
});
