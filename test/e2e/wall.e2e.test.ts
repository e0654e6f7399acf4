// The wall display through a server restart, as a control room lives it: /wall shows the
// live port; the server goes away and the wall says so (offline, the data age growing)
// while it keeps the last picture on screen, never blank; the server comes back on the
// same address and the wall reconnects and resynchronises by itself.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe.runIf(chromiumAvailable)('the wall display through a server restart', () => {
  const data = tempDir('e2e-wall');
  let server: ServerProcess | undefined;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;

  const status = () => page.getByTestId('connection-status').getAttribute('data-status');
  const ageSeconds = async () =>
    Number(/(\d+)\s*s/.exec((await page.getByTestId('data-age').textContent()) ?? '')?.[1]);
  const held = () => page.evaluate(() => window.quaysideMap?.entityCount ?? 0);

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

  it('shows stale data as stale while the server is away, and recovers by itself', async () => {
    await page.goto(`${server!.url}/wall`);
    await expect.poll(status, { timeout: 60_000 }).toBe('live');
    await expect.poll(held, { timeout: 60_000 }).toBeGreaterThan(100);
    // No controls on the wall: nothing to click, from across the room.
    expect(await page.locator('.app-wall button:visible').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-live.png') });

    const port = new URL(server!.url).port;
    expect(await server!.stop()).toBe(0);
    await expect.poll(status, { timeout: 20_000 }).toBe('offline');
    const lastPicture = await held();
    expect(lastPicture).toBeGreaterThan(100); // the last picture stays, never blank
    await expect.poll(ageSeconds, { timeout: 20_000 }).toBeGreaterThan(5);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-offline.png') });

    server = await startServerProcess({
      DATA_DIR: data.path,
      QUAYSIDE_SIMULATE: 'on',
      PORT: port,
    });
    await expect.poll(status, { timeout: 90_000 }).toBe('live');
    await expect.poll(ageSeconds, { timeout: 60_000 }).toBeLessThan(5);
    await expect.poll(held, { timeout: 30_000 }).toBeGreaterThan(100);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'wall-back.png') });
  }, 300_000);
});
