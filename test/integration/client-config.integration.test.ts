// BASEMAP_STYLE_URL as the app serves it: the option reaches GET /api/v1/client-config,
// which the OpenAPI description lists; without it the reply names no online map.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { buildDemoPort } from '../../server/port-model/demo-port.ts';
import { embeddedEngine, type EngineUnderTest } from '../helpers/engines.ts';

const STYLE = 'https://tiles.example.com/styles/liberty/style.json';

describe('GET /api/v1/client-config from the app', () => {
  let engine: EngineUnderTest;
  let db: Database;

  beforeAll(async () => {
    engine = embeddedEngine();
    db = await engine.open();
  });
  afterAll(async () => {
    await db?.close();
    await engine?.dispose();
  });

  const appWith = (basemapStyleUrl: string | undefined) =>
    buildApp({
      db,
      portModel: buildDemoPort(),
      ingestKey: 'client-config-test-key',
      version: 'test',
      clientDir: '/nonexistent',
      basemapStyleUrl,
    });

  it('names the online base map it was given, and is described in OpenAPI', async () => {
    const app = await appWith(STYLE);
    try {
      const reply = await app.inject({ method: 'GET', url: '/api/v1/client-config' });
      expect(reply.statusCode).toBe(200);
      expect(reply.json()).toEqual({ basemapStyleUrl: STYLE });
      const doc = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
        paths: Record<string, unknown>;
      };
      expect(Object.keys(doc.paths)).toContain('/api/v1/client-config');
    } finally {
      await app.close();
    }
  });

  it('names none without BASEMAP_STYLE_URL', async () => {
    const app = await appWith(undefined);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/client-config' })).json()).toEqual(
        {},
      );
    } finally {
      await app.close();
    }
  });
});
