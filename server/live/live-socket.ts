// The thin Socket.IO adapter in front of the live hub: namespace /live, a hello with the
// protocol version, then whatever the hub sends. Positions go out volatile, so a client
// that cannot keep up loses stale batches instead of growing a buffer on the server.
import { randomUUID } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  LIVE_ENTITY_KINDS,
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveEntityKind,
  type LiveSubscription,
  type ServerToClientEvents,
} from '../../protocol/live.ts';
import { PROTOCOL_VERSION } from '../../protocol/version.ts';
import type { LiveHub } from './live-hub.ts';

export function attachLiveSocket(httpServer: HttpServer, hub: LiveHub): Server {
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Also bounds what a client may send us: we expect only small control messages.
    maxHttpBufferSize: 64 * 1024,
  });
  const serverEpoch = randomUUID();
  io.of(LIVE_NAMESPACE).on('connection', (socket) => {
    socket.emit('hello', {
      protocolVersion: PROTOCOL_VERSION,
      serverTimeMs: Date.now(),
      serverEpoch,
    });
    const detach = hub.attach({
      id: socket.id,
      sendSnapshot: (snapshot) => socket.emit('snapshot', snapshot),
      sendPositions: (batch) => socket.volatile.emit('positions', batch),
      sendAlert: (message) => socket.emit('alert', message),
      sendKpis: (message) => socket.volatile.emit('kpis', message),
    });
    socket.on('resync', (reply) => {
      if (typeof reply === 'function') reply(hub.snapshotFor(socket.id));
    });
    socket.on('subscribe', (subscription, reply) => {
      if (typeof reply !== 'function') return;
      reply(hub.subscribe(socket.id, fromWire(subscription)));
    });
    socket.on('disconnect', detach);
  });
  return io;
}

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length > 0 && v.length <= max;

/**
 * The wire is untrusted: what is not of the right shape (unknown kinds, a terminal id or
 * scopes that are not short strings) is left out, and the snapshot in the reply shows
 * the subscription that holds.
 */
function fromWire(value: unknown): LiveSubscription {
  const asked = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const subscription: LiveSubscription = {};
  if (Array.isArray(asked.kinds))
    subscription.kinds = asked.kinds.filter((k): k is LiveEntityKind =>
      (LIVE_ENTITY_KINDS as readonly unknown[]).includes(k),
    );
  if (isText(asked.terminalId, 64)) subscription.terminalId = asked.terminalId;
  if (Array.isArray(asked.kpiScopes))
    subscription.kpiScopes = asked.kpiScopes.filter((k) => isText(k, 80)).slice(0, 100);
  return subscription;
}
