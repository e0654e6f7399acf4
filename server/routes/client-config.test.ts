import Fastify from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { describe, expect, it } from 'vitest';
import type { ClientConfig } from '../../protocol/client-config.ts';
import { clientConfigRoutes } from './client-config.ts';

async function get(config: ClientConfig, url = '/api/v1/client-config') {
  const app = Fastify().withTypeProvider<TypeBoxTypeProvider>();
  await app.register(clientConfigRoutes(config));
  try {
    return await app.inject({ method: 'GET', url });
  } finally {
    await app.close();
  }
}

describe('GET /api/v1/client-config', () => {
  it('is empty without an online base map', async () => {
    const reply = await get({ basemapStyleUrl: undefined });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toEqual({});
    expect(reply.headers['cache-control']).toBe('no-cache');
  });

  it('names the online base map style when one is configured', async () => {
    const basemapStyleUrl = 'https://tiles.example.com/styles/liberty/style.json';
    const reply = await get({ basemapStyleUrl });
    expect(reply.json()).toEqual({ basemapStyleUrl });
  });

  it('sends nothing it was not given to send', async () => {
    const config = { basemapStyleUrl: 'https://x.example/style.json', secret: 'no' };
    expect((await get(config)).json()).toEqual({ basemapStyleUrl: 'https://x.example/style.json' });
  });
});
