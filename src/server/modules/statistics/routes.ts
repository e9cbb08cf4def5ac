import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { statisticsOut, statisticsQuery } from './schema';
import { regionIndicators } from './service';

export async function statisticsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/statistics/indicators', {
    schema: {
      tags: ['statistics'],
      summary:
        'Kennzahlen der Region zu einem Stichtag (CONTRACTS §7): Fälle, Zu- und Abgänge, Sprachkurse, Deutschniveau, Übergaben; kleine Zellen (< 5 Personen) unterdrückt',
      querystring: statisticsQuery,
      response: { 200: statisticsOut },
    },
    config: { access: { permission: 'reports:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      // Aggregates over the whole region reach beyond the reader's own agency: small cells stay hidden.
      const out = await regionIndicators(ctx.db, actor.tenantId, req.query, { suppress: true });
      await writeAudit(
        ctx.db,
        actor,
        { action: 'statistics', entity: 'statistics', details: { asOf: out.asOf, filters: out.filters } },
        req.id,
      );
      return out;
    },
  });
}
