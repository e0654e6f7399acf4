// AIS end to end: sentences built from the specification, streamed over HTTP, UDP and
// TCP into a running server; vessels land in the registry with their positions, bad
// sentences are counted, and positions go out live.
import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { deg, sentences, tagBlock } from '../../simulators/ais/ais-encoder.ts';
import { classA, staticVoyage } from '../../simulators/ais/ais-messages.ts';
import type { VesselSummary } from '../../protocol/vessel.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { imoNumber } from '../helpers/fixtures.ts';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

const position = (mmsi: number, lon: number, lat: number, heading = 90, sog = 123) =>
  sentences(
    classA({ mmsi, lon: deg(lon), lat: deg(lat), sog, cog: heading * 10, heading, status: 0 }),
  );

describe('AIS ingest', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  const vessels = async (): Promise<VesselSummary[]> =>
    (await (await fetch(`${server.url}/api/v1/vessels`)).json()).vessels;
  const vessel = async (mmsi: string) => (await vessels()).find((v) => v.mmsi === mmsi);
  const eventually = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 100 && !(await check()); i += 1)
      await new Promise((r) => setTimeout(r, 100));
    expect(await check()).toBe(true);
  };

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { ais: { host: '127.0.0.1', udpPort: 0, tcpPort: 0 } });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('decodes a posted log into the registry and positions, counting the bad sentences', async () => {
    const imo = Number(imoNumber(941_234));
    const lines = [
      ...sentences(
        staticVoyage({
          mmsi: 413_000_111,
          imo,
          name: 'ZHEN HUA 26',
          callSign: 'BQHA',
          shipType: 70,
          bow: 250,
          stern: 50,
          port: 20,
          starboard: 28,
          draught: 121,
          destination: 'CNSHA',
        }),
        { sequenceId: '3' },
      ),
      ...position(413_000_111, 122.04, 30.605),
      '!AIVDM,1,1,,A,15M67FC000G?ufbE`FepT@3n00Sa,0*00', // a checksum that cannot be right
    ];
    const response = await fetch(`${server.url}/api/v1/ais`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_KEY}` },
      body: lines.join('\r\n'),
    });
    expect(await response.json()).toEqual({ sentences: lines.length, messages: 2, rejected: 1 });
    expect(await vessel('413000111')).toMatchObject({
      imo: String(imo),
      name: 'ZHEN HUA 26',
      callSign: 'BQHA',
      shipType: 70,
      lengthM: 300,
      beamM: 48,
      draughtM: 12.1,
      destination: 'CNSHA',
      lastPosition: {
        lon: 122.04,
        lat: 30.605,
        sogKnots: 12.3,
        cogDeg: 90,
        headingDeg: 90,
        navStatus: 0,
      },
    });
  });

  it('derives the call from real traffic: a vessel that comes alongside gets its ATA-Berth', async () => {
    const mmsi = 413_000_444;
    const startS = Math.floor(Date.now() / 1000) - 40 * 60;
    const at = (s: number, line: string) => `${tagBlock({ c: startS + s })}${line}`;
    const lines: string[] = sentences(
      staticVoyage({
        mmsi,
        imo: Number(imoNumber(950_001)),
        name: 'COSCO TEST',
        shipType: 71,
        bow: 300,
        stern: 66,
        port: 25,
        starboard: 26,
      }),
      { sequenceId: '4' },
    ).map((l) => at(0, l));
    // From 2 km south of berth T1-B1 northwards at 10 kn, then still alongside for 15 minutes.
    const berth = { lon: 122.03 + 175 / 95_800, lat: 30.615 - 30 / 111_320 };
    for (let s = 0; s <= 390; s += 30)
      lines.push(
        at(s, position(mmsi, berth.lon, berth.lat - (2_000 - s * 5.14) / 111_320, 0, 100)[0]!),
      );
    for (let s = 420; s <= 1_320; s += 30)
      lines.push(at(s, position(mmsi, berth.lon, berth.lat, 0, 0)[0]!));
    const response = await fetch(`${server.url}/api/v1/ais`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${TEST_KEY}` },
      body: lines.join('\n'),
    });
    expect((await response.json()).rejected).toBe(0);
    const { rows } = await db.pool.query(
      `SELECT timestamp_code, berth_id, call_id, vessel_imo, time FROM port_call_event WHERE mmsi = $1`,
      [String(mmsi)],
    );
    expect(rows).toEqual([
      expect.objectContaining({
        timestamp_code: 'ATA-Berth',
        berth_id: 'T1-B1',
        vessel_imo: imoNumber(950_001),
      }),
    ]);
    expect(rows[0].call_id).toMatch(/^ais-413000444-/);
    // The arrival is when it stopped, not when the tracker was sure (5 minutes later).
    expect(Math.abs(rows[0].time.getTime() - (startS + 420) * 1000)).toBeLessThanOrEqual(30_000);
  });

  it('refuses AIS without the key or as anything but text', async () => {
    const noKey = await fetch(`${server.url}/api/v1/ais`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(noKey.status).toBe(401);
    const json = await fetch(`${server.url}/api/v1/ais`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEY}` },
      body: '{}',
    });
    expect(json.status).toBe(415);
  });

  it('takes UDP datagrams and TCP streams, and pushes the vessels live', async () => {
    const live = connectLiveClient(server.url);
    await live.until(() => live.snapshots.length === 1);
    const udp = server.app.aisListeners.find((l) => l.protocol === 'udp')!;
    const tcp = server.app.aisListeners.find((l) => l.protocol === 'tcp')!;

    const socket = createSocket('udp4');
    await new Promise<void>((done) =>
      socket.send(position(413_000_222, 122.05, 30.6).join('\n'), udp.port, '127.0.0.1', () =>
        done(),
      ),
    );
    socket.close();

    const stream = connect(tcp.port, '127.0.0.1');
    await new Promise((resolve) => stream.once('connect', resolve));
    const line = `${position(413_000_333, 122.06, 30.59)[0]}\r\n`;
    stream.write(line.slice(0, 20)); // a line cut across two TCP chunks
    await new Promise((r) => setTimeout(r, 50));
    stream.write(line.slice(20));

    await eventually(async () => (await vessel('413000222'))?.lastPosition?.lon === 122.05);
    await eventually(async () => (await vessel('413000333'))?.lastPosition?.lat === 30.59);
    await live.until(() =>
      ['413000222', '413000333'].every((id) =>
        live.batches.some((b) => b.positions.ids.includes(id)),
      ),
    );
    stream.end();
    live.close();
  });
});
