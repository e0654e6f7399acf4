// Vessels as a user sees them: posted through the real API (a port-call event names each
// ship, telemetry places it, AIS static data gives its size where the server takes AIS),
// drawn by the real server's client in headless Chromium as hulls at true scale, a dashed
// circle for the one without heading, and labels with name and status in both languages.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PortModel } from '../../protocol/port-model.ts';
import type { ProjectedVessel } from '../../client/src/map/PortMap.tsx';
import { BASE_COLOURS } from '../../client/src/map/port-style.ts';
import { STATE_COLOURS } from '../../client/src/map/deck-layers.ts';
import {
  DASH_FILL,
  metresPerDegree,
  RING_DASHES,
  VESSEL_COLOURS,
} from '../../client/src/map/vessel-layers.ts';
import { sentences } from '../../simulators/ais/ais-encoder.ts';
import { staticVoyage } from '../../simulators/ais/ais-messages.ts';
import { chromiumAvailable, launchBrowser, SCREENSHOT_DIR } from '../helpers/browser.ts';
import { imoNumber, isoAgo } from '../helpers/fixtures.ts';
import { colourNear, decodePng, type Picture, type Rgb } from '../helpers/pixels.ts';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

const hex = (colour: string): Rgb => [
  parseInt(colour.slice(1, 3), 16),
  parseInt(colour.slice(3, 5), 16),
  parseInt(colour.slice(5, 7), 16),
];
const WATER = hex(BASE_COLOURS.water);
const BERTH = hex(BASE_COLOURS.berth);
/** A colour with alpha as drawn over the water. */
const over = ([r, g, b, a]: readonly number[], under: Rgb = WATER): Rgb => {
  const k = a! / 255;
  return [
    under[0] + (r! - under[0]) * k,
    under[1] + (g! - under[1]) * k,
    under[2] + (b! - under[2]) * k,
  ];
};
// Ships lie on open water or on a berth's water (hulls are opaque, but be fair to that).
const HULL = [over(VESSEL_COLOURS.hull), over(VESSEL_COLOURS.hull, BERTH)];
const ESTIMATED = [over(VESSEL_COLOURS.estimated), over(VESSEL_COLOURS.estimated, BERTH)];
const RING = [over(VESSEL_COLOURS.unknownHeading)];
const EQUIPMENT: Rgb[] = Object.values(STATE_COLOURS).map(([r, g, b]) => [r, g, b]);
const WORKING: Rgb[] = [STATE_COLOURS.working.slice(0, 3) as [number, number, number]];

const ORIENT = { mmsi: '413000001', name: 'ORIENT PEARL', imo: imoNumber(912_345) };
const STAR = { mmsi: '413000002', name: '远洋之星', imo: imoNumber(923_456) };
const DONGHAI = { mmsi: '413000003', name: 'DONG HAI 7', imo: imoNumber(934_567) };

const vessels = (page: Page) => page.evaluate(() => window.quaysideMap!.vessels());
const lerp = (a: { x: number; y: number }, b: { x: number; y: number }, t: number) => ({
  x: a.x + (b.x - a.x) * t,
  y: a.y + (b.y - a.y) * t,
});
/** Lon/lat to metres east and north of a point, at that point's latitude. */
const metres = (from: [number, number], to: [number, number]) => {
  const m = metresPerDegree(from[1]);
  return { east: (to[0] - from[0]) * m.lon, north: (to[1] - from[1]) * m.lat };
};
const near = (picture: Picture, p: { x: number; y: number }, colours: Rgb[], radius = 2) =>
  colourNear(picture, p.x, p.y, colours, radius, 45);
/**
 * Light text pixels in a box to the right of the label's anchor: on the dark label box
 * and the dark water nothing else is light grey or white (hull colours have little red).
 */
function labelPixels(picture: Picture, v: ProjectedVessel): number {
  let count = 0;
  for (let y = v.labelAnchor.y - 16; y <= v.labelAnchor.y + 16; y += 1)
    for (let x = v.labelAnchor.x; x <= v.labelAnchor.x + 140; x += 1)
      if (picture.at(x, y).every((channel) => channel > 120)) count += 1;
  return count;
}

describe.runIf(chromiumAvailable)('vessels on the map in Chromium', () => {
  const data = tempDir('e2e-vessels');
  let server: ServerProcess;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let aisDimensions = false;
  let keepReporting: ReturnType<typeof setInterval> | undefined;
  let view: { center: [number, number]; zoom: number; bearing: number; pitch: number };

  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.ingestKey}`, 'content-type': contentType },
      body,
    });

  beforeAll(async () => {
    server = await startServerProcess({ DATA_DIR: data.path, QUAYSIDE_SIMULATE: 'off' });
    browser = await launchBrowser();

    // Waters south of the demo quay: one ship under way, one at anchor without heading,
    // one moored alongside.
    const port = (await (await fetch(`${server.url}/api/v1/port`)).json()) as PortModel;
    const quay = port.features.find((f) => f.properties.kind === 'quay');
    if (quay?.geometry.type !== 'LineString') throw new Error('the demo port has no quay line');
    const [west, east] = quay.geometry.coordinates as [number, number][];
    const m = metresPerDegree(west![1]);
    const along = (t: number, southM: number): [number, number] => [
      west![0] + (east![0] - west![0]) * t,
      west![1] + (east![1] - west![1]) * t - southM / m.lat,
    ];
    const positions = {
      orient: along(0.35, 650),
      star: along(0.62, 800),
      donghai: along(0.5, 30),
      truck: along(0.4, -18), // a terminal truck under the cranes, to tell apart from ships
    };
    view = { center: along(0.48, 420), zoom: 15, bearing: 0, pitch: 0 };

    const events = [ORIENT, STAR, DONGHAI].map((v, i) => ({
      type: 'port_call',
      eventId: `e2e-vessels-${v.mmsi}`,
      time: isoAgo(600),
      callId: `E2E-CALL-${i + 1}`,
      timestamp: ['ETA-Berth', 'ATA-Anchorage', 'ATA-Berth'][i],
      vesselImo: v.imo,
      vesselName: v.name,
      mmsi: v.mmsi,
    }));
    const eventReply = await post('/api/v1/events', JSON.stringify(events));
    expect(await eventReply.json()).toEqual({ accepted: 3, rejected: [] });

    const fixes = () => [
      {
        mmsi: ORIENT.mmsi,
        time: isoAgo(2),
        lon: positions.orient[0],
        lat: positions.orient[1],
        headingDeg: 72,
        sogKnots: 9.5,
        navStatus: 0,
      },
      {
        mmsi: STAR.mmsi,
        time: isoAgo(2),
        lon: positions.star[0],
        lat: positions.star[1],
        navStatus: 1,
      },
      {
        mmsi: DONGHAI.mmsi,
        time: isoAgo(2),
        lon: positions.donghai[0],
        lat: positions.donghai[1],
        headingDeg: 270,
        sogKnots: 0,
        navStatus: 5,
      },
      {
        equipmentId: 'TT901',
        kind: 'truck',
        time: isoAgo(2),
        lon: positions.truck[0],
        lat: positions.truck[1],
        headingDeg: 90,
        speedMps: 0,
        state: 'working',
      },
    ];
    const telemetry = await post('/api/v1/telemetry', JSON.stringify(fixes()));
    expect(await telemetry.json()).toEqual({ accepted: 4, rejected: [] });
    // Ships report every few seconds (they keep still here), so the data stays live.
    keepReporting = setInterval(
      () => void post('/api/v1/telemetry', JSON.stringify(fixes())).catch(() => undefined),
      3_000,
    );

    // AIS static data (type 5) gives ORIENT PEARL its size, where the server takes AIS.
    const type5 = staticVoyage({
      mmsi: Number(ORIENT.mmsi),
      imo: Number(ORIENT.imo),
      callSign: 'BORP',
      name: ORIENT.name,
      shipType: 71,
      bow: 240,
      stern: 60,
      port: 18,
      starboard: 30,
      draught: 125,
      destination: 'CNNGB',
    });
    const ais = await post('/api/v1/ais', `${sentences(type5).join('\r\n')}\r\n`, 'text/plain');
    if (ais.status !== 404) {
      expect(ais.status).toBe(200);
      expect(await ais.json()).toMatchObject({ messages: 1, rejected: 0 });
      aisDimensions = true;
    } else console.warn('no POST /api/v1/ais on this server: every hull is drawn estimated');
  });
  afterAll(async () => {
    clearInterval(keepReporting);
    await browser?.close();
    await server?.stop();
    data.remove();
  });

  const open = async (savedView: typeof view, language: 'en' | 'zh-CN' = 'en') => {
    const page = await browser.context.newPage();
    await page.addInitScript(
      ([v, l]) => {
        localStorage.setItem('quayside.view.console', v);
        localStorage.setItem('quayside.language', l);
      },
      [JSON.stringify(savedView), language] as const,
    );
    await page.goto(server.url);
    await page.waitForFunction(
      (names) => {
        const map = window.quaysideMap;
        if (!map?.mapLoaded || map.frames < 4) return false;
        const drawn = map.vessels();
        return drawn.length === 3 && names.every((n) => drawn.some((v) => v.label.startsWith(n)));
      },
      [ORIENT.name, STAR.name, DONGHAI.name],
      { timeout: 60_000 },
    );
    await page.waitForTimeout(2_500); // shaders settle about 2 s after the first frame
    return page;
  };

  const shoot = async (page: Page, name: string) => {
    const png = await page.screenshot({ path: join(SCREENSHOT_DIR, name) });
    return { picture: decodePng(png), drawn: await vessels(page) };
  };

  it(
    'draws hulls at true scale where the ships are, a dashed circle without heading, and labels',
    { timeout: 180_000 },
    async () => {
      const page = await open(view);
      const { picture, drawn } = await shoot(page, 'vessels-en.png');
      const byId = new Map(drawn.map((v) => [v.id, v]));
      const orient = byId.get(ORIENT.mmsi)!;
      const star = byId.get(STAR.mmsi)!;
      const donghai = byId.get(DONGHAI.mmsi)!;

      expect(orient.style).toBe(aisDimensions ? 'hull' : 'estimated');
      expect(star.style).toBe('unknown-heading');
      expect(donghai.style).toBe('estimated');
      expect(orient.label).toBe(`${ORIENT.name}\nUnder way`);
      expect(star.label).toBe(`${STAR.name}\nAt anchor`);
      expect(donghai.label).toBe(`${DONGHAI.name}\nMoored`);

      // The truck is still drawn as equipment, and only it.
      const equipment = await page.evaluate(() => window.quaysideMap!.projected());
      expect(equipment.map((e) => e.id)).toEqual(['TT901']);
      expect(near(picture, equipment[0]!, WORKING, 3)).toBe(true);

      // True scale: the outline measures what the dimensions say, on the ground.
      const [bow, , stbQuarter, portQuarter] = orient.lonLat.outline;
      const sternMiddle: [number, number] = [
        (stbQuarter![0] + portQuarter![0]) / 2,
        (stbQuarter![1] + portQuarter![1]) / 2,
      ];
      const length = metres(sternMiddle, bow!);
      expect(Math.hypot(length.east, length.north)).toBeCloseTo(aisDimensions ? 300 : 100, 0);
      // Heading 72: the bow is east-north-east of the stern.
      expect((Math.atan2(length.east, length.north) * 180) / Math.PI).toBeCloseTo(72, 1);
      const ahead = metres(orient.lonLat.position, bow!);
      expect(Math.hypot(ahead.east, ahead.north)).toBeCloseTo(aisDimensions ? 240 : 50, 0);

      // Drawn: hull colour inside each hull, towards the bow and the stern, not just a marker;
      // water a little beyond the bow.
      for (const [ship, colours] of [
        [orient, aisDimensions ? HULL : ESTIMATED],
        [donghai, ESTIMATED],
      ] as const) {
        const [shipBow, , q1, q2] = ship.outline;
        const stern = lerp(q1!, q2!, 0.5);
        for (const t of [0.3, 0.5, 0.7])
          expect(near(picture, lerp(stern, shipBow!, t), colours), `${ship.id} at ${t}`).toBe(true);
        const beyond = lerp(stern, shipBow!, 1.25);
        expect(near(picture, beyond, [...HULL, ...ESTIMATED], 1)).toBe(false);
        expect(near(picture, ship.position, EQUIPMENT, 3)).toBe(false); // no equipment dot
      }
      // The projected hull is as long on screen as the map's scale says (about 2.06 m a pixel).
      const metresPerPixel = (78_271.517 * Math.cos((view.center[1] * Math.PI) / 180)) / 2 ** 15;
      const [ob, , oq1, oq2] = orient.outline;
      const onScreen = Math.hypot(ob!.x - lerp(oq1!, oq2!, 0.5).x, ob!.y - lerp(oq1!, oq2!, 0.5).y);
      expect(onScreen * metresPerPixel).toBeCloseTo(aisDimensions ? 300 : 100, -1);

      // Without heading: a dashed circle (some of it drawn, some not), hollow, a dot in the middle.
      const radiusPx = Math.hypot(
        star.outline[0]!.x - star.centre.x,
        star.outline[0]!.y - star.centre.y,
      );
      expect(radiusPx).toBeGreaterThan(15);
      const onCircle = (turns: number, scale = 1) => ({
        x: star.centre.x + scale * radiusPx * Math.sin(turns * 2 * Math.PI),
        y: star.centre.y - scale * radiusPx * Math.cos(turns * 2 * Math.PI),
      });
      const dashes = Array.from({ length: RING_DASHES }, (_, k) => k);
      const drawnDashes = dashes.filter((k) =>
        near(picture, onCircle((k + DASH_FILL / 2) / RING_DASHES), RING, 1),
      );
      const clearGaps = dashes.filter(
        (k) => !near(picture, onCircle((k + (1 + DASH_FILL) / 2) / RING_DASHES), RING, 0),
      );
      expect(drawnDashes.length).toBeGreaterThanOrEqual(RING_DASHES - 1);
      expect(clearGaps.length).toBeGreaterThanOrEqual(RING_DASHES - 2);
      const inside = dashes.filter((k) => near(picture, onCircle(k / RING_DASHES, 0.5), RING, 0));
      expect(inside).toEqual([]);
      expect(near(picture, star.position, RING, 1)).toBe(true);

      // Labels: light text beside each vessel.
      for (const v of [orient, star, donghai])
        expect(labelPixels(picture, v), v.id).toBeGreaterThan(25);

      // A close look at the ship under way, for people reading the screenshots.
      const box = orient.outline.reduce(
        (b, p) => ({
          x0: Math.min(b.x0, p.x),
          y0: Math.min(b.y0, p.y),
          x1: Math.max(b.x1, p.x),
          y1: Math.max(b.y1, p.y),
        }),
        { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity },
      );
      const x = Math.max(0, box.x0 - 60);
      const y = Math.max(0, box.y0 - 60);
      await page.screenshot({
        path: join(SCREENSHOT_DIR, 'vessels-closeup.png'),
        clip: {
          x,
          y,
          width: Math.min(1600 - x, box.x1 - x + 260),
          height: Math.min(900 - y, box.y1 - y + 60),
        },
      });

      // The language switch changes the statuses in the labels.
      await page.getByRole('button', { name: '中文' }).click();
      await page.waitForFunction(
        () => window.quaysideMap!.vessels().some((v) => v.label.endsWith('锚泊')),
        undefined,
        { timeout: 10_000 },
      );
      await page.waitForTimeout(1_500); // new glyphs in the atlas
      const zh = await shoot(page, 'vessels-zh.png');
      const zhById = new Map(zh.drawn.map((v) => [v.id, v]));
      expect(zhById.get(ORIENT.mmsi)!.label).toBe(`${ORIENT.name}\n在航（机动）`);
      expect(zhById.get(STAR.mmsi)!.label).toBe(`${STAR.name}\n锚泊`);
      expect(zhById.get(DONGHAI.mmsi)!.label).toBe(`${DONGHAI.name}\n系泊`);
      for (const v of zh.drawn) expect(labelPixels(zh.picture, v), v.id).toBeGreaterThan(25);
      await page.close();
    },
  );

  it(
    'keeps every vessel visible as a marker when zoomed out, without labels',
    { timeout: 120_000 },
    async () => {
      const page = await open({ ...view, zoom: 11.5 });
      const { picture, drawn } = await shoot(page, 'vessels-zoomed-out.png');
      expect(drawn).toHaveLength(3);
      for (const v of drawn)
        expect(near(picture, v.centre, [...HULL, ...ESTIMATED, ...RING], 3), v.id).toBe(true);
      // No labels out here (DONG HAI is left out: the quay line beside it is light too).
      for (const v of drawn.filter((d) => d.id !== DONGHAI.mmsi))
        expect(labelPixels(picture, v), v.id).toBeLessThan(10);
      await page.close();
    },
  );
});
