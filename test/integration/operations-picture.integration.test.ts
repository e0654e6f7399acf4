// The operations picture over the wire: events posted through the public API colour the
// berths (with the vessel's name), fill the blocks, queue trucks at their lanes and draw
// flows; a server started later on the same database knows the vessel's name and
// estimated departure from what is stored.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { PortEvent } from '../../protocol/events.ts';
import type { OperationsPicture } from '../../protocol/operations.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { containerNumber, imoNumber } from '../helpers/fixtures.ts';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

type Unstamped = PortEvent extends infer E
  ? E extends PortEvent
    ? Omit<E, 'eventId' | 'time'> & { time?: number }
    : never
  : never;

const BERTH = 'T1-B3';
const BLOCK = 'T1-YA02';
const LANE = 'T1-gate-in-04';
const vesselImo = imoNumber(937_123);
const call = { type: 'port_call', callId: 'CALL-PIC-1', vesselImo, berthId: BERTH } as const;

describe('the operations picture on the live channel', () => {
  const run = randomBytes(3).toString('hex');
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let seq = 0;

  const post = async (events: Unstamped[]) => {
    const now = Date.now();
    const body = events.map((e) => ({ time: now, ...e, eventId: `${run}-${(seq += 1)}` }));
    const response = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEY}` },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toMatchObject({ accepted: events.length, rejected: [] });
  };
  const nextPicture = async (url: string, check: (p: OperationsPicture) => boolean) => {
    const client = connectLiveClient(url);
    let last: OperationsPicture | undefined;
    client.socket.on('kpis', (message) => (last = message.picture));
    try {
      await client
        .until(() => last !== undefined && check(last), 15_000)
        .catch((e: unknown) => {
          throw new Error(`${String(e)}: ${JSON.stringify(last)}`);
        });
      return { picture: last!, snapshot: client.snapshots[0] };
    } finally {
      client.close();
    }
  };

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { alertIntervalMs: 100 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('shows the berth working with its vessel, the block filled, the lane queue and the flow', async () => {
    const box = containerNumber(7101);
    const ago = (s: number) => Date.now() - s * 1000;
    await post([
      { ...call, timestamp: 'ATA-Berth', vesselName: 'ZHEN HUA 36', time: ago(600) },
      { ...call, timestamp: 'ATS-Cargo Ops', plannedMoves: 250, time: ago(500) },
      { ...call, timestamp: 'ETD-Berth', time: Date.now() + 6 * 3_600_000 },
      {
        type: 'container',
        eventTypeCode: 'DISC',
        containerNumber: box,
        isoEquipmentCode: '45G1',
        callId: call.callId,
        facilityId: BERTH,
        time: ago(300),
      },
      {
        type: 'container',
        eventTypeCode: 'DROP',
        containerNumber: box,
        isoEquipmentCode: '45G1',
        facilityId: BLOCK,
        time: ago(200),
      },
      ...[1, 2, 3].map((n): Unstamped => ({
        type: 'gate',
        gateId: 'T1-gate',
        laneId: LANE,
        direction: 'in',
        phase: 'arrived',
        visitId: `${run}-V${n}`,
        truckId: `沪A1234${n}`,
        time: ago(60),
      })),
    ]);
    const { picture } = await nextPicture(server.url, (p) =>
      p.berths.some((b) => b.berthId === BERTH && b.status === 'working'),
    );
    expect(picture.berths.find((b) => b.berthId === BERTH)).toMatchObject({
      status: 'working',
      callId: call.callId,
      vesselName: 'ZHEN HUA 36',
      vesselImo,
      movesDone: 1,
      plannedMoves: 250,
    });
    expect(picture.berths.filter((b) => b.status === 'free')).toHaveLength(5);
    const block = picture.blocks.find((b) => b.blockId === BLOCK)!;
    expect(block).toMatchObject({ boxes: 1, teu: 2 });
    expect(block.fill).toBeCloseTo(2 / block.capacityTeu);
    expect(picture.lanes.find((l) => l.laneId === LANE)).toEqual({
      laneId: LANE,
      waiting: 3,
      inService: 0,
    });
    expect(picture.flows).toContainEqual({ fromId: BERTH, toId: BLOCK, boxes: 1 });
  });

  it('turns the berth delayed once past the estimated departure, and a restart still knows', async () => {
    await post([{ ...call, timestamp: 'ETD-Berth', time: Date.now() - 60_000 }]);
    await nextPicture(
      server.url,
      (p) => p.berths.find((b) => b.berthId === BERTH)?.status === 'delayed',
    );
    // A new server on the same database: the name and the estimate come from storage.
    await server.close();
    server = await startTestServer(db, { alertIntervalMs: 100 });
    const { picture, snapshot } = await nextPicture(server.url, () => true);
    expect(picture.berths.find((b) => b.berthId === BERTH)).toMatchObject({
      status: 'delayed',
      vesselName: 'ZHEN HUA 36',
    });
    expect(snapshot).toBeDefined();
  });
});
