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
      const kinds = (subscription as LiveSubscription | undefined)?.kinds;
      // The wire is untrusted: unknown kinds are ignored rather than trusted.
      const valid = Array.isArray(kinds)
        ? kinds.filter((k): k is LiveEntityKind =>
            (LIVE_ENTITY_KINDS as readonly unknown[]).includes(k),
          )
        : undefined;
      reply(hub.subscribe(socket.id, valid ? { kinds: valid } : {}));
    });
    socket.on('disconnect', detach);
  });
  return io;
}
