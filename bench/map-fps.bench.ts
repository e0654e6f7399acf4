// `npm run bench:map [-- --quick] [--rebuild] [--rounds R]`: how fast the live map draws in
// Chromium with 1k, 5k and 10k moving objects, and how big the built client is.
//
// 1. The client: built (`vite build`) when dist/client is missing or older than its
//    sources (or with --rebuild), then every file under dist/client is measured raw, gzip (level 9) and
//    brotli (quality 11), as a note quotes them ("N MB raw, M MB gzip").
// 2. A real server in this process on the embedded engine (or DATABASE_URL, in a schema of
//    its own), serving dist/client (a copy taken at start, so a rebuild meanwhile by
//    someone else changes nothing here); no simulator (buildApp starts none), so the map shows
//    only what this bench feeds it.
// 3. Headless Chromium at 1600x900 (test/helpers/browser.ts: SwiftShader, so WebGL2 is
//    drawn in software on the CPU). The feed posts N synthetic trucks and AGVs (each
//    moving a few metres a second along a straight line, each with a state) through
//    POST /api/v1/telemetry once a second, and keeps doing so while a fresh page is
//    measured: once it holds N entities and draws, after a settling time, over a fixed
//    window:
//      - map fps: window.quaysideMap.frames per second: turns of PortMap's draw loop, one
//        per requestAnimationFrame callback. The page is opened with ?redraw=always, so
//        each turn also rebuilds the deck layers (the product skips that when nothing
//        changed); it counts JS frames, not frames MapLibre actually rendered;
//      - rAF/s: requestAnimationFrame callbacks per second of a loop of our own;
//      - drawn/s: frames in which WebGL draw calls were made (the page's WebGL draw
//        functions are counted; a rAF tick that follows draw calls counts one);
//      - long tasks (PerformanceObserver 'longtask': wall time), main-thread CPU time
//        (CDP Performance.getMetrics TaskDuration in thread ticks), JS heap, frame
//        interval percentiles;
//      - CPU: Chromium's processes (children of this one) and this process (server,
//        embedded engine worker, feed), in cores; the machine is shared, so also its total;
//      - delivery: fixes accepted per entity per second, position batches the hub flushed
//        against those the page's websocket received (volatile: a busy page loses some),
//        and the resyncs (new snapshots) a gap made the page ask for.
//    The baseline: the same page with 0 entities (base map, empty overlay, the same draw
//    loop), its live channel blocked, on a fresh page in the same browser. Baselines and
//    runs alternate (B, N1, B, N1, B, N2, ...: --rounds R runs of each N, default 2, quick
//    1), the feed still going through the baselines; each run's ratio is to the mean of
//    the baselines either side of it. A second ratio compares Chromium's CPU time per map
//    frame, which moves much less than frames per second with the load of other tenants.
// Absolute frame rates of software WebGL on a shared 2-core machine are noise; the ratio
// to the baseline of the same browser in the same process is the figure to quote.
import { chromiumAvailable, CHROMIUM_PATH, launchBrowser } from '../test/helpers/browser.ts';
import { bundleSizes } from './map-fps/bundle-size.ts';
import { copyBuiltClient, ensureBuilt } from './map-fps/client-build.ts';
import { readConfig } from './map-fps/config.ts';
import { countHub } from './map-fps/hub-counters.ts';
import { mapFpsResult, printBundle, printResult } from './map-fps/report.ts';
import { runSchedule } from './map-fps/schedule.ts';
import { Feed } from './map-fps/synthetic-feed.ts';
import { startBenchServer } from './shared/bench-server.ts';
import { writeResult } from './shared/results.ts';

async function main(): Promise<void> {
  const config = readConfig();
  if (!chromiumAvailable) {
    console.error(`bench:map needs Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`);
    process.exitCode = 1;
    return;
  }
  const build = ensureBuilt(config.rebuild);
  const clientCopy = await copyBuiltClient();
  const bundle = bundleSizes(clientCopy.path);
  printBundle(bundle);

  const server = await startBenchServer('bench-map', clientCopy.path);
  const hub = countHub(server.app.hub);
  const browser = await launchBrowser();
  try {
    const feed = await Feed.forServer(server.url, Math.max(...config.counts));
    console.log(
      `\n${config.windowS} s windows after ${config.settleS} s settling, a fresh page for each, ` +
        `${config.rounds} round(s) per N; engine ${server.db.engine}`,
    );
    const schedule = await runSchedule(config, browser.context, server.url, feed, hub);
    const result = mapFpsResult(config, server.db.engine, build, bundle, schedule, hub.resyncs);
    printResult(result, schedule, feed.firstError);
    writeResult('map-fps', result);
  } finally {
    await browser.close();
    await server.close();
    clientCopy.remove();
  }
}

void main();
