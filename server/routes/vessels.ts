import type { FastifyInstance } from 'fastify';
import type pg from 'pg';
import { VesselList } from '../../protocol/vessel.ts';
import { listVessels } from '../storage/vessel-rows.ts';

export async function vesselRoutes(app: FastifyInstance, pool: pg.Pool): Promise<void> {
  app.get(
    '/api/v1/vessels',
    {
      schema: {
        summary: 'Vessels known from AIS and events, with their last position',
        response: { 200: VesselList },
      },
    },
    async () => ({ vessels: await listVessels(pool) }),
  );
}
