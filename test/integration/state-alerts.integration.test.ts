// Alerts that watch the port's state, end to end: events posted through the public API
// change the live state; a crane left idle at a working berth, a vessel kept at anchor
// and a machine in fault raise their alerts, which resolve once the condition goes.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { Alert } from '../../protocol/alerts.ts';
import type { PortEvent } from '../../protocol/events.ts';
import { DEFAULT_ALERT_RULES } from '../../server/alerts/alert-rules.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

// Thresholds of a second or two, so the test need not wait ten minutes.
const rules = {
  ...DEFAULT_ALERT_RULES,
  crane_idle_at_berth: { ...DEFAULT_ALERT_RULES.crane_idle_at_berth, raiseAbove: 2, clearBelow: 1 },
  anchorage_wait_long: { ...DEFAULT_ALERT_RULES.anchorage_wait_long, raiseAbove: 2, clearBelow: 2 },
};

/** An event as posted here: the test gives each its id and the time of posting. */
type Unstamped = PortEvent extends infer E
  ? E extends PortEvent
    ? Omit<E, 'eventId' | 'time'>
    : never
  : never;

describe('alerts on the port state', () => {
  const run = randomBytes(3).toString('hex');
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let seq = 0;

  const post = async (events: Unstamped[]) => {
    const now = Date.now();
    const body = events.map((e) => ({ ...e, eventId: `${run}-${(seq += 1)}`, time: now }));
    const response = await fetch(`${server.url}/api/v1/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_KEY}` },
      body: JSON.stringify(body),
    });
    expect(await response.json()).toMatchObject({ accepted: events.length, rejected: [] });
  };
  const alerts = async (): Promise<Alert[]> =>
    (await (await fetch(`${server.url}/api/v1/alerts?from=2020-01-01T00:00:00Z`)).json()).alerts;
  const until = async (check: (alerts: Alert[]) => boolean, what: string) => {
    for (let i = 0; i < 100; i += 1) {
      if (check(await alerts())) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${what} did not happen: ${JSON.stringify(await alerts())}`);
  };
  const find = (list: Alert[], ruleId: string, scope: string) =>
    list.find((a) => a.ruleId === ruleId && a.scope === scope);

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    server = await startTestServer(db, { alertRules: rules, alertIntervalMs: 100 });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  const callId = `C-${run}`;
  const vessel = { vesselImo: '9074729', vesselName: 'TEST VESSEL' };
  const crane = `QC-${run}`;

  it('raises crane_idle_at_berth for a crane idle while its vessel is worked, and resolves it', async () => {
    await post([
      { type: 'port_call', callId, timestamp: 'ATA-Berth', berthId: 'T1-B1', ...vessel },
      { type: 'port_call', callId, timestamp: 'ATS-Cargo Ops', ...vessel },
      { type: 'equipment_state', equipmentId: crane, kind: 'sts', state: 'idle', callId },
    ]);
    await until(
      (list) => find(list, 'crane_idle_at_berth', `crane:${crane}`)?.state === 'raised',
      'the idle crane alert',
    );
    await post([
      { type: 'equipment_state', equipmentId: crane, kind: 'sts', state: 'working', callId },
    ]);
    await until(
      (list) => find(list, 'crane_idle_at_berth', `crane:${crane}`)?.state === 'resolved',
      'the idle crane alert resolving',
    );
  });

  it('raises anchorage_wait_long for a vessel kept at anchor, and resolves it as it heaves up', async () => {
    const anchored = `A-${run}`;
    await post([{ type: 'port_call', callId: anchored, timestamp: 'ATA-Anchorage', ...vessel }]);
    await until(
      (list) => find(list, 'anchorage_wait_long', `call:${anchored}`)?.state === 'raised',
      'the anchorage alert',
    );
    await post([{ type: 'port_call', callId: anchored, timestamp: 'ATD-Anchorage', ...vessel }]);
    await until(
      (list) => find(list, 'anchorage_wait_long', `call:${anchored}`)?.state === 'resolved',
      'the anchorage alert resolving',
    );
  });

  it('raises equipment_fault at once as critical, and resolves it after the repair', async () => {
    const agv = `AGV-${run}`;
    await post([{ type: 'equipment_state', equipmentId: agv, kind: 'agv', state: 'fault' }]);
    await until(
      (list) => find(list, 'equipment_fault', `equipment:${agv}`)?.severity === 'critical',
      'the fault alert',
    );
    await post([{ type: 'equipment_state', equipmentId: agv, kind: 'agv', state: 'idle' }]);
    await until(
      (list) => find(list, 'equipment_fault', `equipment:${agv}`)?.state === 'resolved',
      'the fault alert resolving',
    );
  });
});
