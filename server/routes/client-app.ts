// Serves the built client (dist/client). Page routes such as /wall and /replay get
// index.html; unknown /api paths stay JSON 404s.
import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_PAGES = /^\/(api|live|socket\.io|metrics)(\/|$)/;

export async function clientAppRoutes(app: FastifyInstance, clientDir: string): Promise<void> {
  // Files are looked up as they are asked for (wildcard), not listed once at start: a
  // client built again while the server runs is served whole, never half old, half new.
  // The build writes .br and .gz beside each asset; they go out as they are.
  await app.register(fastifyStatic, { root: clientDir, wildcard: true, preCompressed: true });
  app.setNotFoundHandler(async (request, reply) => {
    if (request.method === 'GET' && !NOT_PAGES.test(request.url)) {
      if (existsSync(`${clientDir}/index.html`))
        return reply.type('text/html').sendFile('index.html');
      return reply
        .code(503)
        .type('text/plain')
        .send('The client is not built yet: run `npm run build` (npm start does it for you).');
    }
    return reply.code(404).send({
      statusCode: 404,
      error: 'Not Found',
      message: `no route ${request.method} ${request.url}`,
    });
  });
}
