import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { decideReview, listReview, runReview } from './review';
import { reviewDecided, reviewDecision, reviewList, reviewQuery, reviewRun } from './review-schema';

/** The duplicate review queue (issue 12): run, list side by side, decide. Route → service (review.ts). */
export async function duplicateReviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/duplicates/review/run', {
    schema: {
      tags: ['persons'],
      summary:
        'Dublettenprüfung über alle Personen der Region starten (dieselbe Erkennung wie `lotse duplicates`); frischt die Vorschläge auf',
      response: { 200: reviewRun },
    },
    config: { access: { permission: 'person:merge' } },
    handler: async (req) => runReview(ctx.db, authOf(req).actor, req.id),
  });
  r.get('/api/duplicates/review', {
    schema: {
      tags: ['persons'],
      summary:
        'Offene Dublettenvorschläge nebeneinander, wahrscheinlichste zuerst (nur Paare, deren beide Personen man öffnen darf; protokolliert)',
      querystring: reviewQuery,
      response: { 200: reviewList },
    },
    config: { access: { permission: 'person:merge' } },
    handler: async (req) => listReview(ctx.db, authOf(req).actor, req.query.page, req.id),
  });
  r.post('/api/duplicates/review/:id/decision', {
    schema: {
      tags: ['persons'],
      summary:
        'Vorschlag entscheiden: zusammenführen (der gewählte Datensatz bleibt) oder „nicht dieselbe Person“ (wird nie wieder vorgeschlagen)',
      params: idParams,
      body: reviewDecision,
      response: { 200: reviewDecided },
    },
    config: { access: { permission: 'person:merge' } },
    handler: async (req) => decideReview(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });
}
