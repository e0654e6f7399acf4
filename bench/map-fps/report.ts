// What the bench prints and what it writes to bench-results/map-fps.json.
import { mb, round } from '../shared/numbers.ts';
import type { BundleSizes } from './bundle-size.ts';
import { VIEWPORT, type MapBenchConfig } from './config.ts';
import type { Schedule, Step } from './schedule.ts';
import { KINDS, MAX_TICKS_IN_FLIGHT, POST_ITEMS, STATES } from './synthetic-feed.ts';

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const span = (xs: number[]) => `${Math.min(...xs)}..${Math.max(...xs)}`;
const fixesPerEntityPerS = (r: Step) => r.feed.accepted / r.entities / r.seconds;
const batchesInPerS = (r: Step) => r.live.positionBatches / r.seconds;

export function printBundle(bundle: BundleSizes): void {
  const top = bundle.files.slice(0, 6);
  console.log(`\nbuilt client (dist/client, ${bundle.files.length} files)`);
  console.table(
    Object.fromEntries(
      [...top, { file: `total (${bundle.files.length} files)`, ...bundle.total }].map((f) => [
        f.file,
        { 'raw MB': mb(f.raw), 'gzip MB': mb(f.gzip), 'brotli MB': mb(f.brotli) },
      ]),
    ),
  );
}

/** One row of the summary: the baseline windows (`ratios` false) or the runs of one N. */
function summarise(label: string, entities: number, of: Step[], ratios: boolean) {
  const all = (pick: (r: Step) => number) => of.map(pick);
  const sum = (pick: (r: Step) => number) => of.reduce((a, r) => a + pick(r), 0);
  return {
    label,
    N: entities,
    'entities seen': Math.min(...all((r) => r.entityCountSeen)),
    'fps (map)': round(mean(all((r) => r.mapFps))),
    'rAF/s': round(mean(all((r) => r.rafPerS))),
    'drawn/s': round(mean(all((r) => r.drawnPerS))),
    'vs baseline': ratios ? round(mean(all((r) => r.ratioToBaseline)), 3) : 1,
    'range vs baseline': ratios
      ? span(all((r) => r.ratioToBaseline))
      : `${span(all((r) => r.mapFps))} fps`,
    'chromium CPU ms/frame': round(mean(all((r) => r.chromiumCpuMsPerFrame)), 0),
    'CPU/frame vs baseline': ratios ? round(mean(all((r) => r.cpuPerFrameRatio)), 2) : 1,
    'moved %': ratios ? Math.min(...all((r) => r.movedPct ?? 0)) : '',
    'fixes/entity/s': ratios ? round(mean(all(fixesPerEntityPerS))) : '',
    'batches in/s': ratios ? round(mean(all(batchesInPerS))) : '',
    'batches got %': ratios
      ? round(
          (100 * sum((r) => r.live.positionBatches)) /
            Math.max(
              1,
              sum((r) => r.live.serverBatches),
            ),
          0,
        )
      : '',
    'JS heap MB': Math.max(...all((r) => r.jsHeapMb)),
  };
}

export function mapFpsResult(
  config: MapBenchConfig,
  engine: string,
  build: { built: boolean; seconds: number; reason: string },
  bundle: BundleSizes,
  schedule: Schedule,
  resyncsServed: number,
) {
  const { chronological, baselines, runs } = schedule;
  const summary = [
    summarise(
      `baseline (0 entities, ${baselines.length} windows)`,
      0,
      chronological.filter((r) => r.entities === 0),
      false,
    ),
    ...config.counts.map((n) =>
      summarise(
        `${n} entities`,
        n,
        runs.filter((r) => r.entities === n),
        true,
      ),
    ),
  ];
  const served = [...schedule.assets.values()];
  const baselineFps = baselines.map((b) => b.mapFps);
  return {
    quick: config.quick,
    at: new Date().toISOString(),
    engine,
    chromium: schedule.chromium,
    renderer: schedule.renderer,
    viewport: VIEWPORT,
    windowS: config.windowS,
    settleS: config.settleS,
    rounds: config.rounds,
    feed: { postItems: POST_ITEMS, kinds: KINDS, states: STATES, fixesPerEntityPerS: 1 },
    build,
    bundle: {
      dir: 'dist/client',
      total: bundle.total,
      files: bundle.files,
      servedOnFirstLoad: {
        assets: served.length,
        bytes: served.reduce((sum, a) => sum + (Number.isFinite(a.bytes) ? a.bytes : 0), 0),
        encodings: [...new Set(served.map((a) => a.encoding))],
      },
    },
    summary,
    steps: chronological,
    baselineSpread: round(Math.max(...baselineFps) / Math.min(...baselineFps), 3),
    resyncsServed,
    pageErrors: schedule.pageErrors.slice(0, 50),
  };
}

export function printResult(
  result: ReturnType<typeof mapFpsResult>,
  schedule: Schedule,
  feedError: string | undefined,
): void {
  console.log(
    `\nevery window, in order ("vs baseline": a run against the mean of the baselines ` +
      `either side of it, a baseline against the first)`,
  );
  console.table(
    Object.fromEntries(
      result.steps.map((r) => [
        r.label,
        {
          N: r.entities,
          seen: r.entityCountSeen,
          'fps (map)': r.mapFps,
          'rAF/s': r.rafPerS,
          'drawn/s': r.drawnPerS,
          'vs baseline': r.ratioToBaseline,
          'frame p90 ms': r.frameMsP90,
          'long tasks ms/s': r.longTaskMsPerS,
          'main CPU %': r.mainThreadBusyPct,
          'chromium cores': r.cpu.chromiumCores,
          'gpu proc cores': r.cpu.chromiumCoresByProcess['gpu-process'] ?? 0,
          'renderer cores': r.cpu.chromiumCoresByProcess.renderer ?? 0,
          'CPU ms/frame': r.chromiumCpuMsPerFrame,
          'server cores': r.cpu.benchProcessCores,
          'machine busy %': r.cpu.machineBusyPct,
          'JS heap MB': r.jsHeapMb,
          'fixes/entity/s': r.entities ? round(fixesPerEntityPerS(r)) : '',
          'batches in/s': r.entities ? round(batchesInPerS(r)) : '',
          'batches sent/s': r.entities ? round(r.live.serverBatches / r.seconds) : '',
          resyncs: r.resyncsServed,
        },
      ]),
    ),
  );
  const { renderer } = result;
  console.log(
    `\nmap frame rate in headless Chromium (${VIEWPORT.width}x${VIEWPORT.height}, ` +
      `${renderer.includes('SwiftShader') ? 'SwiftShader software WebGL' : renderer}), ` +
      `${result.windowS} s windows, 1 fix/s per entity, ${result.rounds} round(s) per N`,
  );
  console.table(Object.fromEntries(result.summary.map(({ label, ...row }) => [label, row])));
  const t = result.bundle.total;
  const first = result.bundle.servedOnFirstLoad;
  const fed = schedule.runs.map((r) => r.feed);
  const fedTotal = (key: keyof (typeof fed)[number]) => fed.reduce((a, f) => a + f[key], 0);
  const errors = schedule.pageErrors;
  console.log(
    `built client: ${mb(t.raw)} MB raw, ${mb(t.gzip)} MB gzip, ${mb(t.brotli)} MB brotli ` +
      `(${result.bundle.files.length} files); the first page fetched ${first.assets} assets, ` +
      `${mb(first.bytes)} MB, content-encoding ${first.encodings.join(', ') || 'n/a'}\n` +
      `feed in the measured windows: ${fedTotal('accepted')} fixes accepted, ` +
      `${fedTotal('rejected')} rejected, ${fedTotal('refused')} refused, ` +
      `${fedTotal('errors')} failed ticks, ${fedTotal('ticksLate')} ticks over 1 s, ` +
      `${fedTotal('ticksSkipped')} skipped (${MAX_TICKS_IN_FLIGHT} in flight); ` +
      `slowest tick ${Math.max(...fed.map((f) => f.tickMsMax))} ms\n` +
      `baselines spread ${result.baselineSpread}x (max/min fps); resyncs served ${result.resyncsServed}; ` +
      `page errors ${errors.length}${errors.length ? `: ${errors[0]}` : ''}` +
      `${feedError ? `; first feed error: ${feedError}` : ''}`,
  );
}
