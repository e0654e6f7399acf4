// `npm run bench:live [-- --quick]`: how long a position takes from the feed to the
// screens. A real server on a real port; E moving entities (default 2,000; quick 500)
// each post one fix a second through POST /api/v1/telemetry (split over a few feeders at
// random phases), each fix timed with the wall clock at which it is sent; N clients
// (default 10; quick 4) on the live channel (/live, websocket) time every position they
// get against that fix time. The baseline, in the same process: a plain round trip,
// GET /api/health (HTTP plus one SELECT 1), on the idle server and under the load.
//
// What "ingest to client" includes, in order:
//   1. the feeder's HTTP send and the server's body parse (JSON of the whole batch);
//   2. per-item validation (TypeBox, time checks);
//   3. the batched writer: wait for the transaction in flight, then one transaction
//      (upsert equipment, insert positions) and its commit; the route hands the
//      positions to the hub only after the commit;
//   4. the hub's coalescing wait: the hub flushes on a fixed timer (app.ts: 200 ms by
//      default), so a committed fix waits 0..interval, half of it on average; this is the
//      floor of the figure and usually most of it;
//   5. the Socket.IO send: one emit (and one JSON encode) per connection, volatile;
//   6. the client's receive and decode (socket.io-client parses the whole batch before
//      the handler runs, and the handler reads the clock first).
// "commit to client" is 4 + 5 + 6, "flush to client" is 5 + 6 (the batch's serverTimeMs
// is the flush instant), "fix to commit" is 1 + 2 + 3, measured on the server side.
//
// The server runs in the main thread alone; the feeders, the clients and the baseline
// requests run in one worker thread of the same process (this file, started again), so
// their JSON work does not sit on the server's event loop. The clients share that one
// thread, so the last of them to decode a batch waits for the others: at 2,000 entities
// and 10 clients that skew is a few milliseconds. Fix times are Date.now() in one thread
// and receive times Date.now() in another: one clock, millisecond resolution.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { EQUIPMENT_KINDS } from '../protocol/equipment.ts';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LivePosition,
  type ServerToClientEvents,
} from '../protocol/live.ts';
import { quantiles, round } from './shared/numbers.ts';
import { writeResult } from './shared/results.ts';
import { postTelemetry } from './shared/telemetry.ts';

/** What app.ts gives the hub when nothing else is asked for (main.ts asks for nothing). */
const DEFAULT_FLUSH_MS = 200;

/** What the main thread asks of the load worker. */
interface LoadPlan {
  url: string;
  entities: number;
  clients: number;
  feeders: number;
  warmupS: number;
  seconds: number;
  baselineRequests: number;
  /** Per entity: [fix time, commit time] of its last committed fix, written by the server side. */
  commits: SharedArrayBuffer;
}

interface LoadResult {
  measureFromMs: number;
  fixToClient: Float64Array;
  commitToClient: Float64Array;
  commitToFlush: Float64Array;
  flushToClient: Float64Array;
  flushGaps: Float64Array;
  healthIdle: Float64Array;
  healthLoaded: Float64Array;
  post: Float64Array;
  /** Fixes sent in the measured window and accepted: what each client should see. */
  fixesMeasured: number;
  postsRefused: number;
  itemsRejected: number;
  seqGaps: number;
  uncorrelated: number;
  perClient: number[];
}

const entityId = (i: number) => `LAT-${String(i).padStart(5, '0')}`;

interface Stats {
  p50: number;
  p90: number;
  p99: number;
  max: number;
  samples: number;
}

function stats(samples: Float64Array): Stats {
  const [p50, p90, p99, max] = quantiles(samples, [0.5, 0.9, 0.99, 1]).map((v) => round(v));
  return { p50: p50!, p90: p90!, p99: p99!, max: max!, samples: samples.length };
}

// ---------------------------------------------------------------------------------------
// The load side (worker thread): clients, feeders, baseline requests.

async function timedGet(url: string): Promise<number> {
  const t0 = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return performance.now() - t0;
}

async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const index = new Map(Array.from({ length: plan.entities }, (_, i) => [entityId(i), i]));
  const commits = new Float64Array(plan.commits);
  const fixToClient: number[] = [];
  const commitToClient: number[] = [];
  const commitToFlush: number[] = [];
  const flushToClient: number[] = [];
  const flushGaps: number[] = [];
  const perClient = Array.from({ length: plan.clients }, () => 0);
  let measureFromMs = Infinity;
  let seqGaps = 0;
  let uncorrelated = 0;

  // The clients, each with its snapshot before anything moves.
  const sockets: Socket<ServerToClientEvents, ClientToServerEvents>[] = [];
  await Promise.all(
    Array.from({ length: plan.clients }, (_, c) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(
        `${plan.url}${LIVE_NAMESPACE}`,
        { transports: ['websocket'], reconnection: false },
      );
      sockets.push(socket);
      let lastSeq: number | undefined;
      let lastFlushMs: number | undefined;
      socket.on('positions', (batch) => {
        const receivedMs = Date.now();
        if (lastSeq !== undefined && batch.seq !== lastSeq + 1) seqGaps += batch.seq - lastSeq - 1;
        lastSeq = batch.seq;
        // No fix in a batch received before the measured window can belong to it.
        if (receivedMs < measureFromMs) return;
        if (c === 0 && lastFlushMs !== undefined) flushGaps.push(batch.serverTimeMs - lastFlushMs);
        lastFlushMs = batch.serverTimeMs;
        flushToClient.push(receivedMs - batch.serverTimeMs);
        const { ids, timeMs } = batch.positions;
        for (let j = 0; j < ids.length; j++) {
          const fixMs = timeMs[j]!;
          if (fixMs < measureFromMs) continue;
          fixToClient.push(receivedMs - fixMs);
          perClient[c]! += 1;
          const i = index.get(ids[j]!);
          if (i !== undefined && commits[2 * i] === fixMs) {
            commitToClient.push(receivedMs - commits[2 * i + 1]!);
            if (c === 0) commitToFlush.push(batch.serverTimeMs - commits[2 * i + 1]!);
          } else uncorrelated += 1;
        }
      });
      return new Promise<void>((resolve, reject) => {
        socket.once('snapshot', () => resolve());
        socket.once('connect_error', reject);
      });
    }),
  );

  // The baseline: sequential round trips on the idle server (after a few to warm up).
  const health = `${plan.url}/api/health`;
  for (let k = 0; k < 20; k++) await timedGet(health);
  const healthIdle: number[] = [];
  for (let k = 0; k < plan.baselineRequests; k++) healthIdle.push(await timedGet(health));

  // The feeders: feeder f owns the entities i ≡ f (mod F) and posts them all once a second,
  // at a random point of the f-th 1/F of that second: like unsynchronised feeds, batches
  // land anywhere in the hub's cycle (so an entity's fixes are 1 s apart on average).
  const post: number[] = [];
  let postsRefused = 0;
  let itemsRejected = 0;
  let fixesMeasured = 0;
  const startMs = Date.now() + 100;
  measureFromMs = startMs + plan.warmupS * 1000;
  const endMs = measureFromMs + plan.seconds * 1000;
  const inFlight = new Set<Promise<void>>();
  const send = async (f: number, tick: number) => {
    const timeMs = Date.now();
    const items = [];
    for (let i = f; i < plan.entities; i += plan.feeders) {
      const angle = (i * 0.37 + tick * 0.05) % (2 * Math.PI);
      items.push({
        equipmentId: entityId(i),
        kind: EQUIPMENT_KINDS[i % EQUIPMENT_KINDS.length]!,
        time: timeMs,
        lon: 122.03 + (i % 50) * 2e-4 + Math.cos(angle) * 1e-4,
        lat: 30.615 + Math.floor(i / 50) * 1e-4 + Math.sin(angle) * 1e-4,
        headingDeg: ((angle * 180) / Math.PI + 90) % 360,
        speedMps: 3 + (i % 5),
        state: 'travelling_loaded' as const,
      });
    }
    const t0 = performance.now();
    const response = await postTelemetry(plan.url, items);
    const reply = (await response.json()) as { accepted?: number };
    if (timeMs < measureFromMs) return;
    post.push(performance.now() - t0);
    if (response.status !== 200) return void (postsRefused += 1);
    itemsRejected += items.length - (reply.accepted ?? 0);
    fixesMeasured += reply.accepted ?? 0;
  };
  const feeder = async (f: number) => {
    for (let tick = 0; ; tick++) {
      const due = startMs + tick * 1000 + Math.round(((f + Math.random()) * 1000) / plan.feeders);
      if (due >= endMs) return;
      await sleep(due - Date.now());
      const sending = send(f, tick);
      inFlight.add(sending);
      void sending.finally(() => inFlight.delete(sending));
    }
  };
  // Round trips under load, for comparison with the idle ones.
  const healthLoaded: number[] = [];
  const prober = async () => {
    while (Date.now() < endMs) {
      const rtt = await timedGet(health);
      if (Date.now() >= measureFromMs) healthLoaded.push(rtt);
      await sleep(100);
    }
  };
  await Promise.all([...Array.from({ length: plan.feeders }, (_, f) => feeder(f)), prober()]);
  await Promise.all(inFlight);
  await sleep(4 * DEFAULT_FLUSH_MS + 500); // the last commits reach the hub, the hub flushes
  for (const socket of sockets) socket.disconnect();

  return {
    measureFromMs,
    fixToClient: Float64Array.from(fixToClient),
    commitToClient: Float64Array.from(commitToClient),
    commitToFlush: Float64Array.from(commitToFlush),
    flushToClient: Float64Array.from(flushToClient),
    flushGaps: Float64Array.from(flushGaps),
    healthIdle: Float64Array.from(healthIdle),
    healthLoaded: Float64Array.from(healthLoaded),
    post: Float64Array.from(post),
    fixesMeasured,
    postsRefused,
    itemsRejected,
    seqGaps,
    uncorrelated,
    perClient,
  };
}

// ---------------------------------------------------------------------------------------
// The server side (main thread).

/** This file again, in a worker: loaded through tsx's API, as db/embedded does. */
function loadWorker(plan: LoadPlan): Promise<LoadResult> {
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  const self = JSON.stringify(import.meta.url);
  const source = `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${self}, ${self}))`;
  const worker = new Worker(source, { eval: true, workerData: plan });
  return new Promise((resolve, reject) => {
    let result: LoadResult | undefined;
    worker.once('message', (message: LoadResult) => (result = message));
    worker.once('error', reject);
    worker.once('exit', (code) =>
      result ? resolve(result) : reject(new Error(`load worker exited with code ${code}`)),
    );
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const quick = values.quick;
  const ENTITIES = quick ? 500 : 2_000;
  const CLIENTS = quick ? 4 : 10;
  const SECONDS = quick ? 10 : 30;
  const WARMUP_S = quick ? 2 : 3;
  const FEEDERS = 4;
  const BASELINE_REQUESTS = quick ? 200 : 500;

  // Imported here, not at the top, so the load worker (this file too) does not load the server.
  const { startBenchServer } = await import('./shared/bench-server.ts');
  const { db, app, url, close } = await startBenchServer('bench-live');
  // Note each fix's commit instant as the route hands it to the hub (after the commit).
  const commits = new SharedArrayBuffer(ENTITIES * 2 * Float64Array.BYTES_PER_ELEMENT);
  const commitTimes = new Float64Array(commits);
  const index = new Map(Array.from({ length: ENTITIES }, (_, i) => [entityId(i), i]));
  const fixToCommit: number[] = [];
  const fixTimes: number[] = [];
  const publish = app.hub.publishPositions.bind(app.hub);
  app.hub.publishPositions = (positions: Iterable<LivePosition>) => {
    const committedMs = Date.now();
    const list = [...positions];
    for (const p of list) {
      const i = index.get(p.id);
      if (i === undefined) continue;
      commitTimes[2 * i + 1] = committedMs;
      commitTimes[2 * i] = p.timeMs;
      fixTimes.push(p.timeMs);
      fixToCommit.push(committedMs - p.timeMs);
    }
    publish(list);
  };
  try {
    const load = await loadWorker({
      url,
      entities: ENTITIES,
      clients: CLIENTS,
      feeders: FEEDERS,
      warmupS: WARMUP_S,
      seconds: SECONDS,
      baselineRequests: BASELINE_REQUESTS,
      commits,
    });
    const measuredCommits = Float64Array.from(
      fixToCommit.filter((_, k) => fixTimes[k]! >= load.measureFromMs),
    );
    const flushGaps = stats(load.flushGaps);
    const result = {
      engine: db.engine,
      quick,
      entities: ENTITIES,
      clients: CLIENTS,
      seconds: SECONDS,
      warmupS: WARMUP_S,
      feeders: FEEDERS,
      fixesPerS: ENTITIES,
      flushIntervalMs: { configured: DEFAULT_FLUSH_MS, observedMedian: flushGaps.p50 },
      ms: {
        ingestToClient: stats(load.fixToClient),
        commitToClient: stats(load.commitToClient),
        commitToFlush: stats(load.commitToFlush),
        flushToClient: stats(load.flushToClient),
        fixToCommit: stats(measuredCommits),
        postReply: stats(load.post),
        healthIdle: stats(load.healthIdle),
        healthLoaded: stats(load.healthLoaded),
      },
      delivery: {
        fixesMeasured: load.fixesMeasured,
        expectedPerClient: load.fixesMeasured,
        receivedPerClient: load.perClient,
        fraction: Number(
          (
            load.perClient.reduce((a, b) => a + b, 0) / Math.max(1, load.fixesMeasured * CLIENTS)
          ).toFixed(4),
        ),
        seqGaps: load.seqGaps,
        postsRefused: load.postsRefused,
        itemsRejected: load.itemsRejected,
        uncorrelated: load.uncorrelated,
      },
      ratio: {} as Record<string, number>,
      at: new Date().toISOString(),
    };
    const m = result.ms;
    result.ratio = {
      p50VsHealthP50: Number((m.ingestToClient.p50 / m.healthIdle.p50).toFixed(1)),
      p99VsHealthP99: Number((m.ingestToClient.p99 / m.healthIdle.p99).toFixed(1)),
      p50VsFlushInterval: Number((m.ingestToClient.p50 / DEFAULT_FLUSH_MS).toFixed(2)),
    };

    console.log(
      `\nlive latency on ${result.engine}: ${ENTITIES} entities x 1 fix/s (${FEEDERS} feeders), ` +
        `${CLIENTS} clients, ${SECONDS} s measured after ${WARMUP_S} s warm-up`,
    );
    const row = (s: Stats) => ({
      'p50 ms': s.p50,
      'p90 ms': s.p90,
      'p99 ms': s.p99,
      'max ms': s.max,
      samples: s.samples,
    });
    console.table({
      'ingest -> client (fix sent to received)': row(m.ingestToClient),
      '  fix sent -> committed (server)': row(m.fixToCommit),
      '  commit -> client': row(m.commitToClient),
      '    commit -> hub flush (coalescing wait)': row(m.commitToFlush),
      '  hub flush -> client (send + decode)': row(m.flushToClient),
      'POST /api/v1/telemetry reply': row(m.postReply),
      'GET /api/health idle (baseline)': row(m.healthIdle),
      'GET /api/health under load': row(m.healthLoaded),
    });
    const d = result.delivery;
    console.log(
      `hub flush interval: ${DEFAULT_FLUSH_MS} ms configured, ${flushGaps.p50} ms observed (median)\n` +
        `delivered ${(d.fraction * 100).toFixed(2)} % of ${d.fixesMeasured} fixes to each of ` +
        `${CLIENTS} clients; seq gaps ${d.seqGaps}, refused posts ${d.postsRefused}, ` +
        `rejected items ${d.itemsRejected}\n` +
        `the coalescing wait is drawn once per committed batch (${m.postReply.samples} in the ` +
        `window), so its percentiles move by several ms from run to run\n` +
        `ingest -> client is ${result.ratio.p50VsHealthP50}x the baseline round trip at p50 and ` +
        `${result.ratio.p99VsHealthP99}x at p99; its p50 is ` +
        `${result.ratio.p50VsFlushInterval}x the flush interval`,
    );
    writeResult(`live-latency-${result.engine}`, result);
  } finally {
    await close();
  }
}

// The samples go back copied (a few MB): the worker ends right after.
if (isMainThread) void main();
else void runLoad(workerData as LoadPlan).then((result) => parentPort!.postMessage(result));
