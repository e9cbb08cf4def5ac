import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { uuid } from '../common-schema';
import { staffOut } from './schema';
import { listStaff } from './service';

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
        200: z.array(staffOut),
      },
    },
    handler: async (req) =>
      listStaff(ctx.db, { tenantId: authOf(req).actor.tenantId, agencyId: req.query.agencyId }),
  });
}
