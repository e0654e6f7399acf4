import type { Alert } from './alerts.ts';
import type { KpiValue } from './kpi.ts';
import type { OperationsPicture } from './operations.ts';
import { EQUIPMENT_KINDS, type EquipmentKind, type EquipmentState } from './equipment.ts';

/** What moves on the live map: equipment, and vessels (whose id is their MMSI). */
export const LIVE_ENTITY_KINDS = [...EQUIPMENT_KINDS, 'vessel'] as const;
export type LiveEntityKind = EquipmentKind | 'vessel';

/** One entity's latest fix as the live channel carries it; speeds in m/s. */
export interface LivePosition {
  id: string;
  kind: LiveEntityKind;
  timeMs: number;
  lon: number;
  lat: number;
  headingDeg?: number;
  speedMps?: number;
  state?: EquipmentState;
}

/** The Socket.IO namespace of the live channel. */
export const LIVE_NAMESPACE = '/live';

/**
 * Positions as columns (one array per field, the same length each): compact on the
 * wire and cheap to copy into the typed arrays the map draws from. Absent optional
 * values are null (JSON has no NaN).
 */
export interface PositionColumns {
  ids: string[];
  kinds: LiveEntityKind[];
  timeMs: number[];
  lon: number[];
  lat: number[];
  headingDeg: (number | null)[];
  speedMps: (number | null)[];
  state: (EquipmentState | null)[];
}

export interface LiveHello {
  protocolVersion: number;
  serverTimeMs: number;
  /** Changes when the server restarts: a client seeing a new one starts from a snapshot. */
  serverEpoch: string;
}

/** The whole current picture; `seq` and `alertSeq` are those of the last messages it includes. */
export interface LiveSnapshot {
  seq: number;
  serverTimeMs: number;
  positions: PositionColumns;
  /** Alerts not yet resolved. */
  alerts: Alert[];
  alertSeq: number;
  /** The live KPIs as last computed (empty until the first computation). */
  kpis: KpiValue[];
  /** Berths, blocks, lanes and flows as last computed (absent until the first). */
  picture?: OperationsPicture;
  /** The subscription in force (what the server kept of what was asked). */
  subscription: LiveSubscription;
}

/**
 * The live KPIs and the operations picture, about once a second; each supersedes the
 * last, so it may be dropped. One message, not two: the transport drops a droppable
 * message sent while the one before it is still being written.
 */
export interface KpiMessage {
  serverTimeMs: number;
  kpis: KpiValue[];
  picture?: OperationsPicture;
}

/** An alert raised, acknowledged or resolved. Never dropped; `alertSeq` counts them. */
export interface AlertMessage {
  alertSeq: number;
  alert: Alert;
}

/**
 * The entities that moved since the previous batch. `seq` increases by one per batch,
 * so a client that sees a jump knows it missed one and asks for a snapshot.
 */
export interface PositionBatch {
  seq: number;
  serverTimeMs: number;
  positions: PositionColumns;
}

export interface ServerToClientEvents {
  hello: (hello: LiveHello) => void;
  snapshot: (snapshot: LiveSnapshot) => void;
  positions: (batch: PositionBatch) => void;
  alert: (message: AlertMessage) => void;
  kpis: (message: KpiMessage) => void;
}

/** What a client shows; each part narrows what it is sent (all when absent). */
export interface LiveSubscription {
  /** Its layers: only these kinds of entity. */
  kinds?: LiveEntityKind[];
  /** Only what is inside this terminal (its bounds), and a last fix of what leaves it. */
  terminalId?: string;
  /**
   * Only KPIs of these scopes: "port", "berth:T1-B3", or a prefix ending in ":" or "-"
   * ("berth:", "lane:T1-G") for all scopes that start with it.
   */
  kpiScopes?: string[];
}

export interface ClientToServerEvents {
  /** Narrow (or widen) what this client gets; the ack is a snapshot of exactly that. */
  subscribe: (subscription: LiveSubscription, reply: (snapshot: LiveSnapshot) => void) => void;
  /** Ask for a fresh snapshot (after a gap in `seq`); the answer comes as the ack. */
  resync: (reply: (snapshot: LiveSnapshot) => void) => void;
}
