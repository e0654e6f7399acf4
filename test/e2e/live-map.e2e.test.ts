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

  it('hides a layer from the legend, keeps that choice over a reload, and restores it', async () => {
    const equipmentDrawn = async (name: string) => {
      const box = (await page.getByTestId('port-map').boundingBox())!;
      const before = await projected(page);
      const picture = decodePng(await page.screenshot({ path: join(SCREENSHOT_DIR, name) }));
      const inside = before.filter(
        (p) => p.x > box.x + 10 && p.y > box.y + 10 && p.x < box.x + box.width - 10,
      );
      const shown = inside.filter((p) => colourNear(picture, p.x, p.y, EQUIPMENT_COLOURS, 6));
      return { inside: inside.length, shown: shown.length };
    };
    const toggle = page.locator('input[data-layer="equipment"]');
    await expect.poll(() => toggle.isChecked()).toBe(true);
    const on = await equipmentDrawn('layer-equipment-on.png');
    expect(on.shown / on.inside).toBeGreaterThan(0.6);

    await toggle.uncheck();
    await page.waitForTimeout(1_500); // a few software-rendered frames
    const off = await equipmentDrawn('layer-equipment-off.png');
    expect(off.shown / off.inside).toBeLessThan(0.2);

    await page.reload();
    await page.waitForFunction(
      () => window.quaysideMap?.mapLoaded && window.quaysideMap.frames > 3,
    );
    await expect.poll(() => page.locator('input[data-layer="equipment"]').isChecked()).toBe(false);
    await page.locator('input[data-layer="equipment"]').check();
    await page.waitForTimeout(1_500);
    const back = await equipmentDrawn('layer-equipment-back.png');
    expect(back.shown / back.inside).toBeGreaterThan(0.6);
  }, 120_000);

  it('opens a quay crane’s details when it is clicked', async () => {
    const details = page.getByTestId('details');
    const title = () =>
      details
        .locator('h2')
        .textContent({ timeout: 500 })
        .catch(() => null);
    const box = (await page.getByTestId('port-map').boundingBox())!;
    // A crane with nothing else near the pointer (AGVs drive under working cranes) and
    // nothing over it (the legend covers a corner). Things move while a software-rendered
    // frame is drawn, so a click that lands on something else is tried again.
    const pickCrane = async () => {
      const all = await projected(page);
      const cranes = all.filter(
        (p) =>
          /-QC\d+$/.test(p.id) &&
          all.every((q) => q.id === p.id || Math.hypot(q.x - p.x, q.y - p.y) > 25) &&
          p.x > box.x + 20 &&
          p.x < box.x + box.width - 20 &&
          p.y > box.y + 20 &&
          p.y < box.y + box.height - 20,
      );
      const clear = await page.evaluate(
        (points) =>
          points.map(
            (p) =>
              document.elementFromPoint(p.x, p.y)?.closest('[data-testid="port-map"]') !== null,
          ),
        cranes,
      );
      return cranes.find((_, i) => clear[i]);
    };
    let opened: string | null = null;
    for (let attempt = 0; attempt < 5 && !/-QC\d+$/.test(opened ?? ''); attempt += 1) {
      const crane = await pickCrane();
      expect(crane).toBeDefined();
      await page.mouse.click(crane!.x, crane!.y);
      for (let i = 0; i < 10 && !/-QC\d+$/.test(opened ?? ''); i += 1) {
        await page.waitForTimeout(500);
        opened = await title();
      }
    }
    expect(opened).toMatch(/-QC\d+$/);
    expect(await details.locator('[data-field="kind"]').textContent()).toBe('Quay crane (STS)');
    expect(await details.locator('[data-field="state"]').textContent()).not.toBe('–');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'details-crane.png') });
  }, 120_000);

  it('switches every label to Chinese and back, KPI tiles, legend and alerts included', async () => {
    const tile = page.locator('[data-kpi="crane.gross_rate"] .kpi-name');
    await expect.poll(() => tile.textContent()).toBe('Gross crane rate');
    // The board is filled from the live push, not left blank.
    await expect
      .poll(() => page.locator('[data-kpi="yard.utilisation"] .kpi-value').textContent(), {
        timeout: 30_000,
      })
      .toMatch(/^\d+%$/);
    await page.getByRole('button', { name: '中文' }).click();
    await expect.poll(() => tile.textContent()).toBe('岸桥毛效率');
    expect(await page.getByTestId('legend').textContent()).toContain('设备');
    expect(await page.getByTestId('alert-list').textContent()).toContain('告警');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'console-zh.png') });
    await page.getByRole('button', { name: 'EN' }).click();
    await expect.poll(() => tile.textContent()).toBe('Gross crane rate');
  }, 120_000);
});
