import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { forecastOut, forecastQuery } from './forecast-schema';
import { regionForecast } from './forecast-service';

/** Issue 15: the forecast of arrivals and course demand, with its back-test (docs/statistics.md). */
export async function forecastRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/statistics/forecast', {
    schema: {
      tags: ['statistics'],
      summary:
        'Prognose der Zugänge und des Sprachkursbedarfs für 12 Monate (gedämpfter Trend nach Holt, Rückrechnung, Szenario) gegen die Plätze der Kurse',
      querystring: forecastQuery,
      response: { 200: forecastOut },
    },
    config: { access: { permission: 'reports:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const out = await regionForecast(ctx.db, actor.tenantId, req.query, { suppress: true });
      await writeAudit(
        ctx.db,
        actor,
        {
          action: 'statistics',
          entity: 'forecast',
          details: {
            from: out.from,
            factor: out.scenario.factor,
            annualArrivals: out.scenario.annualArrivals,
          },
        },
        req.id,
      );
      return out;
    },
  });
}
