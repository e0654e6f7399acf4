// The wall display's playlist as a control room bookmarks it: the whole port, then the KPI
// board full screen, then the port again, by themselves; a mistyped playlist shows a
// notice over a working map, never a blank screen. And the air-gap guarantee: without
// BASEMAP_STYLE_URL the pages ask nothing of any host but our own server.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.runIf(chromiumAvailable)('the wall playlist in Chromium', () => {
  const data = tempDir('e2e-wall-playlist');
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.path, QUAYSIDE_SIMULATE: 'on' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const mapReady = (page: Page) =>
    page.waitForFunction(
      () => {
        const map = window.quaysideMap;
        return map !== undefined && map.mapLoaded && map.entityCount > 50 && map.frames > 3;
      },
      undefined,
      { timeout: 60_000 },
    );
  const shownView = (page: Page) =>
    page.getByTestId('playlist-indicator').getAttribute('data-view', { timeout: 20_000 });

  it('shows the port, then the KPI board with its figures, then the port again', async () => {
    const page = await browser.context.newPage();
    // The page records each view as it comes: software WebGL can hold the page's thread
    // for seconds, so asking from outside could miss a change or see it late.
    await page.addInitScript(() => {
      const views: { view: string; atMs: number }[] = [];
      (window as unknown as { wallViews: typeof views }).wallViews = views;
      new MutationObserver(() => {
        const indicator = document.querySelector('[data-testid="playlist-indicator"]');
        const view = indicator?.getAttribute('data-view');
        if (view && views.at(-1)?.view !== view) views.push({ view, atMs: performance.now() });
      }).observe(document, { subtree: true, childList: true, attributes: true });
    });
    const views = () =>
      page.evaluate(
        () => (window as unknown as { wallViews: { view: string; atMs: number }[] }).wallViews,
      );
    await page.goto(`${server.url}/wall?playlist=port,kpis&dwell=10`);

    const board = page.getByTestId('kpi-board');
    await board.waitFor({ state: 'visible', timeout: 60_000 });
    const [first, second] = await views();
    expect(first?.view).toBe('port');
    expect(second?.view).toBe('kpis');
    // One dwell after the port showed (a second's tick of slack; well within 25 s).
    expect(second!.atMs - first!.atMs).toBeGreaterThanOrEqual(9_000);
    expect(second!.atMs - first!.atMs).toBeLessThan(25_000);
    const box = await board.boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1600, height: 900 });
    // Every key figure is on it, the live ones with numbers, and how old they are.
    expect(await board.locator('.kpi-tile').count()).toBe(10);
    const numbers = () =>
      board
        .locator('.kpi-value')
        .allTextContents()
        .then((values) => values.filter((v) => /\d/.test(v)).length);
    await expect.poll(numbers, { timeout: 8_000 }).toBeGreaterThanOrEqual(3);
    await expect(page.getByTestId('kpi-board-age').textContent()).resolves.toMatch(
      /data age \d+ s/,
    );
    await expect(page.getByTestId('playlist-indicator').textContent()).resolves.toMatch(
      /Key figures.*next: Whole port in \d+ s/,
    );
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-kpi-board.png') });

    // Then the map again, by itself, still drawing the port (it drew under the board).
    await board.waitFor({ state: 'detached', timeout: 30_000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-port.png') });
    expect((await views()).map((v) => v.view).slice(0, 3)).toEqual(['port', 'kpis', 'port']);
    await mapReady(page);
    await page.close();
  }, 180_000);

  it('names what it ignored in a mistyped playlist, over a working map', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.url}/wall?playlist=port,bogus,terminal:T9&dwell=3`);
    await mapReady(page);
    const notice = page.getByTestId('playlist-notice');
    await notice.waitFor({ state: 'visible', timeout: 30_000 });
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('bogus (not a view');
    expect(text).toContain('terminal:T9 (no such terminal');
    expect(text).toContain('dwell=3 (must be 10 to 86,400 s');
    // The one good view stays, with nothing coming next.
    expect(await shownView(page)).toBe('port');
    expect(await page.getByTestId('playlist-indicator').textContent()).not.toContain('next');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-playlist-notice.png') });
    await page.close();
  }, 120_000);

  it('asks nothing of any other host without BASEMAP_STYLE_URL (air-gapped rooms)', async () => {
    const origin = new URL(server.url).origin;
    const asked: string[] = [];
    const page = await browser.context.newPage();
    page.on('request', (request) => asked.push(request.url()));
    page.on('websocket', (socket) => asked.push(socket.url()));

    for (const path of ['/', '/wall?playlist=port,kpis&dwell=10']) {
      await page.goto(`${server.url}${path}`);
      await mapReady(page);
      await page.waitForTimeout(3_000); // the map's tiles, sprites, glyphs would be asked by now
    }
    // The pages did ask: the client config (no online base map in it), the port model, the live feed.
    const paths = asked.map((url) => url.replace(/^(https?|wss?):\/\/[^/]+/, ''));
    expect(paths).toContain('/api/v1/client-config');
    expect(paths).toContain('/api/v1/port');
    expect(asked.some((url) => url.includes('/socket.io/'))).toBe(true);
    const elsewhere = asked.filter((url) => {
      const parsed = new URL(url);
      if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return false;
      return parsed.host !== new URL(origin).host;
    });
    expect(elsewhere).toEqual([]);
    const config = await page.evaluate(() =>
      fetch('/api/v1/client-config').then((r) => r.json() as Promise<unknown>),
    );
    expect(config).toEqual({});
    await page.close();
  }, 180_000);
});
