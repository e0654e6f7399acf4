// The walking skeleton as a user sees it: `npm start`'s server with the simulator, the
// page in headless Chromium, and trucks that are really drawn on the map and really move.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { STATE_COLOURS } from '../../client/src/map/deck-layers.ts';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { colourNear, decodePng, type Rgb } from '../helpers/pixels.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const EQUIPMENT_COLOURS: Rgb[] = Object.values(STATE_COLOURS).map(([r, g, b]) => [r, g, b]);

type Projected = { id: string; x: number; y: number }[];
const projected = (page: Page) => page.evaluate(() => window.quaysideMap!.projected());

describe.runIf(chromiumAvailable)('the live map in Chromium', () => {
  const data = tempDir('e2e');
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

  it('draws the simulated trucks on the port and moves them', async () => {
    await page.goto(server.url);
    await page.waitForFunction(
      () => {
        const map = window.quaysideMap;
        return map !== undefined && map.mapLoaded && map.entityCount >= 12 && map.frames > 3;
      },
      undefined,
      { timeout: 60_000 },
    );
    await expect
      .poll(() => page.getByTestId('connection-status').getAttribute('data-status'))
      .toBe('live');

    const shoot = async (name: string) => {
      const before = await projected(page);
      const png = await page.screenshot({ path: join(SCREENSHOT_DIR, name) });
      const after = await projected(page);
      return { picture: decodePng(png), before, after };
    };
    const first = await shoot('live-map-1.png');
    await page.waitForTimeout(4_000);
    const second = await shoot('live-map-2.png');

    // Drawn: each truck inside the viewport shows an equipment colour where it is.
    const visible = (points: Projected) =>
      points.filter((p) => p.x > 10 && p.y > 60 && p.x < 1590 && p.y < 890);
    for (const shot of [first, second]) {
      const points = visible(shot.after);
      expect(points.length).toBeGreaterThanOrEqual(10);
      const drawn = points.filter((p) => {
        const was = shot.before.find((q) => q.id === p.id) ?? p;
        return colourNear(shot.picture, (p.x + was.x) / 2, (p.y + was.y) / 2, EQUIPMENT_COLOURS, 8);
      });
      expect(drawn.length / points.length).toBeGreaterThanOrEqual(0.8);
    }

    // Moving: most trucks are somewhere else four seconds later (some stop at blocks).
    const moved = second.after.filter((p) => {
      const earlier = first.after.find((q) => q.id === p.id);
      return earlier && Math.hypot(p.x - earlier.x, p.y - earlier.y) > 3;
    });
    expect(moved.length).toBeGreaterThanOrEqual(4);
    // The status bar counts what the map holds.
    const held = await page.evaluate(() => window.quaysideMap!.entityCount);
    await expect.poll(() => page.getByTestId('entity-count').textContent()).toContain(String(held));
  }, 120_000); // software WebGL on a busy machine: the waits inside allow up to a minute
});
