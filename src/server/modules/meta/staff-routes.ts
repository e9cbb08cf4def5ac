import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { uuid } from '../common-schema';

/**
 * Staff of one agency of the region, for choosing the receiving advisor of a handover. Read-only and
 * minimal (name, id, role): no e-mail, no team, no disabled accounts. Any logged-in user of the tenant.
 */
export async function metaStaffRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/meta/staff', {
    schema: {
      tags: ['meta'],
      summary: 'Aktive Mitarbeitende einer Stelle der Region (für Übergaben an eine bestimmte Fachkraft)',
      querystring: z.object({ agencyId: uuid }),
      response: {
        200: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })),
      },
    },
    handler: async (req) => {
      const { actor } = authOf(req);
      const rows = await ctx.db
        .selectFrom('app_user as u')
        .innerJoin('agency as a', 'a.id', 'u.agency_id')
        .select(['u.id', 'u.display_name', 'u.role'])
        .where('a.tenant_id', '=', actor.tenantId)
        .where('u.tenant_id', '=', actor.tenantId)
        .where('u.agency_id', '=', req.query.agencyId)
        .where('u.disabled_at', 'is', null)
        .where('u.role', '!=', 'admin')
        .execute();
      // No German ICU collation in PGlite: sort by name here.
      const collator = new Intl.Collator('de');
      return rows
        .map((u) => ({ id: u.id, name: u.display_name, role: u.role }))
        .sort((a, b) => collator.compare(a.name, b.name));
    },
  });
}
