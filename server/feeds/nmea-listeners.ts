// Text feeds from AIS receivers: NMEA 0183 over UDP (one or more whole lines a datagram)
// and TCP (a stream: many receivers and aggregators push this way). Each piece of text
// goes to the handler with its receive time and a source name unique to its sender (for
// TCP, to its connection, whose partial lines the decoder keeps). The decoder splits
// lines and bounds their length.
import { createSocket } from 'node:dgram';
import { createServer, type Socket } from 'node:net';

export interface TextHandler {
  /** `stream`: a TCP chunk that may end mid-line; otherwise whole lines. */
  text(text: string, receivedAtMs: number, source: string, stream: boolean): void;
  /** A stream source is gone (TCP connection closed). */
  end(source: string): void;
}

export interface Listener {
  port: number;
  close(): Promise<void>;
}

export function listenUdp(port: number, host: string, handler: TextHandler): Promise<Listener> {
  const socket = createSocket('udp4');
  socket.on('message', (message, remote) =>
    handler.text(message.toString('latin1'), Date.now(), `udp:${remote.address}`, false),
  );
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, host, () => {
      socket.off('error', reject);
      resolve({
        port: socket.address().port,
        close: () => new Promise<void>((done) => socket.close(() => done())),
      });
    });
  });
}

export function listenTcp(port: number, host: string, handler: TextHandler): Promise<Listener> {
  const connections = new Set<Socket>();
  const server = createServer((connection) => {
    connections.add(connection);
    const source = `tcp:${connection.remoteAddress ?? 'unknown'}:${connection.remotePort ?? 0}`;
    connection.setEncoding('latin1');
    connection.on('data', (chunk: string) => handler.text(chunk, Date.now(), source, true));
    connection.on('error', () => connection.destroy());
    connection.on('close', () => {
      connections.delete(connection);
      handler.end(source);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () =>
          new Promise<void>((done) => {
            for (const c of connections) c.destroy();
            server.close(() => done());
          }),
      });
    });
  });
}
