// `npm start`'s process on the embedded engine: it starts, prints its URL and key, ends
// cleanly on SIGTERM and SIGINT, and a restart finds what was stored before.
import { execFileSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { connectLiveClient } from '../helpers/live-client.ts';
import { startServerProcess } from '../helpers/server-process.ts';
import { tempDir } from '../helpers/temp-dir.ts';

describe('the server process', () => {
  const data = tempDir('process');
  afterAll(() => data.remove());
  const env = { DATA_DIR: data.path, QUAYSIDE_SIMULATE: 'off' };

  it('exits 0 on SIGTERM and keeps its data and ingest key for the next start', async () => {
    const first = await startServerProcess(env);
    const health = await (await fetch(`${first.url}/api/health`)).json();
    expect(health.db.engine).toBe('pglite');
    expect(first.output()).toMatch(/ingest key \(generated, kept in DATA_DIR\)/);
    const response = await fetch(`${first.url}/api/v1/telemetry`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${first.ingestKey}` },
      body: JSON.stringify([
        { equipmentId: 'KEEP-1', kind: 'agv', time: Date.now(), lon: 122.035, lat: 30.616 },
      ]),
    });
    expect((await response.json()).accepted).toBe(1);
    expect(await first.stop('SIGTERM')).toBe(0);

    const second = await startServerProcess(env);
    try {
      expect(second.ingestKey).toBe(first.ingestKey);
      const client = connectLiveClient(second.url);
      await client.until(() => client.snapshots.length > 0);
      expect(client.snapshots[0]!.positions.ids).toContain('KEEP-1');
      client.close();
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  }, 120_000); // two cold starts of the embedded engine, on a busy machine

  it('takes its built-in simulator with it, even when killed outright', async () => {
    const server = await startServerProcess({ ...env, QUAYSIDE_SIMULATE: 'on' });
    const simulatorPid = () => {
      const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(server.child.pid)])
        .toString()
        .split('\n');
      const line = lines.find((l) => l.includes('simulators/cli.ts'));
      return line === undefined ? undefined : Number(line.trim().split(/\s+/)[0]);
    };
    // Gone, or a zombie that nobody reaps (an orphan's new parent here may not).
    const alive = (pid: number) => {
      try {
        return !execFileSync('ps', ['-o', 'stat=', '-p', String(pid)])
          .toString()
          .startsWith('Z');
      } catch {
        return false; // ps finds no such process
      }
    };
    await expect.poll(simulatorPid, { timeout: 20_000 }).toBeDefined();
    const pid = simulatorPid()!;
    await server.stop('SIGKILL');
    await expect.poll(() => alive(pid), { timeout: 15_000 }).toBe(false);
  }, 120_000);

  it('refuses to start with a clear message when the configuration is wrong', async () => {
    await expect(startServerProcess({ ...env, PORT: 'eighty' })).rejects.toThrow(
      /PORT must be a port number/,
    );
  });
});
