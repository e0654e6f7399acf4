// The OpenAPI description, generated from the route schemas, browsable at /api/docs
// (JSON at /api/docs/json). The UI's assets are served locally: nothing from the internet.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

export async function apiDocs(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Quayside',
        version,
        description:
          'Real-time port operations digital twin. Ingest routes need `Authorization: Bearer <ingest key>`. Times are ISO 8601 with a zone or epoch milliseconds, positions WGS84, speeds m/s unless a field name says knots.',
      },
      components: {
        securitySchemes: { ingestKey: { type: 'http', scheme: 'bearer' } },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
