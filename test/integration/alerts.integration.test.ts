// The alert lifecycle end to end on each engine: a feed falls silent, the alert is
// raised, stored and pushed live; a duty manager acknowledges it; the feed returns and
// the alert resolves itself; the audit trail tells the whole story.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import type { Alert } from '../../protocol/alerts.ts';
import { DEFAULT_ALERT_RULES } from '../../server/alerts/alert-rules.ts';
import { enginesUnderTest, type EngineUnderTest } from '../helpers/engines.ts';
import { equipmentFix } from '../helpers/fixtures.ts';
import { connectLiveClient, type RecordingLiveClient } from '../helpers/live-client.ts';
import { startTestServer, TEST_KEY, type TestServer } from '../helpers/test-server.ts';

const rules = {
  ...DEFAULT_ALERT_RULES,
  feed_silent: { ...DEFAULT_ALERT_RULES.feed_silent, raiseAbove: 1, clearBelow: 1 },
};

describe.each(enginesUnderTest())('alerts on $name', ({ make }) => {
  let engine: EngineUnderTest;
  let db: Database;
  let server: TestServer;
  let live: RecordingLiveClient;
  const alertMessages: { alertSeq: number; alert: Alert }[] = [];

  const feed = () =>
    fetch(`${server.url}/api/v1/telemetry`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_KEY}`,
        'x-quayside-source': 'crane-plc',
      },
      body: JSON.stringify([equipmentFix('QC01', 0, { kind: 'sts' })]),
    });
  const openAlerts = async (): Promise<Alert[]> =>
    (await (await fetch(`${server.url}/api/v1/alerts`)).json()).alerts;
  const act = (id: string, action: string, body: unknown) =>
    fetch(`${server.url}/api/v1/alerts/${id}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    engine = make();
    db = await engine.open();
    server = await startTestServer(db, { alertRules: rules, alertIntervalMs: 100 });
    live = connectLiveClient(server.url);
    live.socket.on('alert', (message) => alertMessages.push(message));
    await live.until(() => live.snapshots.length === 1);
  });
  afterAll(async () => {
    live?.close();
    await server?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('raises feed_silent when a source stops, stores it and pushes it live', async () => {
    expect((await feed()).status).toBe(200);
    await live.until(() => alertMessages.length === 1, 10_000);
    const [message] = alertMessages;
    expect(message!.alertSeq).toBe(1);
    expect(message!.alert).toMatchObject({
      ruleId: 'feed_silent',
      scope: 'feed:http:crane-plc',
      state: 'raised',
      severity: 'critical',
      threshold: 1,
      unit: 's',
    });
    expect((await openAlerts()).map((a) => a.id)).toEqual([message!.alert.id]);
  });

  it('lets a duty manager acknowledge it once, and says why it cannot twice', async () => {
    const [alert] = await openAlerts();
    const ack = await act(alert!.id, 'acknowledge', {
      actor: 'duty manager Li',
      note: 'calling the crane office',
    });
    expect(ack.status).toBe(200);
    expect(await ack.json()).toMatchObject({
      state: 'acknowledged',
      acknowledgedBy: 'duty manager Li',
    });
    await live.until(() => alertMessages.some((m) => m.alert.state === 'acknowledged'));

    const again = await act(alert!.id, 'acknowledge', { actor: 'someone else' });
    expect(again.status).toBe(409);
    expect((await again.json()).message).toMatch(/already acknowledged by duty manager Li/);
    expect((await act('no-such-alert', 'acknowledge', { actor: 'x' })).status).toBe(404);
    const noActor = await act(alert!.id, 'resolve', {});
    expect(noActor.status).toBe(400);
    expect((await noActor.json()).message).toMatch(/actor/);
  });

  it('resolves itself when the feed returns, with the whole story in the trail', async () => {
    const [alert] = await openAlerts();
    expect((await feed()).status).toBe(200);
    await live.until(() => alertMessages.some((m) => m.alert.state === 'resolved'), 10_000);
    const resolved = alertMessages.find((m) => m.alert.state === 'resolved')!.alert;
    expect(resolved).toMatchObject({ id: alert!.id, resolvedBy: 'condition cleared' });
    const { trail } = await (await fetch(`${server.url}/api/v1/alerts/${alert!.id}/trail`)).json();
    expect(trail.map((t: { action: string; actor: string }) => [t.action, t.actor])).toEqual([
      ['raised', 'rules'],
      ['acknowledged', 'duty manager Li'],
      ['resolved', 'condition cleared'],
    ]);
    const from = new Date(Date.now() - 3_600_000).toISOString();
    const windowed = (await (await fetch(`${server.url}/api/v1/alerts?from=${from}`)).json())
      .alerts as Alert[];
    expect(windowed.map((a) => [a.id, a.state])).toContainEqual([alert!.id, 'resolved']);
    expect((await fetch(`${server.url}/api/v1/alerts?from=yesterday`)).status).toBe(400);
  });

  it('keeps alert messages in order with no gap', () => {
    expect(alertMessages.map((m) => m.alertSeq)).toEqual(alertMessages.map((_, i) => i + 1));
  });
});
