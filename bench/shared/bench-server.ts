// The server a bench measures: a real one in this process on a port the OS picks, on the
// embedded engine in a temp dir, or on DATABASE_URL in a schema of its own (dropped after).
import { openDatabase } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { BENCH_KEY } from './telemetry.ts';

/**
 * `name` (e.g. 'bench-live') names the temp dir and the schema; no simulator runs. With
 * `keepDataDir` the embedded engine lives there and stays (a backfilled day to reuse).
 */
export async function startBenchServer(name: string, clientDir = '/none', keepDataDir?: string) {
  const databaseUrl = keepDataDir ? undefined : process.env.DATABASE_URL || undefined;
  const dir = keepDataDir ? { path: keepDataDir, remove: () => {} } : tempDir(name);
  const schema = databaseUrl ? `qs_${name.replaceAll('-', '_')}_${process.pid}` : undefined;
  const db = await openDatabase({ databaseUrl, dataDir: dir.path, schema });
  const app = await buildApp({
    db,
    portModel: buildDemoPort(),
    ingestKey: BENCH_KEY,
    version: 'bench',
    clientDir,
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    db,
    app,
    url,
    async close(): Promise<void> {
      await app.close();
      if (schema) await db.pool.query(`DROP SCHEMA ${schema} CASCADE`);
      await db.close();
      dir.remove();
    },
  };
}
