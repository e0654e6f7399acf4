// A real socket.io-client on the /live namespace that records what it receives.
import type { Socket as NetSocket } from 'node:net';
import type { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import {
  LIVE_NAMESPACE,
  type ClientToServerEvents,
  type LiveHello,
  type LiveSnapshot,
  type PositionBatch,
  type PositionColumns,
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

/** A client's own picture (id -> fix time), kept as a real client would: resync on a gap. */
export function trackPicture(client: RecordingLiveClient) {
  const picture = new Map<string, number>();
  let seq: number | undefined;
  const apply = (columns: PositionColumns) =>
    columns.ids.forEach((id, i) =>
      picture.set(id, Math.max(picture.get(id) ?? 0, columns.timeMs[i]!)),
    );
  const fromSnapshot = (snapshot: LiveSnapshot) => {
    picture.clear();
    apply(snapshot.positions);
    seq = snapshot.seq;
  };
  let resyncs = 0;
  client.socket.on('snapshot', fromSnapshot);
  client.socket.on('positions', (batch) => {
    if (seq === undefined || batch.seq <= seq) return;
    const gap = batch.seq !== seq + 1;
    apply(batch.positions);
    seq = batch.seq;
    if (gap) {
      resyncs += 1;
      client.socket.emit('resync', fromSnapshot);
    }
  });
  return { picture, resyncs: () => resyncs };
}

/**
 * The client's WebSocket reader, to stall it as a slow client would. ws's own pause:
 * pausing the net socket underneath is undone by ws's receiver when it drains.
 */
export function readerOf(client: RecordingLiveClient): { pause(): void; resume(): void } {
  return (client.socket.io.engine.transport as unknown as { ws: { pause(): void; resume(): void } })
    .ws;
}

/**
 * What the server holds for a client: packets queued in engine.io, and bytes its
 * WebSocket could not yet hand to the kernel.
 */
export function heldForClient(
  server: Server,
  client: RecordingLiveClient,
): { packets: number; unsentBytes: number } {
  type EngineSocket = {
    writeBuffer: unknown[];
    transport: { socket?: { _socket?: NetSocket } };
  };
  const engineId = client.socket.io.engine.id!;
  const serverSide = (server.engine as unknown as { clients: Record<string, EngineSocket> })
    .clients[engineId];
  const unsent = serverSide?.transport.socket?._socket?.writableLength;
  if (unsent === undefined) throw new Error('cannot see the client from the server');
  return { packets: serverSide!.writeBuffer.length, unsentBytes: unsent };
}

/** Resolves once every client's picture holds exactly the snapshot's entities and fix times. */
export async function untilAllHold(
  clients: readonly RecordingLiveClient[],
  pictures: readonly { picture: Map<string, number> }[],
  snapshot: LiveSnapshot,
  timeoutMs = 15_000,
): Promise<void> {
  const want = new Map(snapshot.positions.ids.map((id, i) => [id, snapshot.positions.timeMs[i]]));
  for (const [i, { picture }] of pictures.entries())
    await clients[i]!.until(
      () => picture.size === want.size && [...want].every(([id, ms]) => picture.get(id) === ms),
      timeoutMs,
    );
}
