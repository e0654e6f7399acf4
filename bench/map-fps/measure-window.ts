// One measured window on a page that shows its entities and draws: frame rates, frame
// intervals, long tasks, main-thread and process CPU, heap, movement on screen and what
// the live channel delivered against what the hub sent.
import { setTimeout as sleep } from 'node:timers/promises';
import type { CDPSession, Page } from 'playwright-core';
import { mb, quantiles, round } from '../shared/numbers.ts';
import { VIEWPORT } from './config.ts';
import type { HubCounters } from './hub-counters.ts';
import type { MapPage } from './map-page.ts';
import { PAGE_MARK, type PageMark } from './page-scripts.ts';
import { cpuMark, cpuSince } from './process-cpu.ts';
import type { Feed } from './synthetic-feed.ts';

/** Page pixels of every equipment entity, by id (the map's own projection). */
async function projectedById(page: Page): Promise<Map<string, [number, number]>> {
  const points = await page.evaluate(() => window.quaysideMap?.projected() ?? []);
  return new Map(points.map((p) => [p.id, [p.x, p.y]]));
}

async function cdpMetrics(cdp: CDPSession): Promise<Record<string, number>> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

export async function measureWindow(
  { page, cdp, watch }: MapPage,
  label: string,
  entities: number,
  windowS: number,
  feed: Feed,
  hub: HubCounters,
) {
  const withEntities = entities > 0;
  const before = withEntities ? await projectedById(page) : new Map();
  await page.evaluate('window.__mapBench.recording = true');
  const start = (await page.evaluate(PAGE_MARK)) as PageMark;
  const metrics0 = await cdpMetrics(cdp);
  const cpu = cpuMark();
  const flushes0 = hub.flushes;
  watch.take();
  feed.take();
  await sleep(windowS * 1_000);
  const end = (await page.evaluate(PAGE_MARK)) as PageMark;
  const metrics1 = await cdpMetrics(cdp);
  const cpuUse = cpuSince(cpu);
  const live = { ...watch.take(), serverBatches: hub.flushes - flushes0 };
  const fed = feed.take();
  await page.evaluate('window.__mapBench.recording = false');
  const after = withEntities ? await projectedById(page) : new Map<string, [number, number]>();

  const seconds = (end.nowMs - start.nowMs) / 1000;
  const frames = end.frames - start.frames;
  const drawn = end.drawnFrames - start.drawnFrames;
  let moved = 0;
  let visible = 0;
  for (const [id, [x, y]] of after) {
    const was = before.get(id);
    if (was && Math.hypot(x - was[0], y - was[1]) > 2) moved += 1;
    if (x >= 0 && y >= 0 && x < VIEWPORT.width && y < VIEWPORT.height) visible += 1;
  }
  const busyS = (metrics1.TaskDuration ?? 0) - (metrics0.TaskDuration ?? 0);
  const scriptS = (metrics1.ScriptDuration ?? 0) - (metrics0.ScriptDuration ?? 0);
  const [frameMsP50, frameMsP90, frameMsMax] = quantiles(end.intervals, [0.5, 0.9, 1]).map((v) =>
    round(v, 1),
  );
  return {
    label,
    entities,
    entityCountSeen: end.entityCount,
    seconds: round(seconds, 2),
    mapFps: round(frames / seconds),
    rafPerS: round((end.rafTicks - start.rafTicks) / seconds),
    drawnPerS: round(drawn / seconds),
    drawCallsPerFrame: round((end.draws - start.draws) / Math.max(1, drawn), 1),
    frameMsP50: frameMsP50!,
    frameMsP90: frameMsP90!,
    frameMsMax: frameMsMax!,
    longTasks: end.longTasks - start.longTasks,
    longTaskMsPerS: round((end.longTaskMs - start.longTaskMs) / seconds, 0),
    mainThreadBusyPct: round((100 * busyS) / seconds, 0),
    /** Chromium's CPU time (all its processes: SwiftShader draws in the GPU one) per map frame. */
    chromiumCpuMsPerFrame: round(
      (cpuUse.chromiumCores * 1000) / Math.max(1e-9, frames / seconds),
      0,
    ),
    scriptPct: round((100 * scriptS) / seconds, 0),
    jsHeapMb: mb(metrics1.JSHeapUsedSize ?? 0),
    movedPct: withEntities ? round((100 * moved) / Math.max(1, after.size), 1) : null,
    visibleInViewport: withEntities ? visible : null,
    cpu: cpuUse,
    live,
    feed: fed,
  };
}

export type Measured = Awaited<ReturnType<typeof measureWindow>>;
