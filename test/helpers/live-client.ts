// A real socket.io-client on the /live namespace that records what it receives.
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveHello,
  type LiveSnapshot,
  type PositionBatch,
  type ServerToClientEvents,
} from '../../protocol/live.ts';

export interface RecordingLiveClient {
  socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  hellos: LiveHello[];
  snapshots: LiveSnapshot[];
  batches: PositionBatch[];
  /** Resolves once `predicate` holds, checking after every event; rejects after timeoutMs. */
  until(predicate: () => boolean, timeoutMs?: number): Promise<void>;
  resync(): Promise<LiveSnapshot>;
  close(): void;
}

export function connectLiveClient(url: string): RecordingLiveClient {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(`${url}${LIVE_NAMESPACE}`, {
    transports: ['websocket'],
    reconnection: false,
  });
  const client: RecordingLiveClient = {
    socket,
    hellos: [],
    snapshots: [],
    batches: [],
    until: (predicate, timeoutMs = 10_000) =>
      new Promise((resolve, reject) => {
        if (predicate()) return resolve();
        // onAny listeners run before the event's own handlers have recorded it.
        const onEvent = () => queueMicrotask(check);
        const check = () => {
          if (!predicate()) return;
          clearTimeout(timer);
          socket.offAny(onEvent);
          resolve();
        };
        const timer = setTimeout(() => {
          socket.offAny(onEvent);
          reject(new Error('live client: condition not met in time'));
        }, timeoutMs);
        socket.onAny(onEvent);
      }),
    resync: () => new Promise((resolve) => socket.emit('resync', resolve)),
    close: () => socket.disconnect(),
  };
  socket.on('hello', (hello) => client.hellos.push(hello));
  socket.on('snapshot', (snapshot) => client.snapshots.push(snapshot));
  socket.on('positions', (batch) => client.batches.push(batch));
  return client;
}
