// Clicking a moving thing on the live map in Chromium: pick one whose id matches, with
// nothing else near the pointer and nothing drawn over it (the legend covers a corner),
// click it, and try again while the details pane names something else: things move
// while a software-rendered frame is drawn.
import type { Page } from 'playwright-core';

const MAP = '[data-testid="port-map"]';

async function pickClear(page: Page, pattern: RegExp) {
  const box = (await page.locator(MAP).boundingBox())!;
  const all = await page.evaluate(() => window.quaysideMap!.projected());
  const candidates = all.filter(
    (p) =>
      pattern.test(p.id) &&
      all.every((q) => q.id === p.id || Math.hypot(q.x - p.x, q.y - p.y) > 25) &&
      p.x > box.x + 20 &&
      p.x < box.x + box.width - 20 &&
      p.y > box.y + 20 &&
      p.y < box.y + box.height - 20,
  );
  const clear = await page.evaluate(
    ({ points, map }) =>
      points.map((p) => document.elementFromPoint(p.x, p.y)?.closest(map) !== null),
    { points: candidates, map: MAP },
  );
  return candidates.find((_, i) => clear[i]);
}

/** Clicks an entity whose id matches until the details pane's title names one; returns it. */
export async function openDetailsOf(page: Page, pattern: RegExp): Promise<string | null> {
  const title = () =>
    page
      .getByTestId('details')
      .locator('h2')
      .textContent({ timeout: 500 })
      .catch(() => null);
  let opened: string | null = null;
  for (let attempt = 0; attempt < 5 && !pattern.test(opened ?? ''); attempt += 1) {
    const target = await pickClear(page, pattern);
    if (!target) continue;
    await page.mouse.click(target.x, target.y);
    for (let i = 0; i < 10 && !pattern.test(opened ?? ''); i += 1) {
      await page.waitForTimeout(500);
      opened = await title();
    }
  }
  return opened;
}
