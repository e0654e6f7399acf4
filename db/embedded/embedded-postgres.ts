import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EmbeddedWorkerData, ParentToWorker, WorkerToParent } from './pglite-worker.ts';

export interface EmbeddedPostgres {
  host: string;
  port: number;
  /** Closes the engine's files cleanly; the data stays under dataDir for the next start. */
  stop(): Promise<void>;
}

const STOP_TIMEOUT_MS = 15_000;

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

export interface EmbeddedOptions {
  dataDir: string;
  maxConnections?: number;
  /** Told when the engine ends other than by stop() (a crash): the server reports it. */
  onUnexpectedExit?: (reason: string) => void;
}

export async function startEmbeddedPostgres({
  dataDir,
  maxConnections = 8,
  onUnexpectedExit,
}: EmbeddedOptions): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const data: EmbeddedWorkerData = { dataDir, maxConnections };
  const worker = new Worker(
    typeScriptWorkerSource(new URL('./pglite-worker.ts', import.meta.url)),
    {
      eval: true,
      workerData: data,
    },
  );

  const ready = await new Promise<{ host: string; port: number }>((resolve, reject) => {
    const onMessage = (message: WorkerToParent) => {
      if (message.type === 'ready') resolve(message);
      if (message.type === 'failed') reject(new Error(`embedded database: ${message.error}`));
    };
    worker.on('message', onMessage);
    worker.once('error', (error) => reject(error));
    worker.once('exit', (code) =>
      reject(new Error(`embedded database worker exited with code ${code} before it was ready`)),
    );
  });

  let stopping: Promise<void> | undefined;
  worker.on('error', (error) => onUnexpectedExit?.(`embedded database failed: ${error.message}`));
  worker.on('exit', (code) => {
    if (!stopping) onUnexpectedExit?.(`embedded database worker exited with code ${code}`);
  });
  const stop = () => {
    stopping ??= new Promise<void>((resolve) => {
      const timer = setTimeout(
        () => void worker.terminate().then(() => resolve()),
        STOP_TIMEOUT_MS,
      );
      worker.on('message', (message: WorkerToParent) => {
        if (message.type !== 'stopped') return;
        clearTimeout(timer);
        resolve();
      });
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      const request: ParentToWorker = { type: 'stop' };
      worker.postMessage(request);
    });
    return stopping;
  };
  return { ...ready, stop };
}
