// The live hub decides what each connected client gets and when. It knows nothing of
// Socket.IO: a connection is anything with the two send methods, so the hub can be
// tested alone and later fed from a shared bus when several instances run.
//
// Positions are coalesced per entity: between two flushes only the newest fix of each
// entity is kept, and a flush sends those as one columnar batch. The rate is therefore
// bounded by the flush interval, not by how fast feeds send.
import type { Alert } from '../../protocol/alerts.ts';
import type {
  AlertMessage,
  LivePosition,
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
  private seq = 0;
  private alertSeq = 0;
  private readonly openAlerts = new Map<string, Alert>();
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

  snapshot(): LiveSnapshot {
    return {
      seq: this.seq,
      serverTimeMs: this.now(),
      positions: toColumns(this.latest.values()),
      alerts: [...this.openAlerts.values()],
      alertSeq: this.alertSeq,
    };
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
    return () => this.connections.delete(connection.id);
  }

  flush(): void {
    if (this.dirty.size === 0) return;
    const changed = [...this.dirty].map((id) => this.latest.get(id)!);
    this.dirty.clear();
    this.seq += 1;
    const batch: PositionBatch = {
      seq: this.seq,
      serverTimeMs: this.now(),
      positions: toColumns(changed),
    };
    for (const connection of this.connections.values()) connection.sendPositions(batch);
  }
}
