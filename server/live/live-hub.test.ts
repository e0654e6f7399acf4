import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Alert } from '../../protocol/alerts.ts';
import type {
  AlertMessage,
  KpiMessage,
  LivePosition,
  LiveSnapshot,
  PositionBatch,
} from '../../protocol/live.ts';
import type { OperationsPicture } from '../../protocol/operations.ts';
import { LiveHub, toColumns, type HubConnection } from './live-hub.ts';

const T0 = Date.UTC(2026, 5, 1, 8);

class FakeConnection implements HubConnection {
  readonly snapshots: LiveSnapshot[] = [];
  readonly batches: PositionBatch[] = [];
  constructor(readonly id: string) {}
  sendSnapshot(snapshot: LiveSnapshot): void {
    this.snapshots.push(snapshot);
  }
  sendPositions(batch: PositionBatch): void {
    this.batches.push(batch);
  }
  readonly alerts: AlertMessage[] = [];
  sendAlert(message: AlertMessage): void {
    this.alerts.push(message);
  }
  readonly kpis: KpiMessage[] = [];
  sendKpis(message: KpiMessage): void {
    this.kpis.push(message);
  }
}

const fix = (id: string, timeMs: number, lon = 122, extra: Partial<LivePosition> = {}) =>
  ({ id: id, kind: 'truck', timeMs, lon, lat: 30.6, ...extra }) as LivePosition;

/** A hub whose clock the test sets, with one client attached. */
/** Terminal T1 covers lon 122.00-122.10, lat 30.60-30.70. */
const TERMINALS = new Map([['T1', [122.0, 30.6, 122.1, 30.7] as const]]);

function setup(seed: LivePosition[] = []) {
  let clock = T0;
  const hub = new LiveHub({ now: () => clock, terminals: TERMINALS });
  hub.seed(seed);
  const client = new FakeConnection('c1');
  const detach = hub.attach(client);
  return { hub, client, detach, setClock: (ms: number) => (clock = ms) };
}

describe('toColumns', () => {
  it('turns positions into equally long columns, null for absent optionals', () => {
    const columns = toColumns([
      fix('A', 1, 122.1, { headingDeg: 90, speedMps: 3.5, state: 'working' }),
      { id: 'B', kind: 'sts', timeMs: 2, lon: 122.2, lat: 30.7 },
    ]);
    expect(columns).toEqual({
      ids: ['A', 'B'],
      kinds: ['truck', 'sts'],
      timeMs: [1, 2],
      lon: [122.1, 122.2],
      lat: [30.6, 30.7],
      headingDeg: [90, null],
      speedMps: [3.5, null],
      state: ['working', null],
    });
  });

  it('keeps a zero heading and speed as 0, not null', () => {
    const columns = toColumns([fix('A', 1, 122, { headingDeg: 0, speedMps: 0 })]);
    expect(columns.headingDeg).toEqual([0]);
    expect(columns.speedMps).toEqual([0]);
  });

  it('gives empty columns for no positions', () => {
    expect(Object.values(toColumns([])).every((column) => column.length === 0)).toBe(true);
  });
});

describe('LiveHub', () => {
  it('sends a snapshot of the seeded positions on attach, at seq 0 and the hub clock', () => {
    const { client, hub } = setup([fix('A', T0 - 1000, 122.1), fix('B', T0 - 500, 122.2)]);
    expect(client.snapshots).toEqual([
      {
        seq: 0,
        serverTimeMs: T0,
        positions: toColumns([fix('A', T0 - 1000, 122.1), fix('B', T0 - 500, 122.2)]),
        alerts: [],
        alertSeq: 0,
        kpis: [],
        subscription: {},
      },
    ]);
    expect(hub.entityCount).toBe(2);
    expect(hub.connectionCount).toBe(1);
  });

  it('does not send seeded positions as a batch', () => {
    const { hub, client } = setup([fix('A', T0)]);
    hub.flush();
    expect(client.batches).toEqual([]);
  });

  it('sends nothing on a flush with nothing new', () => {
    const { hub, client } = setup();
    hub.flush();
    hub.flush();
    expect(client.batches).toEqual([]);
  });

  it('sends only the entities that changed since the last flush', () => {
    const { hub, client, setClock } = setup([fix('A', T0), fix('B', T0)]);
    hub.publishPositions([fix('B', T0 + 1000, 122.5)]);
    setClock(T0 + 1200);
    hub.flush();
    expect(client.batches).toEqual([
      { seq: 1, serverTimeMs: T0 + 1200, positions: toColumns([fix('B', T0 + 1000, 122.5)]) },
    ]);
  });

  it('raises seq by one per non-empty flush only', () => {
    const { hub, client } = setup();
    hub.publishPositions([fix('A', T0 + 1)]);
    hub.flush();
    hub.flush(); // empty: no batch, no seq used
    hub.publishPositions([fix('A', T0 + 2)]);
    hub.flush();
    hub.publishPositions([fix('A', T0 + 3)]);
    hub.flush();
    expect(client.batches.map((b) => b.seq)).toEqual([1, 2, 3]);
    expect(hub.snapshot().seq).toBe(3);
  });

  it('coalesces several fixes of one entity between flushes into the newest', () => {
    const { hub, client } = setup();
    hub.publishPositions([fix('A', T0 + 1000, 122.1)]);
    hub.publishPositions([fix('A', T0 + 2000, 122.2), fix('A', T0 + 3000, 122.3)]);
    hub.flush();
    expect(client.batches).toHaveLength(1);
    expect(client.batches[0]!.positions).toEqual(toColumns([fix('A', T0 + 3000, 122.3)]));
  });

  it('never lets an older fix replace a newer one', () => {
    const { hub, client } = setup();
    hub.publishPositions([fix('A', T0 + 3000, 122.3)]);
    hub.publishPositions([fix('A', T0 + 1000, 122.1)]);
    hub.flush();
    expect(client.batches[0]!.positions.lon).toEqual([122.3]);
  });

  it('ignores a late fix older than a seeded one, sending no batch', () => {
    const { hub, client } = setup([fix('A', T0, 122.3)]);
    hub.publishPositions([fix('A', T0 - 1, 122.1)]);
    hub.flush();
    expect(client.batches).toEqual([]);
    expect(hub.snapshot().positions.lon).toEqual([122.3]);
  });

  it('takes a fix with the same time as the known one (a correction)', () => {
    const { hub, client } = setup([fix('A', T0, 122.3)]);
    hub.publishPositions([fix('A', T0, 122.4)]);
    hub.flush();
    expect(client.batches[0]!.positions.lon).toEqual([122.4]);
  });

  it('keeps the snapshot up to date with published positions', () => {
    const { hub } = setup([fix('A', T0)]);
    hub.publishPositions([fix('A', T0 + 1000, 122.9), fix('C', T0 + 1000)]);
    const snapshot = hub.snapshot();
    expect(snapshot.positions.ids).toEqual(['A', 'C']);
    expect(snapshot.positions.lon).toEqual([122.9, 122]);
  });

  it('sends the same batch to every attached connection', () => {
    const { hub, client } = setup();
    const other = new FakeConnection('c2');
    hub.attach(other);
    hub.publishPositions([fix('A', T0 + 1)]);
    hub.flush();
    expect(other.batches).toEqual(client.batches);
    expect(other.batches).toHaveLength(1);
  });

  it('gives a late joiner a snapshot that includes the last batch seq', () => {
    const { hub } = setup();
    hub.publishPositions([fix('A', T0 + 1)]);
    hub.flush();
    const late = new FakeConnection('late');
    hub.attach(late);
    expect(late.snapshots[0]).toMatchObject({ seq: 1, positions: { ids: ['A'] } });
  });

  it('stops delivering to a detached connection', () => {
    const { hub, client, detach } = setup();
    detach();
    expect(hub.connectionCount).toBe(0);
    hub.publishPositions([fix('A', T0 + 1)]);
    hub.flush();
    expect(client.batches).toEqual([]);
  });

  describe('start/stop', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('flushes on the interval after start() and no more after stop()', () => {
      vi.useFakeTimers();
      const hub = new LiveHub({ flushIntervalMs: 100, now: () => T0 });
      const client = new FakeConnection('c1');
      hub.attach(client);

      hub.start();
      hub.publishPositions([fix('A', T0 + 1)]);
      vi.advanceTimersByTime(99);
      expect(client.batches).toHaveLength(0);
      vi.advanceTimersByTime(1);
      expect(client.batches).toHaveLength(1);

      hub.publishPositions([fix('A', T0 + 2)]);
      vi.advanceTimersByTime(100);
      expect(client.batches.map((b) => b.seq)).toEqual([1, 2]);

      hub.stop();
      hub.publishPositions([fix('A', T0 + 3)]);
      vi.advanceTimersByTime(1000);
      expect(client.batches).toHaveLength(2);
    });
  });
});

describe('alerts', () => {
  const alert = (id: string, state: Alert['state']): Alert => ({
    id,
    ruleId: 'equipment_fault',
    scope: `equipment:${id}`,
    severity: 'critical',
    state,
    value: 1,
    threshold: 0.5,
    unit: 'state',
    raisedAt: new Date(T0).toISOString(),
  });

  it('sends every alert change to every client in order, never coalesced', () => {
    const { hub, client } = setup();
    hub.publishAlert(alert('A', 'raised'));
    hub.publishAlert(alert('A', 'acknowledged'));
    hub.publishAlert(alert('B', 'raised'));
    expect(client.alerts.map((m) => [m.alertSeq, m.alert.id, m.alert.state])).toEqual([
      [1, 'A', 'raised'],
      [2, 'A', 'acknowledged'],
      [3, 'B', 'raised'],
    ]);
  });

  it('keeps open alerts, seeded or published, in the snapshot, and drops resolved ones', () => {
    const { hub } = setup();
    hub.seedAlerts([alert('OLD', 'acknowledged')]);
    hub.publishAlert(alert('A', 'raised'));
    hub.publishAlert(alert('A', 'resolved'));
    hub.publishAlert(alert('B', 'raised'));
    const snapshot = hub.snapshot();
    expect(snapshot.alerts.map((a) => a.id).sort()).toEqual(['B', 'OLD']);
    expect(snapshot.alertSeq).toBe(3);
  });
});

describe('subscriptions', () => {
  it('sends a connection only the kinds it asked for, and a matching snapshot', () => {
    const { hub, client } = setup([fix('T1', T0), { ...fix('V1', T0), kind: 'vessel' }]);
    const snapshot = hub.subscribe('c1', { kinds: ['vessel'] });
    expect(snapshot.positions.ids).toEqual(['V1']);
    hub.publishPositions([fix('T1', T0 + 1), { ...fix('V1', T0 + 1), kind: 'vessel' }]);
    hub.flush();
    expect(client.batches.at(-1)!.positions.ids).toEqual(['V1']);
    expect(hub.snapshotFor('c1').positions.ids).toEqual(['V1']);
  });

  it('still sends an empty batch when nothing it shows moved, so its seq has no gaps', () => {
    const { hub, client } = setup();
    hub.subscribe('c1', { kinds: ['vessel'] });
    hub.publishPositions([fix('T1', T0)]);
    hub.flush();
    hub.publishPositions([fix('T1', T0 + 1)]);
    hub.flush();
    expect(client.batches.map((b) => [b.seq, b.positions.ids.length])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });

  it('builds one batch per distinct filter, shared by the connections that have it', () => {
    const { hub, client } = setup();
    const other = new FakeConnection('c2');
    hub.attach(other);
    hub.subscribe('c1', { kinds: ['truck', 'sts'] });
    hub.subscribe('c2', { kinds: ['sts', 'truck'] });
    hub.publishPositions([fix('T1', T0)]);
    hub.flush();
    expect(client.batches[0]).toBe(other.batches[0]);
  });

  it('goes back to everything without kinds, and forgets the filter on detach', () => {
    const { hub, detach } = setup([fix('T1', T0), { ...fix('V1', T0), kind: 'vessel' }]);
    hub.subscribe('c1', { kinds: ['vessel'] });
    expect(hub.subscribe('c1', {}).positions.ids.sort()).toEqual(['T1', 'V1']);
    hub.subscribe('c1', { kinds: ['vessel'] });
    detach();
    expect(hub.snapshotFor('c1').positions.ids.sort()).toEqual(['T1', 'V1']);
  });
});

describe('subscriptions to a terminal and to KPI scopes', () => {
  const at = (id: string, timeMs: number, lon: number): LivePosition => ({
    ...fix(id, timeMs),
    lon,
    lat: 30.65,
  });

  it('sends what is inside the terminal, and one last fix of what leaves it', () => {
    const { hub, client } = setup([at('IN', T0, 122.05), at('OUT', T0, 123)]);
    const snapshot = hub.subscribe('c1', { terminalId: 'T1' });
    expect(snapshot.positions.ids).toEqual(['IN']);
    expect(snapshot.subscription).toEqual({ terminalId: 'T1' });
    hub.publishPositions([at('IN', T0 + 1, 122.2), at('OUT', T0 + 1, 123.1)]);
    hub.flush();
    hub.publishPositions([at('IN', T0 + 2, 122.3), at('OUT', T0 + 2, 122.01)]);
    hub.flush();
    expect(client.batches.map((b) => b.positions.ids)).toEqual([['IN'], ['OUT']]);
  });

  it('leaves out a terminal the port does not have, and says so in the snapshot', () => {
    const { hub } = setup([at('A', T0, 122.05), at('B', T0, 123)]);
    const snapshot = hub.subscribe('c1', { terminalId: 'T9', kinds: ['truck'] });
    expect(snapshot.subscription).toEqual({ kinds: ['truck'] });
    expect(snapshot.positions.ids.sort()).toEqual(['A', 'B']);
  });

  it('sends only the KPIs of the scopes asked for: exact, or by a prefix', () => {
    const { hub, client } = setup();
    const kpi = (scope: string) => ({
      id: 'berth.occupancy',
      scope,
      value: 0.5,
      unit: 'ratio',
      from: 'a',
      to: 'b',
    });
    const all = ['port', 'berth:T1-B1', 'berth:T1-B2', 'lane:T1-G01', 'lane:T2-G01'].map(kpi);
    hub.publishKpis(all);
    const snapshot = hub.subscribe('c1', { kpiScopes: ['port', 'lane:T1-', 'berth:T1-B2x'] });
    expect(snapshot.kpis.map((k) => k.scope)).toEqual(['port', 'lane:T1-G01']);
    hub.publishKpis(all);
    expect(client.kpis.at(-1)!.kpis.map((k) => k.scope)).toEqual(['port', 'lane:T1-G01']);
    hub.subscribe('c1', { kpiScopes: ['berth:'] });
    hub.publishKpis(all);
    expect(client.kpis.at(-1)!.kpis.map((k) => k.scope)).toEqual(['berth:T1-B1', 'berth:T1-B2']);
  });
});

describe('KPIs', () => {
  it('sends each computation to every client and keeps the last in the snapshot', () => {
    const { hub, client } = setup();
    const kpis = [
      { id: 'berth.occupancy', scope: 'port', value: 0.6, unit: 'ratio', from: 'a', to: 'b' },
    ];
    hub.publishKpis(kpis);
    expect(client.kpis).toEqual([{ serverTimeMs: T0, kpis }]);
    expect(hub.snapshot().kpis).toEqual(kpis);
  });
});

describe('the operations picture', () => {
  it('goes with the KPIs to every client, and into the snapshot of one that joins later', () => {
    const { hub, client } = setup();
    const picture: OperationsPicture = {
      atMs: T0,
      berths: [{ berthId: 'B1', status: 'free' }],
      blocks: [],
      lanes: [],
      flows: [],
      flowWindowMs: 3_600_000,
    };
    expect(hub.snapshot().picture).toBeUndefined();
    hub.publishKpis([], picture);
    expect(client.kpis.at(-1)?.picture).toEqual(picture);
    const later = new FakeConnection('c2');
    hub.attach(later);
    expect(later.snapshots.at(-1)?.picture).toEqual(picture);
  });
});
