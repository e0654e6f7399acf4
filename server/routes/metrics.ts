import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../metrics.ts';

export async function metricsRoutes(app: FastifyInstance, metrics: Metrics): Promise<void> {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) =>
    reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
