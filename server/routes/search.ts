// Search and a container's story over HTTP: GET /api/v1/search?q= finds containers,
// vessels and machines; GET /api/v1/containers/:number tells one box's history.
import type { FastifyInstance, FastifyReply } from 'fastify';
import type pg from 'pg';
import Type from 'typebox';
import { ContainerHistory, SearchResult } from '../../protocol/history.ts';
import { containerNumberProblem } from '../../protocol/identifiers.ts';
import type { PortModel } from '../../protocol/port-model.ts';
import { placeCentres } from '../port-model/place-centres.ts';
import { containerHistory } from '../storage/container-history.ts';
import { search } from '../storage/search-rows.ts';

const MAX_QUERY_LENGTH = 64;
const Problem = Type.Object({
  statusCode: Type.Number(),
  error: Type.String(),
  message: Type.String(),
});

function problem(reply: FastifyReply, status: 400 | 404, message: string) {
  const error = status === 400 ? 'Bad Request' : 'Not Found';
  return reply.code(status).send({ statusCode: status, error, message });
}

export async function searchRoutes(
  app: FastifyInstance,
  deps: { pool: pg.Pool; portModel: PortModel },
): Promise<void> {
  const centres = placeCentres(deps.portModel);

  app.get(
    '/api/v1/search',
    {
      schema: {
        summary: 'Find containers (number or its first 4+ characters), vessels, equipment',
        description:
          'q: a container number or its start (any case, spaces ignored), a vessel name part, ' +
          'a 7-digit IMO, a 9-digit MMSI or the start of an equipment id; 1 to 64 characters. ' +
          'At most 20 hits, containers in the terminal first; each with where to fly to.',
        querystring: Type.Object({ q: Type.String() }),
        response: { 200: SearchResult, 400: Problem },
      },
    },
    async (request, reply) => {
      const query = (request.query as { q: string }).q.trim();
      if (query.length === 0 || query.length > MAX_QUERY_LENGTH)
        return problem(
          reply,
          400,
          `q must be 1 to ${MAX_QUERY_LENGTH} characters once surrounding spaces are removed ` +
            `(got ${query.length})`,
        );
      return { query, hits: await search(deps.pool, query, centres) };
    },
  );

  app.get(
    '/api/v1/containers/:number',
    {
      schema: {
        summary: "One container's history, whether it is in the terminal, its customs status",
        params: Type.Object({
          number: Type.String({ description: 'ISO 6346 container number (any case)' }),
        }),
        response: { 200: ContainerHistory, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const number = (request.params as { number: string }).number.trim().toUpperCase();
      const malformed = containerNumberProblem(number);
      if (malformed) return problem(reply, 400, malformed);
      const history = await containerHistory(deps.pool, number, centres);
      if (!history) return problem(reply, 404, `container ${number} has never been seen here`);
      return history;
    },
  );
}
