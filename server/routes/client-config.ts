// What the browser client needs to know about this installation before it draws anything:
// for now only the optional online base map (BASEMAP_STYLE_URL). Without it the reply is
// empty and the client fetches nothing beyond this server (air-gapped control rooms).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ClientConfig } from '../../protocol/client-config.ts';

export const clientConfigRoutes =
  (config: ClientConfig): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/api/v1/client-config',
      {
        schema: {
          summary: 'Settings of this installation that the browser client reads at start',
          response: { 200: ClientConfig },
        },
      },
      async (_request, reply) => reply.header('cache-control', 'no-cache').send(config),
    );
  };
