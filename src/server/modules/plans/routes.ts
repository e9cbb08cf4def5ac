import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { compareOut, planOut, planSave, printQuery } from './schema';
import { comparePlanVersions, getPlan, planVersion, printPlan, savePlan } from './service';

const TAG = ['plans'];
const idParams = z.object({ id: z.string().uuid('keine gültige ID') });
const personal = (permission: 'person:read' | 'person:update') => ({
  access: { permission, personal: true },
});

export async function planRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/persons/:id/plan', {
    schema: {
      tags: TAG,
      summary:
        'Kooperationsplan einer Person (aktuelle Fassung und Liste aller Fassungen; null wenn noch keiner)',
      params: idParams,
      response: { 200: planOut.nullable() },
    },
    config: personal('person:read'),
    handler: async (req) => getPlan(ctx.db, authOf(req).actor, req.params.id, req.id),
  });

  r.put('/api/persons/:id/plan', {
    schema: {
      tags: TAG,
      summary:
        'Kooperationsplan speichern: eine neue Fassung (409, wenn inzwischen jemand anderes gespeichert hat)',
      params: idParams,
      body: planSave,
      response: { 200: planOut },
    },
    config: personal('person:update'),
    handler: async (req) => savePlan(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.get('/api/persons/:id/plan/versions/:version', {
    schema: {
      tags: TAG,
      summary: 'Eine frühere Fassung des Kooperationsplans',
      params: idParams.extend({ version: z.coerce.number().int().min(1) }),
      response: { 200: planOut },
    },
    config: personal('person:read'),
    handler: async (req) => planVersion(ctx.db, authOf(req).actor, req.params.id, req.params.version, req.id),
  });

  r.get('/api/persons/:id/plan/compare', {
    schema: {
      tags: TAG,
      summary: 'Zwei Fassungen vergleichen: hinzugekommen, entfallen, geändert',
      params: idParams,
      querystring: z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) }),
      response: { 200: compareOut },
    },
    config: personal('person:read'),
    handler: async (req) =>
      comparePlanVersions(ctx.db, authOf(req).actor, req.params.id, req.query.from, req.query.to, req.id),
  });

  r.get('/api/persons/:id/plan/print', {
    schema: {
      tags: TAG,
      summary:
        'Kooperationsplan zum Drucken: Deutsch und die Sprache der Person (en, ar, fa/Dari, uk, tr, ti), RTL, mit eingebetteten Schriften',
      params: idParams,
      querystring: printQuery,
      response: { 200: z.string().describe('HTML') },
    },
    config: personal('person:read'),
    handler: async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await printPlan(ctx.db, authOf(req).actor, req.params.id, req.query, req.id)),
  });
}
