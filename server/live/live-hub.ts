// The live hub decides what each connected client gets and when. It knows nothing of
// Socket.IO: a connection is anything with the two send methods, so the hub can be
// tested alone and later fed from a shared bus when several instances run.
//
// Positions are coalesced per entity: between two flushes only the newest fix of each
// entity is kept, and a flush sends those as one columnar batch. The rate is therefore
// bounded by the flush interval, not by how fast feeds send.
import type { Alert } from '../../protocol/alerts.ts';
import type { KpiValue } from '../../protocol/kpi.ts';
import type {
  AlertMessage,
  KpiMessage,
  LiveEntityKind,
  LivePosition,
  LiveSubscription,
  LiveSnapshot,
  PositionBatch,
  PositionColumns,
} from '../../protocol/live.ts';

export interface HubConnection {
  readonly id: string;
  sendSnapshot(snapshot: LiveSnapshot): void;
  /** May be dropped by the transport when the client is slow; the next batch supersedes it. */
  sendPositions(batch: PositionBatch): void;
  /** Must arrive: alerts are never dropped. */
  sendAlert(message: AlertMessage): void;
  /** May be dropped: the next one supersedes it. */
  sendKpis(message: KpiMessage): void;
}

export interface LiveHubOptions {
  flushIntervalMs?: number;
  now?: () => number;
}

export function toColumns(positions: Iterable<LivePosition>): PositionColumns {
  const columns: PositionColumns = {
    ids: [],
    kinds: [],
    timeMs: [],
    lon: [],
    lat: [],
    headingDeg: [],
    speedMps: [],
    state: [],
  };
  for (const p of positions) {
    columns.ids.push(p.id);
    columns.kinds.push(p.kind);
    columns.timeMs.push(p.timeMs);
    columns.lon.push(p.lon);
    columns.lat.push(p.lat);
    columns.headingDeg.push(p.headingDeg ?? null);
    columns.speedMps.push(p.speedMps ?? null);
    columns.state.push(p.state ?? null);
  }
  return columns;
}

export class LiveHub {
  private readonly latest = new Map<string, LivePosition>();
  private readonly dirty = new Set<string>();
  private readonly connections = new Map<string, HubConnection>();
  /** Per connection, the kinds it asked for; absent: everything. */
  private readonly filters = new Map<string, ReadonlySet<LiveEntityKind>>();
  private seq = 0;
  private alertSeq = 0;
  private readonly openAlerts = new Map<string, Alert>();
  private kpis: KpiValue[] = [];
  private timer: NodeJS.Timeout | undefined;
  private readonly flushIntervalMs: number;
  private readonly now: () => number;

  constructor(options: LiveHubOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.now = options.now ?? Date.now;
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  get entityCount(): number {
    return this.latest.size;
  }

  start(): void {
    this.timer ??= setInterval(() => this.flush(), this.flushIntervalMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** Newer fixes replace older ones; a late, older fix never moves an entity back. */
  publishPositions(positions: Iterable<LivePosition>): void {
    for (const position of positions) {
      const known = this.latest.get(position.id);
      if (known && known.timeMs > position.timeMs) continue;
      this.latest.set(position.id, position);
      this.dirty.add(position.id);
    }
  }

  /** Loads the last known picture (at start) without sending it as news. */
  seed(positions: Iterable<LivePosition>): void {
    this.publishPositions(positions);
    this.dirty.clear();
  }

  /** The picture now, as a connection with this filter sees it. */
  snapshot(kinds?: ReadonlySet<LiveEntityKind>): LiveSnapshot {
    const positions = [...this.latest.values()];
    return {
      seq: this.seq,
      serverTimeMs: this.now(),
      positions: toColumns(kinds ? positions.filter((p) => kinds.has(p.kind)) : positions),
      alerts: [...this.openAlerts.values()],
      alertSeq: this.alertSeq,
      kpis: this.kpis,
    };
  }

  publishKpis(kpis: KpiValue[]): void {
    this.kpis = kpis;
    const message: KpiMessage = { serverTimeMs: this.now(), kpis };
    for (const connection of this.connections.values()) connection.sendKpis(message);
  }

  /** The alerts open at start, without sending them as news. */
  seedAlerts(alerts: Iterable<Alert>): void {
    for (const alert of alerts) this.openAlerts.set(alert.id, alert);
  }

  /** Sends an alert change to everyone at once, in order. */
  publishAlert(alert: Alert): void {
    if (alert.state === 'resolved') this.openAlerts.delete(alert.id);
    else this.openAlerts.set(alert.id, alert);
    this.alertSeq += 1;
    const message: AlertMessage = { alertSeq: this.alertSeq, alert };
    for (const connection of this.connections.values()) connection.sendAlert(message);
  }

  attach(connection: HubConnection): () => void {
    this.connections.set(connection.id, connection);
    connection.sendSnapshot(this.snapshot());
    return () => {
      this.connections.delete(connection.id);
      this.filters.delete(connection.id);
    };
  }

  /** Changes what a connection gets and returns the snapshot that matches it. */
  subscribe(connectionId: string, subscription: LiveSubscription): LiveSnapshot {
    if (subscription.kinds) this.filters.set(connectionId, new Set(subscription.kinds));
    else this.filters.delete(connectionId);
    return this.snapshot(this.filters.get(connectionId));
  }

  /** The snapshot a connection would get now (after a gap it asks again). */
  snapshotFor(connectionId: string): LiveSnapshot {
    return this.snapshot(this.filters.get(connectionId));
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const changed = [...this.dirty].map((id) => this.latest.get(id)!);
    this.dirty.clear();
    this.seq += 1;
    // Every connection gets every batch (empty when nothing it shows moved), so its seq
    // has no gaps of its own; each distinct filter's columns are built once.
    const batches = new Map<string, PositionBatch>();
    const serverTimeMs = this.now();
    for (const connection of this.connections.values()) {
      const kinds = this.filters.get(connection.id);
      const key = kinds ? [...kinds].sort().join(',') : '*';
      let batch = batches.get(key);
      if (!batch) {
        batch = {
          seq: this.seq,
          serverTimeMs,
          positions: toColumns(kinds ? changed.filter((p) => kinds.has(p.kind)) : changed),
        };
        batches.set(key, batch);
      }
      connection.sendPositions(batch);
    }
  }
}
