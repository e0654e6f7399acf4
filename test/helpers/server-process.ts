// Quayside as a user runs it: `server/main.ts` in its own process, on port 0, with its
// own DATA_DIR. Used where the process itself is under test (signals, restarts) and by
// the browser tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const MAIN = fileURLToPath(new URL('../../server/main.ts', import.meta.url));
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface ServerProcess {
  url: string;
  ingestKey: string;
  child: ChildProcess;
  output(): string;
  /** Sends the signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startServerProcess(
  env: Record<string, string>,
  timeoutMs = 120_000,
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', TSX, MAIN], {
    // The embedded engine and no broker unless the test names them: CI's DATABASE_URL and
    // MQTT_URL are for the suites that ask for them.
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', MQTT_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );

  const started = await new Promise<{ url: string; ingestKey: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL'); // a server that never came up must not outlive the test
      reject(new Error(`server did not start in time:\n${output}`));
    }, timeoutMs);
    const look = () => {
      const url = /is running at (http:\/\/\S+)/.exec(output)?.[1];
      const ingestKey = /ingest key[^:]*: (\S+)/.exec(output)?.[1];
      if (url && ingestKey) {
        clearTimeout(timer);
        resolve({ url, ingestKey });
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before it started:\n${output}`));
    });
  });

  return {
    ...started,
    child,
    output: () => output,
    stop: (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exited;
    },
  };
}
