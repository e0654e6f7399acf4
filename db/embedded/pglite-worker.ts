// Runs the embedded PostgreSQL (PGlite, WASM) and its wire-protocol socket server in a
// worker thread: the engine gets its own core and never blocks the server's event loop.
// Protocol with the parent: it posts {type:'ready', host, port} or {type:'failed', error};
// the parent posts {type:'stop'} and gets {type:'stopped'} once the files are closed.
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedWorkerData {
  dataDir: string;
  maxConnections: number;
  /** 0 lets the OS choose (first start); a restart asks for the port it had. */
  port: number;
}
export type WorkerToParent =
  | { type: 'ready'; host: string; port: number }
  | { type: 'failed'; error: string }
  | { type: 'stopped' };
export type ParentToWorker = { type: 'stop' };

const HOST = '127.0.0.1';

async function main(): Promise<void> {
  const port = parentPort;
  if (!port) throw new Error('pglite-worker must run in a worker thread');
  const { dataDir, maxConnections, port: wantedPort } = workerData as EmbeddedWorkerData;
  const post = (message: WorkerToParent) => port.postMessage(message);

  let db: PGlite;
  let server: PGLiteSocketServer;
  try {
    db = await PGlite.create(dataDir);
    // Never 5432 by default: the OS picks a free port, so we never collide with a real PostgreSQL.
    server = new PGLiteSocketServer({ db, host: HOST, port: wantedPort, maxConnections });
    await server.start();
  } catch (error) {
    post({ type: 'failed', error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const listening = Number(server.getServerConn().split(':').pop());
  post({ type: 'ready', host: HOST, port: listening });

  port.on('message', (message: ParentToWorker) => {
    if (message.type !== 'stop') return;
    void (async () => {
      await server.stop();
      await db.close();
      post({ type: 'stopped' });
      port.close();
    })();
  });
}

void main();
