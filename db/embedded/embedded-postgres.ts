// The embedded PostgreSQL, supervised: PGlite and its wire-protocol server run in a
// worker thread (worker entry: pglite-worker.ts). If the engine dies, it is started
// again on the same port, so the server's pool reconnects to it without knowing; while
// it is down, failure() says why (health reports it, ingest answers 503).
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, ParentToWorker, WorkerToParent } from './pglite-worker.ts';

export interface EmbeddedPostgres {
  host: string;
  port: number;
  /** Why the engine is not serving now, or undefined while it is. */
  failure(): string | undefined;
  /** Closes the engine's files cleanly; the data stays under dataDir for the next start. */
  stop(): Promise<void>;
  /** Fault injection for outage tests: ends the engine abruptly, as a crash would. */
  crash(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  maxConnections?: number;
  /** Told when the engine dies and when it serves again. */
  onFailure?: (reason: string) => void;
  onRecovery?: () => void;
}

const STOP_TIMEOUT_MS = 15_000;
const RESTART_DELAYS_MS = [500, 1_000, 2_000, 5_000];

/**
 * The worker is TypeScript; whoever started us (tsx, vitest), the thread loads it through
 * tsx's API, since loader flags do not reach worker threads on Node 20.
 */
function typeScriptWorkerSource(entry: URL): string {
  // The ESM build of the API (require.resolve would hand us the CommonJS one).
  const tsxRoot = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const api = pathToFileURL(join(tsxRoot, 'dist/esm/api/index.mjs')).href;
  return `import(${JSON.stringify(api)}).then(({ tsImport }) => tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)}))`;
}

const WORKER_SOURCE = typeScriptWorkerSource(new URL('./pglite-worker.ts', import.meta.url));

/** Starts one worker and resolves when it serves, with the worker and where. */
function launch(data: EmbeddedWorkerData): Promise<{ worker: Worker; host: string; port: number }> {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: data });
  return new Promise((resolve, reject) => {
    const onExit = (code: number) =>
      reject(new Error(`embedded database worker exited with code ${code} before it was ready`));
    worker.once('exit', onExit);
    worker.once('error', reject);
    worker.on('message', (message: WorkerToParent) => {
      if (message.type === 'failed') {
        reject(new Error(`embedded database: ${message.error}`));
        void worker.terminate();
      }
      if (message.type !== 'ready') return;
      worker.off('exit', onExit);
      worker.off('error', reject);
      resolve({ worker, host: message.host, port: message.port });
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  mkdirSync(options.dataDir, { recursive: true });
  const data: EmbeddedWorkerData = {
    dataDir: options.dataDir,
    maxConnections: options.maxConnections ?? 8,
    port: 0, // the OS picks one; later restarts reuse it, so the pool's config stays right
  };
  const first = await launch(data);
  data.port = first.port;
  let worker = first.worker;
  let failure: string | undefined;
  let stopping: Promise<void> | undefined;

  const supervise = (current: Worker) => {
    current.on('error', (error) => (failure = `embedded database failed: ${error.message}`));
    current.once('exit', (code) => {
      if (stopping) return;
      failure ??= `embedded database stopped (exit code ${code}); restarting it`;
      options.onFailure?.(failure);
      void restart();
    });
  };
  const restart = async () => {
    for (let attempt = 0; !stopping; attempt += 1) {
      await new Promise((resolve) =>
        setTimeout(resolve, RESTART_DELAYS_MS[Math.min(attempt, RESTART_DELAYS_MS.length - 1)]),
      );
      if (stopping) return;
      try {
        worker = (await launch(data)).worker;
        supervise(worker);
        failure = undefined;
        options.onRecovery?.();
        return;
      } catch (error) {
        failure = `embedded database is down and does not restart yet: ${(error as Error).message}`;
      }
    }
  };
  supervise(worker);

  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      const current = worker;
      const timer = setTimeout(
        () => void current.terminate().then(() => resolve()),
        STOP_TIMEOUT_MS,
      );
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      current.on('message', (message: WorkerToParent) => message.type === 'stopped' && done());
      current.once('exit', done);
      const request: ParentToWorker = { type: 'stop' };
      current.postMessage(request);
    });
    return stopping;
  };
  const crash = async () => {
    failure = 'embedded database crashed (fault injection)';
    await worker.terminate();
  };
  return { host: first.host, port: first.port, failure: () => failure, stop, crash };
}
