// The live data source: Socket.IO namespace /live into the entity buffers. It starts
// from the server's snapshot, applies batches, and asks for a new snapshot when a gap in
// the sequence numbers shows that a batch was missed. Reconnection is Socket.IO's, with
// no limit on attempts: a wall display must come back by itself after any outage.
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveSnapshot,
  type ServerToClientEvents,
} from '../../../protocol/live.ts';
import type { Alert } from '../../../protocol/alerts.ts';
import { PROTOCOL_VERSION } from '../../../protocol/version.ts';
import type { PortSource, PortSourceEvents } from '../source/port-source.ts';
import type { EntityBuffers } from './entity-buffers.ts';

const RESYNC_MIN_INTERVAL_MS = 2_000;
const SERVER_DISCONNECT_RETRY_MS = 1_000;

export function connectLiveSource(buffers: EntityBuffers, events: PortSourceEvents): PortSource {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(LIVE_NAMESPACE, {
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
  });
  let lastSeq: number | undefined;
  let lastAlertSeq: number | undefined;
  let alerts = new Map<string, Alert>();
  let lastResyncAt = 0;

  const applySnapshot = (snapshot: LiveSnapshot) => {
    buffers.clear();
    buffers.apply(snapshot.positions, Date.now());
    lastSeq = snapshot.seq;
    lastAlertSeq = snapshot.alertSeq;
    alerts = new Map(snapshot.alerts.map((a) => [a.id, a]));
    events.onData(buffers.count);
    events.onAlerts([...alerts.values()]);
    events.onKpis(snapshot.kpis, snapshot.serverTimeMs);
    if (snapshot.picture) events.onPicture(snapshot.picture);
  };
  const resync = () => {
    if (Date.now() - lastResyncAt < RESYNC_MIN_INTERVAL_MS) return;
    lastResyncAt = Date.now();
    socket.emit('resync', applySnapshot);
  };

  events.onStatus('connecting');
  socket.on('connect', () => events.onStatus('live'));
  socket.on('disconnect', (reason) => {
    lastSeq = undefined;
    lastAlertSeq = undefined;
    events.onStatus('offline');
    // Socket.IO leaves a disconnection the server asked for (as it does when it shuts
    // down) without reconnecting; a wall display must come back by itself regardless.
    if (reason === 'io server disconnect')
      setTimeout(() => socket.connect(), SERVER_DISCONNECT_RETRY_MS);
  });
  socket.io.on('reconnect_attempt', () => events.onStatus('offline'));
  socket.on('hello', (hello) => {
    if (hello.protocolVersion !== PROTOCOL_VERSION) events.onIncompatible(hello.protocolVersion);
  });
  socket.on('snapshot', applySnapshot);
  socket.on('positions', (batch) => {
    if (lastSeq === undefined) return; // waiting for the snapshot this batch builds on
    if (batch.seq <= lastSeq) return; // already in the snapshot
    const gap = batch.seq !== lastSeq + 1;
    buffers.apply(batch.positions, Date.now());
    lastSeq = batch.seq;
    events.onData(buffers.count);
    if (gap) resync();
  });

  socket.on('kpis', ({ kpis, serverTimeMs, picture }) => {
    events.onKpis(kpis, serverTimeMs);
    if (picture) events.onPicture(picture);
  });

  socket.on('alert', ({ alertSeq, alert }) => {
    if (lastAlertSeq === undefined || alertSeq <= lastAlertSeq) return;
    // Alerts must not be missed: after a gap, the snapshot is the truth.
    if (alertSeq !== lastAlertSeq + 1) return void socket.emit('resync', applySnapshot);
    lastAlertSeq = alertSeq;
    if (alert.state === 'resolved') alerts.delete(alert.id);
    else alerts.set(alert.id, alert);
    events.onAlerts([...alerts.values()]);
  });

  return {
    clock: () => Date.now(),
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
