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
  r.get('/api/meta/offices', {
    schema: {
      tags: ['meta'],
      summary: 'Standorte des Integration Points: Hauptstelle und Außenstellen',
      response: {
        200: z.array(
          z.object({
            id: z.string(),
            name: z.string(),
            kind: z.enum(['main', 'satellite']),
            municipality: z.string(),
          }),
        ),
      },
    },
    handler: async (req) => {
      const tenantId = authOf(req).actor.tenantId;
      const rows = await ctx.db
        .selectFrom('office as o')
        .innerJoin('municipality as m', (j) =>
          j.onRef('m.id', '=', 'o.municipality_id').on('m.tenant_id', '=', tenantId),
        )
        .select(['o.id', 'o.name', 'o.kind', 'm.name as municipality'])
        .where('o.tenant_id', '=', tenantId)
        .execute();
      // The main office first, then the satellites by name.
      const collator = new Intl.Collator('de');
      return rows.sort((a, b) =>
        a.kind === b.kind ? collator.compare(a.name, b.name) : a.kind === 'main' ? -1 : 1,
      );
    },
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
