// History as a duty manager sees it: `npm start`'s server with the simulator, the page in
// headless Chromium; the berth timeline shows the ships being worked, and clicking a quay
// crane opens its state timeline and its moves beneath its live facts.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { openDetailsOf } from '../helpers/map-clicks.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.runIf(chromiumAvailable)('history views in Chromium', () => {
  const data = tempDir('e2e-history');
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.path, QUAYSIDE_SIMULATE: 'on' });
    browser = await launchBrowser();
    page = await browser.context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  it('shows the calls on the berth timeline, vessel names on their bars', async () => {
    await page.goto(server.url);
    // The simulator warms up before its first events: wait until its machines are on the map.
    await page.waitForFunction(
      () => {
        const map = window.quaysideMap;
        return map !== undefined && map.mapLoaded && map.entityCount >= 12 && map.frames > 3;
      },
      undefined,
      { timeout: 90_000 },
    );
    const timeline = page.getByTestId('berth-timeline');
    const named = timeline.locator('.bt-bar .bt-name').filter({ hasText: /[A-Z]{2,}/ });
    // The simulator starts with ships alongside; the timeline asks again every 30 s.
    await expect.poll(() => named.count(), { timeout: 75_000 }).toBeGreaterThanOrEqual(1);
    // One row per berth of the demo port, with a line at now.
    expect(await timeline.locator('.bt-row[data-berth^="T1-B"]').count()).toBe(6);
    expect(await timeline.locator('.bt-now').count()).toBeGreaterThanOrEqual(6);
    expect(await timeline.locator('.history-age').textContent()).toMatch(/^updated \d+ s ago$/);
    // Hovering a bar gives its times.
    await named.first().hover();
    const tooltip = page.getByRole('tooltip');
    await expect.poll(() => tooltip.textContent()).toContain('ETA');
    expect(await tooltip.locator('[data-field="atb"] dd').textContent()).toMatch(/\d{2}:\d{2}/);
    await timeline.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'berth-timeline.png') });
    await page.mouse.move(10, 10);
  }, 120_000);

  it('shows a clicked quay crane’s state timeline and its moves', async () => {
    const opened = await openDetailsOf(page, /-QC\d+$/);
    expect(opened).toMatch(/-QC\d+$/);
    const history = page.getByTestId('equipment-history');
    const pieces = history.locator('[data-testid="state-strip"] > div');
    await expect.poll(() => pieces.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
    expect(await pieces.first().getAttribute('data-state')).toMatch(
      /^(working|idle|waiting|fault|travelling_empty|travelling_loaded)$/,
    );
    expect(await history.getByTestId('moves-count').textContent()).toMatch(/^\d+$/);
    expect(await history.locator('.mini-bars rect').count()).toBeGreaterThanOrEqual(8);
    await history.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'crane-history.png') });
  }, 120_000);
});
