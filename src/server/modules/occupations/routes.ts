import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { searchOccupations } from '../../../domain/occupations';
import type { AppContext } from '../../context';
import { ESCO_NOTICE, occupationIndex } from './esco-index';
import { occupationQuery, occupationSearchOut } from './schema';

/** The occupation search for profiles, vacancies and matching: one index, loaded once per process. */
export async function occupationRoutes(app: FastifyInstance, _ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/occupations/search', {
    schema: {
      tags: ['occupations'],
      summary:
        'ESCO-Berufe zu einer Berufsbezeichnung (Tippfehler, weibliche Formen, ar/uk/en), beste zuerst',
      querystring: occupationQuery,
      response: { 200: occupationSearchOut },
    },
    // Reference data, no person data: every signed-in staff member may search (the session is required).
    handler: async (req) => ({
      items: searchOccupations(occupationIndex(), req.query.q, {
        lang: req.query.lang,
        limit: req.query.limit,
      }),
      notice: ESCO_NOTICE,
    }),
  });
}
