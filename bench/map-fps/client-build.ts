// The built client the bench serves and measures: dist/client, rebuilt when stale, and a
// copy of it taken once complete (`vite build` empties dist/client first, and someone
// else, npm test or npm start, may run it while the bench does).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { round } from '../shared/numbers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLIENT_DIR = join(ROOT, 'dist', 'client');

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Builds the client when dist/client is missing or older than its sources, or when asked. */
export function ensureBuilt(rebuild: boolean): { built: boolean; seconds: number; reason: string } {
  const index = join(CLIENT_DIR, 'index.html');
  const sources = Math.max(
    ...['client', 'protocol', 'vite.config.ts', 'package-lock.json'].map((p) =>
      newestMtime(join(ROOT, p)),
    ),
  );
  const reason = rebuild
    ? 'asked (--rebuild)'
    : !existsSync(index)
      ? 'dist/client missing'
      : statSync(index).mtimeMs < sources
        ? 'dist/client older than the client sources'
        : '';
  if (!reason) return { built: false, seconds: 0, reason: 'dist/client up to date' };
  console.log(`building the client (${reason}): npx vite build --logLevel warn`);
  const t0 = performance.now();
  const run = spawnSync('npx', ['vite', 'build', '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status})`);
  return { built: true, seconds: round((performance.now() - t0) / 1000, 1), reason };
}

/** Whether index.html and every asset it names are there (not copied mid-rebuild). */
function completeBuild(dir: string): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return false;
  const named = [...readFileSync(index, 'utf8').matchAll(/\/(assets\/[^"']+)/g)];
  return named.length > 0 && named.every((m) => existsSync(join(dir, m[1]!)));
}

/** A complete copy of dist/client in a temp dir, retried while a rebuild is under way. */
export async function copyBuiltClient(): Promise<ReturnType<typeof tempDir>> {
  const copy = tempDir('bench-map-client');
  for (let attempt = 1; ; attempt++) {
    cpSync(CLIENT_DIR, copy.path, { recursive: true });
    if (completeBuild(copy.path)) return copy;
    rmSync(copy.path, { recursive: true, force: true });
    if (attempt === 5) throw new Error('dist/client keeps changing under this bench');
    await sleep(2_000);
  }
}
