// A fresh map page in the bench's browser, with our hooks installed, what its live
// channel receives counted, its errors and first-load assets noted; and the wait until
// it draws what the feed sends.
import type { BrowserContext, Page } from 'playwright-core';
import { mb, round } from '../shared/numbers.ts';
import { VIEWPORT } from './config.ts';
import { PAGE_HOOKS } from './page-scripts.ts';

/** How long a page may take to load and show N entities. */
const READY_TIMEOUT_MS = 120_000;

/** Counts what the page's live channel receives (Socket.IO text frames on the websocket). */
export class SocketWatch {
  private positions = 0;
  private snapshots = 0;
  private resyncsSent = 0;
  private bytes = 0;
  constructor(page: Page) {
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') return;
        this.bytes += payload.length;
        if (payload.startsWith('42/live,["positions"')) this.positions += 1;
        else if (/^42\/live,\["snapshot"|^43\/live,\d+\[\{"seq"/.test(payload)) this.snapshots += 1;
      });
      ws.on('framesent', ({ payload }) => {
        if (typeof payload === 'string' && payload.includes('"resync"')) this.resyncsSent += 1;
      });
    });
  }
  /** Counters since the last call. */
  take() {
    const taken = {
      positionBatches: this.positions,
      snapshots: this.snapshots,
      resyncsSent: this.resyncsSent,
      mb: mb(this.bytes),
    };
    this.positions = this.snapshots = this.resyncsSent = this.bytes = 0;
    return taken;
  }
}

/** The map page, live or with its live channel blocked (the 0-entity baseline). */
export async function openMapPage(context: BrowserContext, url: string, blockLive: boolean) {
  const page = await context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript({ content: PAGE_HOOKS });
  const watch = new SocketWatch(page);
  if (blockLive) {
    await page.route(/\/socket\.io\//, (route) => route.abort());
    await page.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
  }
  // What went wrong in the page; on a blocked page the refused live channel is expected.
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (blockLive && message.text().startsWith('Failed to load resource')) return;
    errors.push(message.text());
  });
  page.on('requestfailed', (request) => {
    const path = new URL(request.url()).pathname;
    if (blockLive && path.startsWith('/socket.io/')) return;
    errors.push(`request failed: ${path} ${request.failure()?.errorText ?? ''}`);
  });
  const assets = new Map<string, { bytes: number; encoding: string }>();
  page.on('response', (response) => {
    const path = new URL(response.url()).pathname;
    if (!path.startsWith('/assets/')) return;
    const headers = response.headers();
    assets.set(path, {
      bytes: Number(headers['content-length'] ?? NaN),
      encoding: headers['content-encoding'] ?? 'identity',
    });
  });
  const cdp = await context.newCDPSession(page);
  // Thread time: TaskDuration and ScriptDuration are CPU time of the page's main thread.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  // Every frame drawn, moving or not: the bench measures what the map can draw.
  await page.goto(`${url}?redraw=always`);
  return { page, cdp, watch, errors, assets };
}

export type MapPage = Awaited<ReturnType<typeof openMapPage>>;

/** Seconds until the map is loaded, holds at least `entities` and has drawn a few more frames. */
export async function waitForMap(page: Page, entities: number): Promise<number> {
  const t0 = performance.now();
  await page.waitForFunction(
    (n) => {
      const map = window.quaysideMap;
      return map !== undefined && map.mapLoaded && map.entityCount >= n && map.frames > 3;
    },
    entities,
    { timeout: READY_TIMEOUT_MS, polling: 250 },
  );
  const frames = await page.evaluate(() => window.quaysideMap!.frames);
  await page.waitForFunction((f) => window.quaysideMap!.frames >= f + 3, frames, {
    timeout: READY_TIMEOUT_MS,
    polling: 250,
  });
  return round((performance.now() - t0) / 1000, 1);
}
