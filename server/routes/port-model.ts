import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PortModel } from '../../protocol/port-model.ts';

export const portModelRoutes =
  (portModel: PortModel): FastifyPluginAsyncTypebox =>
  async (app) => {
    const body = JSON.stringify(portModel);
    app.get('/api/v1/port', async (_request, reply) =>
      reply.type('application/geo+json').header('cache-control', 'no-cache').send(body),
    );
  };
