// "Container search finds a box": a box discharged at a berth, set down in a yard block
// and released by customs, and a vessel alongside, all posted through the real API to a
// real server (simulator off); in headless Chromium the duty manager types the number,
// picks the hit, reads the box's story and customs status, and the map flies to the block.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PortModel } from '../../protocol/port-model.ts';
import { placeCentres } from '../../server/port-model/place-centres.ts';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { containerNumber, imoNumber, isoAgo } from '../helpers/fixtures.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const BOX = containerNumber(246_801, 'SRCU');
const BERTH = 'T1-B2';
const BLOCK = 'T1-YB07';
const VESSEL = { mmsi: '413777001', imo: imoNumber(977_001), name: 'FINDER EXPRESS' };
const VESSEL_AT: [number, number] = [122.033, 30.6105];
const VIEW_KEY = 'quayside.view.console';

interface SavedView {
  center: [number, number];
  zoom: number;
}

const events = [
  {
    type: 'port_call',
    eventId: 'e2e-search-p1',
    time: isoAgo(7200),
    callId: 'E2E-SEARCH-CALL',
    timestamp: 'ATA-Berth',
    vesselImo: VESSEL.imo,
    vesselName: VESSEL.name,
    mmsi: VESSEL.mmsi,
    berthId: BERTH,
  },
  {
    type: 'container',
    eventId: 'e2e-search-c1',
    time: isoAgo(3600),
    eventTypeCode: 'DISC',
    containerNumber: BOX,
    isoEquipmentCode: '45G1',
    flow: 'import',
    callId: 'E2E-SEARCH-CALL',
    facilityId: BERTH,
    equipmentId: 'QC04',
  },
  {
    type: 'container',
    eventId: 'e2e-search-c2',
    time: isoAgo(3000),
    eventTypeCode: 'DROP',
    containerNumber: BOX,
    facilityId: BLOCK,
    equipmentId: 'YC07',
  },
  {
    type: 'customs',
    eventId: 'e2e-search-k1',
    time: isoAgo(2400),
    declarationId: 'E2E-DECL-1',
    containerNumber: BOX,
    status: 'declared',
    channel: 'green',
    aeo: true,
  },
  {
    type: 'customs',
    eventId: 'e2e-search-k2',
    time: isoAgo(1200),
    declarationId: 'E2E-DECL-1',
    containerNumber: BOX,
    status: 'released',
    channel: 'green',
    aeo: true,
  },
];

describe.runIf(chromiumAvailable)('container search in Chromium', () => {
  const data = tempDir('e2e-search');
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let blockCentre: [number, number];
  let portCentre: [number, number];

  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ingestKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.path, QUAYSIDE_SIMULATE: 'off' });
    browser = await launchBrowser();
    const port = (await (await fetch(`${server.url}/api/v1/port`)).json()) as PortModel;
    blockCentre = placeCentres(port).get(BLOCK)!;
    portCentre = port.properties.center;
    expect(await (await post('/api/v1/events', events)).json()).toEqual({
      accepted: events.length,
      rejected: [],
    });
    const fix = { mmsi: VESSEL.mmsi, time: isoAgo(10), lon: VESSEL_AT[0], lat: VESSEL_AT[1] };
    expect(await (await post('/api/v1/telemetry', [fix])).json()).toEqual({
      accepted: 1,
      rejected: [],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  /** The console, opened on a view of the whole port (away from the block). */
  const openConsole = async (): Promise<Page> => {
    const page = await browser.context.newPage();
    const start: SavedView & { bearing: number; pitch: number } = {
      center: portCentre,
      zoom: 14,
      bearing: 0,
      pitch: 0,
    };
    await page.addInitScript(
      ([key, view]) => {
        localStorage.setItem(key, view);
        localStorage.setItem('quayside.language', 'en');
      },
      [VIEW_KEY, JSON.stringify(start)] as const,
    );
    await page.goto(server.url);
    await page.waitForFunction(() => window.quaysideMap?.mapLoaded === true, undefined, {
      timeout: 60_000,
    });
    return page;
  };

  /** Resolves once the map has come to rest within `metres` of a point, at about a zoom. */
  const settledAt = (page: Page, centre: [number, number], zoom: number, metres: number) =>
    page.waitForFunction(
      ([key, [lon, lat], z, m]) => {
        const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as SavedView | null;
        if (!saved) return false;
        const north = (saved.center[1] - lat) * 111_320;
        const east = (saved.center[0] - lon) * 111_320 * Math.cos((lat * Math.PI) / 180);
        return Math.hypot(north, east) < m && Math.abs(saved.zoom - z) < 0.05;
      },
      [VIEW_KEY, centre, zoom, metres] as const,
      { timeout: 60_000, polling: 250 },
    );

  it(
    'finds the box by its number, shows its story and customs status, and flies to its block',
    { timeout: 120_000 },
    async () => {
      const page = await openConsole();
      const input = page.getByTestId('search-input');
      await input.click();
      await input.pressSequentially(BOX.toLowerCase(), { delay: 30 });
      const hit = page.getByRole('option', { name: new RegExp(BOX) });
      await hit.waitFor({ timeout: 20_000 });
      expect(await hit.getAttribute('data-kind')).toBe('container');
      expect(await hit.textContent()).toContain(`In the terminal · ${BLOCK}`);
      await hit.click();

      const pane = page.getByTestId('container-pane');
      const rows = pane.getByTestId('container-events').locator('li');
      await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(events.length - 1);
      expect(await pane.locator('h2').textContent()).toBe(BOX);
      // Newest first: released, declared, set down in the block, discharged at the berth.
      expect(await rows.evaluateAll((li) => li.map((l) => l.getAttribute('data-code')))).toEqual([
        'released',
        'declared',
        'DROP',
        'DISC',
      ]);
      const discharge = (await rows.nth(3).textContent()) ?? '';
      expect(discharge).toContain('Discharged from the vessel');
      expect(discharge).toContain(`${BERTH} · QC04`);
      expect(await rows.nth(2).textContent()).toContain(`Set down in the yard${BLOCK} · YC07`);
      const customs = pane.getByTestId('customs-status');
      expect(await customs.getAttribute('data-status')).toBe('released');
      expect(await customs.getAttribute('data-channel')).toBe('green');
      expect(await customs.textContent()).toContain('Customs: Released · green channel');
      expect(await pane.locator('.presence').textContent()).toBe('In the terminal');
      expect(await pane.locator('[data-field="last-place"]').textContent()).toBe(BLOCK);
      // The details pane makes way for the box.
      expect(await page.getByTestId('details').count()).toBe(0);

      // The map flew to the block (its saved view is written when it comes to rest).
      await settledAt(page, blockCentre, 17.5, 5);
      await page.waitForTimeout(1_500); // let the software renderer finish the last frames
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'search.png') });
      await page.close();
    },
  );

  it(
    'takes the first hit on Enter, here a vessel by part of its name, and flies to it',
    { timeout: 120_000 },
    async () => {
      const page = await openConsole();
      const input = page.getByTestId('search-input');
      await input.click();
      await input.fill('finder exp');
      await input.press('Enter');
      await settledAt(page, VESSEL_AT, 16, 5);
      expect(await page.evaluate(() => document.querySelector('.search-results'))).toBeNull();
      expect(await page.getByTestId('container-pane').count()).toBe(0);

      // Something that is not there says so, and a second Enter does not pick anything.
      await input.fill('ZZZU');
      await page.getByText('Nothing found').waitFor({ timeout: 20_000 });
      await input.press('Enter');
      expect(await page.getByText('Nothing found').count()).toBe(1);
      await page.close();
    },
  );
});
