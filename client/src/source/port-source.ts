// One data-source interface for live and replay (Foxglove's Player idea): a source fills
// the entity buffers and tells the store what it has; the map and panels draw whatever it
// gives and read its clock, never asking which kind of source it is. A source that can
// play, pause and seek says so by having `playback` (a capability, not a mode flag).
import type { Alert } from '../../../protocol/alerts.ts';
import type { KpiValue } from '../../../protocol/kpi.ts';
import type { OperationsPicture } from '../../../protocol/operations.ts';
import type { ClockState, ReplaySpeed } from '../replay/replay-clock.ts';

/** connecting: no data yet; live: data flowing; offline: the server is away; replay: playing back the past. */
export type SourceStatus = 'connecting' | 'live' | 'offline' | 'replay';

export interface PortSourceEvents {
  onStatus(status: SourceStatus): void;
  onData(entityCount: number): void;
  /** The open alerts, whole, whenever they change. */
  onAlerts(alerts: Alert[]): void;
  /** The KPIs, whole, as of the source's clock atMs. */
  onKpis(kpis: KpiValue[], atMs: number): void;
  /** Berths, blocks, lanes and flows. */
  onPicture(picture: OperationsPicture): void;
  /** The clock jumped (a seek): courses and trails drawn before it do not go on from here. */
  onJump(atMs: number): void;
  onIncompatible(serverVersion: number): void;
}

export interface Playback {
  state(): PlaybackState;
  /** Called on every change of state (not on every tick of a playing clock). */
  subscribe(listener: () => void): () => void;
  play(): void;
  pause(): void;
  seek(atMs: number): void;
  setSpeed(speed: ReplaySpeed): void;
  step(direction: 1 | -1): void;
}

export interface PlaybackState extends ClockState {
  /** A seek is on its way: what is shown is the last instant landed. */
  seeking: boolean;
  /** Why the last request failed, while it is being tried again. */
  problem?: string;
}

export interface PortSource {
  /** The instant what is shown stands for: now when live, the replay clock in replay. */
  clock(): number;
  playback?: Playback;
  close(): void;
}
