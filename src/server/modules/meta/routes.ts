import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';

export async function metaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/meta/agencies', {
    schema: {
      tags: ['meta'],
      summary: 'Stellen der Region',
      response: { 200: z.array(z.object({ id: z.string(), kind: z.string(), name: z.string() })) },
    },
    handler: async (req) =>
      ctx.db
        .selectFrom('agency')
        .select(['id', 'kind', 'name'])
        .where('tenant_id', '=', authOf(req).actor.tenantId)
        .orderBy('name')
        .execute(),
  });
  r.get('/api/meta/municipalities', {
    schema: {
      tags: ['meta'],
      summary: 'Kommunen der Region mit Koordinaten',
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            ags: z.string().nullable(),
            lat: z.number(),
            lon: z.number(),
          }),
        ),
      },
    },
    handler: async (req) =>
      ctx.db
        .selectFrom('municipality')
        .select(['id', 'name', 'ags', 'lat', 'lon'])
        .where('tenant_id', '=', authOf(req).actor.tenantId)
        .orderBy('name')
        .execute(),
  });
}
