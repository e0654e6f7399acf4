// The built client as the server sends it: compressed once at build time (brotli, else
// gzip) to browsers that take it, whole to those that do not, and the page for every
// screen route.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';
import { tempDir } from '../helpers/temp-dir.ts';

// test/global-setup.ts builds it before any suite runs.
const CLIENT_DIR = fileURLToPath(new URL('../../dist/client', import.meta.url));

describe('the built client', () => {
  let engine: EngineUnderTest;
  let db: Database;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
    app = await buildApp({
      db,
      portModel: buildDemoPort(),
      ingestKey: 'client-app-test-key',
      version: 'test',
      clientDir: CLIENT_DIR,
    });
  });
  afterAll(async () => {
    await app?.close();
    await db?.close();
    await engine?.dispose();
  });

  it('sends the script precompressed to a browser that takes brotli or gzip, whole otherwise', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    const script = /src="(\/assets\/index-[^"]+\.js)"/.exec(page.body)?.[1];
    expect(script).toBeDefined();
    const raw = statSync(`${CLIENT_DIR}${script}`).size;

    const br = await app.inject({
      method: 'GET',
      url: script!,
      headers: { 'accept-encoding': 'gzip, deflate, br' },
    });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.rawPayload.length).toBeLessThan(raw / 3);

    const gz = await app.inject({
      method: 'GET',
      url: script!,
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.rawPayload.length).toBeLessThan(raw / 3);

    const plain = await app.inject({ method: 'GET', url: script! });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.rawPayload.length).toBe(raw);
  });

  it('answers every screen route with the page', async () => {
    for (const url of ['/', '/wall', '/replay']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
    }
  });

  it('serves a client built after it started, and says so until there is one', async () => {
    const dir = tempDir('client-later');
    const later = await buildApp({
      db,
      portModel: buildDemoPort(),
      ingestKey: 'client-app-test-key',
      version: 'test',
      clientDir: dir.path,
    });
    try {
      expect((await later.inject({ method: 'GET', url: '/wall' })).statusCode).toBe(503);
      mkdirSync(join(dir.path, 'assets'));
      writeFileSync(join(dir.path, 'index.html'), '<!doctype html><title>Quayside</title>');
      writeFileSync(join(dir.path, 'assets', 'index-new.js'), 'console.log(1);');
      expect((await later.inject({ method: 'GET', url: '/wall' })).statusCode).toBe(200);
      const asset = await later.inject({ method: 'GET', url: '/assets/index-new.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe('console.log(1);');
      // Not a page: an unknown API path stays a JSON 404.
      const api = await later.inject({ method: 'GET', url: '/api/v1/nothing' });
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ message: 'no route GET /api/v1/nothing' });
    } finally {
      await later.close();
      dir.remove();
    }
  });
});
