import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../../context';
import { authOf } from '../../../plugins/access-hook';
import { planningOut, planningQuery, progressOut, progressQuery, waitlistOut, waitlistQuery } from './schema';
import { coursePlanning, levelProgress, regionWaitlist } from './service';

const TAG = ['language: steering'];

/** Waitlist of the region, demand-versus-seats planning, level progress and the follow-up tasks. */
export async function languageOverviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/waitlist', {
    schema: {
      tags: TAG,
      summary: 'Warteliste der Region (älteste zuerst), mit aktuellem Niveau und Wartetagen',
      querystring: waitlistQuery,
      response: { 200: waitlistOut },
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req) => regionWaitlist(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.get('/api/language/planning', {
    schema: {
      tags: TAG,
      summary:
        'Bedarf gegen Plätze je Kommune × Kursart × Monat (Grundlage der Kursplanung mit den Trägern; nur Zahlen)',
      querystring: planningQuery,
      response: { 200: planningOut },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => coursePlanning(ctx.db, authOf(req).actor, req.query),
  });

  r.get('/api/language/progress', {
    schema: {
      tags: TAG,
      summary:
        'Erreichte Sprachniveaus je Kohorte (Jahr des IP-Eintritts), Kommune, Staatsangehörigkeit oder Geschlecht; Anteil B2 (Ziel > 50 %) und Verlauf',
      querystring: progressQuery,
      response: { 200: progressOut },
    },
    config: { access: { permission: 'reports:read' } },
    handler: async (req) => levelProgress(ctx.db, authOf(req).actor, req.query),
  });
}
