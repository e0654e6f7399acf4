// The live hub decides what each connected client gets and when. It knows nothing of
// Socket.IO: a connection is anything with the two send methods, so the hub can be
// tested alone and later fed from a shared bus when several instances run.
//
// Positions are coalesced per entity: between two flushes only the newest fix of each
// entity is kept, and a flush sends those as one columnar batch. The rate is therefore
// bounded by the flush interval, not by how fast feeds send. Each connection gets what
// its subscription lets through (live-filter.ts); connections that subscribe alike share
// one filter, and each distinct batch is built once.
import type { Alert } from '../../protocol/alerts.ts';
import type { KpiValue } from '../../protocol/kpi.ts';
import type { OperationsPicture } from '../../protocol/operations.ts';
import type {
  AlertMessage,
  KpiMessage,
  LivePosition,
  LiveSubscription,
  LiveSnapshot,
  PositionBatch,
  PositionColumns,
} from '../../protocol/live.ts';
import { LiveFilter, type Bounds } from './live-filter.ts';

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
  /** The bounds of each terminal, for subscriptions to one terminal. */
  terminals?: ReadonlyMap<string, Bounds>;
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
  /** Per connection, its filter; one per distinct subscription, shared. */
  private readonly filterOf = new Map<string, LiveFilter>();
  private readonly filters = new Map<string, { filter: LiveFilter; users: number }>();
  private readonly everything: LiveFilter;
  private readonly terminals: ReadonlyMap<string, Bounds>;
  private seq = 0;
  private alertSeq = 0;
  private readonly openAlerts = new Map<string, Alert>();
  private kpis: KpiValue[] = [];
  private picture: OperationsPicture | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly flushIntervalMs: number;
  private readonly now: () => number;

  constructor(options: LiveHubOptions = {}) {
    this.flushIntervalMs = options.flushIntervalMs ?? 200;
    this.now = options.now ?? Date.now;
    this.terminals = options.terminals ?? new Map();
    this.everything = new LiveFilter({}, undefined);
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

  /** The picture now, as a connection with this filter sees it (everything by default). */
  snapshot(filter: LiveFilter = this.everything): LiveSnapshot {
    return {
      seq: this.seq,
      serverTimeMs: this.now(),
      positions: toColumns(filter.picture(this.latest.values())),
      alerts: [...this.openAlerts.values()],
      alertSeq: this.alertSeq,
      kpis: filter.kpis(this.kpis),
      ...(this.picture ? { picture: this.picture } : {}),
      subscription: filter.subscription,
    };
  }

  /** The KPIs (each client's scopes) with the picture (the same to all: it is small). */
  publishKpis(kpis: KpiValue[], picture?: OperationsPicture): void {
    this.kpis = kpis;
    if (picture) this.picture = picture;
    const serverTimeMs = this.now();
    const messages = new Map<LiveFilter, KpiMessage>();
    for (const connection of this.connections.values()) {
      const filter = this.filterFor(connection.id);
      let message = messages.get(filter);
      if (!message) {
        message = {
          serverTimeMs,
          kpis: filter.kpis(kpis),
          ...(this.picture ? { picture: this.picture } : {}),
        };
        messages.set(filter, message);
      }
      connection.sendKpis(message);
    }
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
      this.release(connection.id);
    };
  }

  /**
   * Changes what a connection gets and returns the snapshot that matches it. A terminal
   * the port does not have is left out of the subscription (the snapshot says what holds).
   */
  subscribe(connectionId: string, subscription: LiveSubscription): LiveSnapshot {
    const { terminalId, ...rest } = subscription;
    const bounds = terminalId === undefined ? undefined : this.terminals.get(terminalId);
    const kept: LiveSubscription = bounds ? { ...rest, terminalId } : rest;
    this.release(connectionId);
    const candidate = new LiveFilter(kept, bounds);
    const shared = this.filters.get(candidate.key) ?? { filter: candidate, users: 0 };
    shared.users += 1;
    this.filters.set(candidate.key, shared);
    this.filterOf.set(connectionId, shared.filter);
    return this.snapshot(shared.filter);
  }

  private release(connectionId: string): void {
    const filter = this.filterOf.get(connectionId);
    if (!filter) return;
    this.filterOf.delete(connectionId);
    const shared = this.filters.get(filter.key)!;
    shared.users -= 1;
    if (shared.users === 0) this.filters.delete(filter.key);
  }

  private filterFor(connectionId: string): LiveFilter {
    return this.filterOf.get(connectionId) ?? this.everything;
  }

  /** The snapshot a connection would get now (after a gap it asks again). */
  snapshotFor(connectionId: string): LiveSnapshot {
    return this.snapshot(this.filterFor(connectionId));
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const changed = [...this.dirty].map((id) => this.latest.get(id)!);
    this.dirty.clear();
    this.seq += 1;
    // Every connection gets every batch (empty when nothing it shows moved), so its seq
    // has no gaps of its own; each distinct filter's columns are built once.
    const batches = new Map<LiveFilter, PositionBatch>();
    const serverTimeMs = this.now();
    for (const connection of this.connections.values()) {
      const filter = this.filterFor(connection.id);
      let batch = batches.get(filter);
      if (!batch) {
        batch = { seq: this.seq, serverTimeMs, positions: toColumns(filter.changes(changed)) };
        batches.set(filter, batch);
      }
      connection.sendPositions(batch);
    }
  }
}
