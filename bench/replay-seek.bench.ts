// `npm run bench:replay [-- --data-dir DIR] [--day YYYY-MM-DD] [--seeks N] [--quick]`:
// how fast replay lands a seek on a full simulated day, and whether 3600x keeps up.
//
// 1. A day: the simulator backfills the UTC day (default yesterday) into a real server in
//    this process on the embedded engine, through the public ingest API, as
//    `npm run simulate -- --backfill` does (about 5 minutes). With --data-dir the day is
//    kept there, and a later run on the same dir reuses it. The rows of the day are
//    counted straight from the tables.
// 2. Headless Chromium (SwiftShader: WebGL2 in software) opens /replay on the port-local
//    day holding most of the backfilled hours and clicks the timeline at random instants
//    of them. Each seek is timed in the page from the click's seek() to the second
//    animation frame after its snapshot was applied (window.quaysideReplay.seekToFrameMs):
//    request, server, transfer, applying it to the buffers and store, one drawn frame.
//    The first seek into the day (the server folds the day's states: a cold cache) is
//    reported apart. Baseline, same page and moment: a GET /api/health round trip.
// 3. Play: 5 real seconds at 60x (the baseline), then 3600x: 2 seconds of ramp (reported
//    apart: the read-ahead starts again at the new step), then 10; reported are the
//    replayed hours per real second, frames the map drew per second (and their ratio to
//    60x), and the ticks in which the clock ran past the fixes read ahead (the map
//    waiting for data).
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { openDatabase } from '../db/database.ts';
import { TIME_SERIES_TABLES } from '../db/storage-policies.ts';
import type { PortModel } from '../protocol/port-model.ts';
import { dayOf, dayWindow } from '../client/src/replay/port-day.ts';
import { IngestClient } from '../simulators/ingest-client.ts';
import { runBackfill } from '../simulators/run-modes.ts';
import { Simulation } from '../simulators/simulation.ts';
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser } from '../test/helpers/browser.ts';
import { tempDir } from '../test/helpers/temp-dir.ts';
import { copyBuiltClient, ensureBuilt } from './map-fps/client-build.ts';
import { startBenchServer } from './shared/bench-server.ts';
import { quantiles, round } from './shared/numbers.ts';
import { writeResult } from './shared/results.ts';
import { BENCH_KEY } from './shared/telemetry.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** 3600x for this long replays ten hours: inside the overlap of the two days. */
const PLAY_SECONDS = 10;
/** The speed change reads from the clock at a new step: its first seconds are apart. */
const RAMP_SECONDS = 2;

function readOptions() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      day: { type: 'string' },
      seeks: { type: 'string' },
      quick: { type: 'boolean', default: false },
    },
  });
  const yesterday = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS - DAY_MS)
    .toISOString()
    .slice(0, 10);
  const day = values.day ?? yesterday;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Date.parse(`${day}T00:00:00Z`) + DAY_MS > Date.now())
    throw new Error(`--day must be a past UTC day as YYYY-MM-DD, got "${day}"`);
  return {
    dataDir: values['data-dir'],
    dayStartMs: Date.parse(`${day}T00:00:00Z`),
    day,
    seeks: Number(values.seeks ?? (values.quick ? 10 : 40)),
  };
}

/** Rows of each table in the UTC day. */
async function countDay(dataDir: string, fromMs: number): Promise<Record<string, number>> {
  const db = await openDatabase({ dataDir });
  try {
    const counts: Record<string, number> = {};
    for (const table of TIME_SERIES_TABLES) {
      const { rows } = await db.pool.query<{ n: string }>(
        `SELECT count(*) AS n FROM ${table} WHERE time >= $1 AND time < $2`,
        [new Date(fromMs), new Date(fromMs + DAY_MS)],
      );
      counts[table] = Number(rows[0]!.n);
    }
    return counts;
  } finally {
    await db.close();
  }
}

async function backfill(url: string, dayStartMs: number): Promise<void> {
  const model = (await (await fetch(`${url}/api/v1/port`)).json()) as PortModel;
  const simulation = new Simulation(model, { startMs: dayStartMs, config: { seed: 1 } });
  const client = new IngestClient({
    target: url,
    key: BENCH_KEY,
    log: () => {},
    dropStalePositions: false,
    onFatal: (message) => {
      throw new Error(message);
    },
  });
  const summary = await runBackfill(simulation, client, (done) =>
    console.log(`backfill: ${Math.round(done * 100)} %`),
  );
  console.log(
    `backfill: ${summary.events} events, ${summary.fixes} fixes in ${round(summary.seconds, 1)} s`,
  );
}

const seekCount = (page: Page) => page.evaluate(() => window.quaysideReplay!.landed);

/**
 * Moves the timeline to atMs as a drag that lets go there does (the input event React
 * reads), and resolves with that seek's seek-to-frame time. A click would do the same,
 * but lands only to the pixel and not at all on the thumb.
 */
async function seekBy(page: Page, atMs: number) {
  const before = await seekCount(page);
  await page.evaluate(
    (at) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid=replay-track]')!;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, at);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    String(Math.round(atMs)),
  );
  await page.waitForFunction((n) => window.quaysideReplay!.landed > n, before, { timeout: 60_000 });
  await page.waitForFunction((n) => window.quaysideReplay!.seekToFrameMs.length > n, before, {
    timeout: 10_000,
  });
  return page.evaluate(() => window.quaysideReplay!.seekToFrameMs.at(-1)!);
}

async function healthRoundTripMs(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    await (await fetch('/api/health')).json();
    return performance.now() - started;
  });
}

/** Map frames drawn per second and replay progress over a window of real time. */
async function measurePlay(page: Page, seconds: number) {
  const read = () =>
    page.evaluate(() => ({
      drawn: window.quaysideMap!.drawn,
      at: window.quaysideReplay!.state().atMs,
      starved: window.quaysideReplay!.starvedTicks,
      ticks: window.quaysideReplay!.playingTicks,
      real: performance.now(),
    }));
  const a = await read();
  await page.waitForTimeout(seconds * 1000);
  const b = await read();
  const realS = (b.real - a.real) / 1000;
  return {
    drawnPerSecond: round((b.drawn - a.drawn) / realS, 2),
    replayedHoursPerSecond: round((b.at - a.at) / HOUR_MS / realS, 3),
    starvedTicks: b.starved - a.starved,
    playingTicks: b.ticks - a.ticks,
  };
}

async function main(): Promise<void> {
  const options = readOptions();
  if (!chromiumAvailable) {
    console.error(`bench:replay needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    process.exitCode = 1;
    return;
  }
  ensureBuilt(false);
  const client = await copyBuiltClient();
  const scratch = options.dataDir ? undefined : tempDir('bench-replay');
  const dataDir = options.dataDir ?? scratch!.path;
  let rows = await countDay(dataDir, options.dayStartMs);
  let server = await startBenchServer('bench-replay', client.path, dataDir);
  if (rows.equipment_position === 0) {
    await backfill(server.url, options.dayStartMs);
    await server.close();
    rows = await countDay(dataDir, options.dayStartMs);
    server = await startBenchServer('bench-replay', client.path, dataDir);
  }
  const browser = await launchBrowser();
  try {
    const model = (await (await fetch(`${server.url}/api/v1/port`)).json()) as PortModel;
    const timeZone = model.properties.timeZone;
    // The port-local day holding the middle of the backfilled UTC day, and their overlap.
    const day = dayOf(options.dayStartMs + DAY_MS / 2, timeZone);
    const span = dayWindow(day, timeZone);
    const from = Math.max(span.fromMs, options.dayStartMs);
    const to = Math.min(span.toMs, options.dayStartMs + DAY_MS);
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/replay?day=${day}&at=${new Date(from + HOUR_MS).toISOString()}`);
    await page.waitForFunction(
      () => window.quaysideMap?.mapLoaded && window.quaysideReplay?.seekToFrameMs.length === 1,
      undefined,
      { timeout: 120_000 },
    );
    const opening = await page.evaluate(() => window.quaysideReplay!.seekToFrameMs[0]!);
    // Random instants, the same ones every run (a fixed-seed generator).
    let seed = 12_345;
    const random = () => (seed = (seed * 48_271) % 2_147_483_647) / 2_147_483_647;
    const first = await seekBy(page, from + (to - from) * 0.9);
    const seeks: number[] = [];
    const health: number[] = [];
    for (let i = 0; i < options.seeks; i += 1) {
      seeks.push(await seekBy(page, from + HOUR_MS / 4 + random() * (to - from - HOUR_MS / 2)));
      health.push(await healthRoundTripMs(page));
    }
    const [seekP50, seekP95] = quantiles(seeks, [0.5, 0.95]);
    const [healthP50] = quantiles(health, [0.5]);

    // 60x as the baseline of the same page, then 3600x playing on from there.
    await page.getByTestId('replay-speed').selectOption('60');
    await seekBy(page, from + HOUR_MS / 2);
    await page.getByTestId('replay-play').click();
    const at60 = await measurePlay(page, 5);
    await page.getByTestId('replay-speed').selectOption('3600');
    const rampUp = await measurePlay(page, RAMP_SECONDS); // the first chunks at the new step
    const at3600 = await measurePlay(page, PLAY_SECONDS);
    const result = {
      day: options.day,
      replayedDay: day,
      rows,
      rowsTotal: Object.values(rows).reduce((a, b) => a + b, 0),
      seek: {
        openingMs: round(opening, 1),
        firstIntoDayMs: round(first, 1),
        count: seeks.length,
        p50Ms: round(seekP50!, 1),
        p95Ms: round(seekP95!, 1),
        maxMs: round(Math.max(...seeks), 1),
        healthRoundTripP50Ms: round(healthP50!, 1),
        p50OverHealth: round(seekP50! / healthP50!, 1),
      },
      play: {
        at60,
        rampUp3600: rampUp,
        at3600,
        drawnRatio3600To60: round(at3600.drawnPerSecond / at60.drawnPerSecond, 2),
      },
    };
    console.log(JSON.stringify(result, null, 2));
    writeResult('replay-seek', result);
  } finally {
    await browser.close();
    await server.close();
    scratch?.remove();
    client.remove();
  }
}

await main();
