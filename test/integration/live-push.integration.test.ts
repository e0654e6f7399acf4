// The live channel under heavy load: real socket.io-clients, one of them too slow to
// read, one that drops and comes back. Positions are published straight into the hub
// (ingest has its own tests) so the push path alone is pushed to its limits. Every client must converge on
// the server's picture, the slow one must not grow the server's buffers, and the one
// that reconnects must resynchronise from a snapshot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import {
  connectLiveClient,
  heldForClient,
  readerOf,
  trackPicture,
  untilAllHold,
  type RecordingLiveClient,
} from '../helpers/live-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

// Enough that a stalled reader's kernel socket buffers fill within a second or two
// (each batch of all entities is about 2 MB), so the drop path really runs.
const ENTITIES = 20_000;
const ROUNDS = 40; // one every 200 ms, matching the hub's flush

describe('the live channel under load', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { liveFlushIntervalMs: 200 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('keeps every client on the same picture, slow and reconnecting ones included', async () => {
    const clients = Array.from({ length: 4 }, () => connectLiveClient(server.url));
    const [steady, slow, rejoining] = clients as [
      RecordingLiveClient,
      RecordingLiveClient,
      RecordingLiveClient,
    ];
    const tracked = clients.map(trackPicture);
    await Promise.all(clients.map((c) => c.until(() => c.snapshots.length > 0)));

    // The slow client stops reading its socket: the server must drop its batches, not queue them.
    const slowReader = readerOf(slow);
    let largestBuffer = 0;
    let largestUnsentMb = 0;

    for (let round = 0; round < ROUNDS; round += 1) {
      // Paused again every round: anything in the client that resumes the socket while it
      // drains what it had (seen on loaded machines) must not let it read on.
      if (round >= 5 && round < 30) slowReader.pause();
      if (round === 10) rejoining.socket.disconnect();
      if (round === 20) rejoining.socket.connect();
      if (round === 30) slowReader.resume();
      const t = Date.now();
      server.app.hub.publishPositions(
        Array.from({ length: ENTITIES }, (_, i) => ({
          id: `LOAD-${i}`,
          kind: i % 10 === 0 ? ('agv' as const) : ('truck' as const),
          timeMs: t,
          lon: 122.03 + i * 1e-6 + round * 1e-7,
          lat: 30.615,
        })),
      );
      const held = heldForClient(server.app.io, slow);
      largestBuffer = Math.max(largestBuffer, held.packets);
      largestUnsentMb = Math.max(largestUnsentMb, held.unsentBytes / 2 ** 20);
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, 200 - (Date.now() - t))));
    }

    await steady.resync(); // a round trip: everything the server sent before has arrived
    await untilAllHold(clients, tracked, server.app.hub.snapshot());
    console.log(
      `slow client: at most ${largestBuffer} packets queued, ${largestUnsentMb.toFixed(2)} MB unsent, ${tracked[1]!.resyncs()} resyncs`,
    );
    // Bounded by one or two batches, not by how long the client stalls (40 MB were sent meanwhile).
    expect(largestBuffer).toBeLessThan(10);
    expect(largestUnsentMb).toBeLessThan(8);
    expect(tracked[1]!.resyncs()).toBeGreaterThan(0); // the slow one noticed what it missed
    expect(rejoining.snapshots.length).toBeGreaterThan(1); // and the rejoiner started over
    for (const c of clients) c.close();
  }, 90_000);
});
