// Runs the built-in simulator as a child process: a separate source that reaches the
// server only through its public HTTP API, as a real feed would. If it dies it is started
// again, so an unattended demo never stops moving.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const CLI = fileURLToPath(new URL('../simulators/cli.ts', import.meta.url));
const RESTART_DELAY_MS = 3_000;

export interface SimulatorProcess {
  stop(): Promise<void>;
}

export function startSimulatorProcess(
  options: { target: string; key: string },
  log: { info(msg: string): void; warn(msg: string): void },
): SimulatorProcess {
  const loader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  let child: ChildProcess | undefined;
  let stopped = false;
  let restartTimer: NodeJS.Timeout | undefined;

  const launch = () => {
    child = spawn(process.execPath, ['--import', loader, CLI, '--target', options.target], {
      // The key goes by environment, not argv, so `ps` does not show it.
      env: { ...process.env, QUAYSIDE_INGEST_KEY: options.key },
      // The IPC channel is the child's lifeline: it closes when this process dies in any way.
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('exit', (code, signal) => {
      child = undefined;
      if (stopped) return;
      log.warn(`simulator exited (${signal ?? code}); restarting in ${RESTART_DELAY_MS / 1000} s`);
      restartTimer = setTimeout(launch, RESTART_DELAY_MS);
    });
  };
  launch();
  log.info('built-in simulator started');

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopped = true;
        clearTimeout(restartTimer);
        if (!child) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
