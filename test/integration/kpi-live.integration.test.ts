// The KPIs a running server pushes live equal the ones GET /api/v1/kpis computes from the
// database for the same window: a synthetic day goes in through the real ingest path, a
// live client takes a pushed set, and the history route is asked for its exact window.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { KpiValue } from '../../protocol/kpi.ts';
import { KPI_DEFINITIONS } from '../../protocol/kpi.ts';
import { syntheticDays } from '../../server/kpi/test-support/synthetic-day.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const HOUR = 3_600_000;

describe.each(enginesUnderTest())('live and historical KPIs on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db, { alertIntervalMs: 300 });
    const items = syntheticDays(Date.now() - 24 * HOUR, 23.5);
    for (let i = 0; i < items.length; i += 2_000) {
      const reply = await (await server.post('/api/v1/events', items.slice(i, i + 2_000))).json();
      expect(reply.rejected).toEqual([]);
    }
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('pushes every KPI live, equal to the history route for the same window', async () => {
    const live = connectLiveClient(server.url);
    const pushed: KpiValue[][] = [];
    live.socket.on('kpis', (message) => pushed.push(message.kpis));
    await live.until(() => pushed.some((kpis) => kpis.length > 0), 15_000);
    live.close();
    const kpis = pushed.find((k) => k.length > 0)!;
    expect(new Set(kpis.map((k) => k.id))).toEqual(new Set(KPI_DEFINITIONS.map((d) => d.id)));
    const { from, to } = kpis[0]!;
    const reply = await (await fetch(`${server.url}/api/v1/kpis?from=${from}&to=${to}`)).json();
    expect(reply.kpis, JSON.stringify(reply)).toEqual(kpis);
    const craneRate = kpis.find((k) => k.id === 'crane.gross_rate' && k.scope === 'port')!;
    expect(craneRate.value).toBeGreaterThan(0); // a real day, not an empty one
  });

  it('says clearly what is wrong with a window', async () => {
    for (const query of [
      'from=yesterday',
      'from=2026-12-02T00:00:00Z&to=2026-12-01T00:00:00Z',
      'from=2026-01-01T00:00:00Z&to=2026-06-01T00:00:00Z',
    ]) {
      const response = await fetch(`${server.url}/api/v1/kpis?${query}`);
      expect(response.status).toBe(400);
      expect((await response.json()).message.length).toBeGreaterThan(10);
    }
  });
});
