// Baselines and runs alternate, each run between two baselines (B, N1, B, N1, B, N2, ...):
// the machine is shared and its speed drifts, so each ratio is taken against the mean of
// its neighbours. The feed keeps going through the baselines (at the N of the run before
// them, or of the first run), so the server's load is alike on both sides of each ratio.
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext } from 'playwright-core';
import { round } from '../shared/numbers.ts';
import type { MapBenchConfig } from './config.ts';
import type { HubCounters } from './hub-counters.ts';
import { openMapPage, waitForMap } from './map-page.ts';
import { measureWindow } from './measure-window.ts';
import { RENDERER } from './page-scripts.ts';
import type { Feed } from './synthetic-feed.ts';

export async function runSchedule(
  config: MapBenchConfig,
  context: BrowserContext,
  url: string,
  feed: Feed,
  hub: HubCounters,
) {
  const pageErrors: string[] = [];
  let chromium = '';
  let renderer = '';
  let assets = new Map<string, { bytes: number; encoding: string }>();

  /** One measurement on a fresh page: live (N entities) or with its live channel blocked. */
  const step = async (label: string, entities: number) => {
    const opened = await openMapPage(context, url, entities === 0);
    try {
      if (!chromium) {
        chromium = (await opened.cdp.send('Browser.getVersion')).product;
        renderer = (await opened.page.evaluate(RENDERER)) as string;
        assets = opened.assets;
      }
      const resyncs0 = hub.resyncs;
      const readyS = await waitForMap(opened.page, entities);
      // Shaders settle a couple of seconds after the first frame; colours, buffers too.
      await sleep(config.settleS * 1_000);
      const measured = await measureWindow(opened, label, entities, config.windowS, feed, hub);
      pageErrors.push(...opened.errors.map((e) => `${label}: ${e}`));
      const result = {
        ...measured,
        readyS,
        feedEntities: feed.n,
        resyncsServed: hub.resyncs - resyncs0,
      };
      console.log(
        `${label}: ${result.mapFps} fps (map counter), ${result.rafPerS} rAF/s, ` +
          `${result.entityCountSeen} entities seen, ready ${readyS} s after load`,
      );
      return result;
    } finally {
      await opened.page.close();
    }
  };
  type Step = Awaited<ReturnType<typeof step>> & {
    ratioToBaseline: number;
    cpuPerFrameRatio: number;
  };

  feed.n = config.counts[0]!;
  feed.start();
  try {
    const first = await step('baseline 1 (0 entities)', 0);
    const chronological: Step[] = [{ ...first, ratioToBaseline: 1, cpuPerFrameRatio: 1 }];
    const baselines = [first];
    const runs: Step[] = [];
    for (const n of config.counts) {
      feed.n = n;
      for (let r = 1; r <= config.rounds; r++) {
        const live = await step(`${n} entities${config.rounds > 1 ? ` #${r}` : ''}`, n);
        const before = baselines.at(-1)!;
        const after = await step(`baseline ${baselines.length + 1} (0 entities)`, 0);
        baselines.push(after);
        const fps = (before.mapFps + after.mapFps) / 2;
        const cpu = (before.chromiumCpuMsPerFrame + after.chromiumCpuMsPerFrame) / 2;
        const run = {
          ...live,
          ratioToBaseline: round(live.mapFps / fps, 3),
          cpuPerFrameRatio: round(live.chromiumCpuMsPerFrame / cpu, 2),
        };
        runs.push(run);
        chronological.push(run, {
          ...after,
          ratioToBaseline: round(after.mapFps / first.mapFps, 3),
          cpuPerFrameRatio: round(after.chromiumCpuMsPerFrame / first.chromiumCpuMsPerFrame, 2),
        });
      }
    }
    return { chronological, baselines, runs, chromium, renderer, assets, pageErrors };
  } finally {
    await feed.stop();
  }
}

export type Schedule = Awaited<ReturnType<typeof runSchedule>>;
export type Step = Schedule['runs'][number];
