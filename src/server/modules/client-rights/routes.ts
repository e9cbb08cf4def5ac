import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { uuid } from '../common-schema';
import { authorizePerson } from '../persons/service';
import { collectPersonData } from './collect';
import { documentContext } from './document/context';
import { renderExportDocument } from './document/render';
import { executeRetention, retentionReport } from './retention';
import { EXPORT_LANGUAGES, personExportAnswer, retentionReportOut } from './schema';

export async function clientRightsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/export', {
    schema: {
      tags: ['client-rights'],
      summary:
        'Auskunft nach Art. 15 DSGVO: alle Daten einer Person als JSON oder druckbares HTML (in der Sprache der Person)',
      params: z.object({ id: uuid }),
      querystring: z.object({
        format: z.enum(['json', 'html']).default('json'),
        lang: z.enum(EXPORT_LANGUAGES).default('de'),
      }),
      response: { 200: personExportAnswer },
    },
    config: { access: { permission: 'person:export', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'export',
        requestId: req.id,
        details: { format: req.query.format },
      });
      const data = await collectPersonData(ctx.db, actor.tenantId, req.params.id);
      if (req.query.format === 'html') {
        const doc = await documentContext(ctx.db, actor.tenantId, data);
        return reply.type('text/html; charset=utf-8').send(renderExportDocument(data, doc, req.query.lang));
      }
      return reply
        .header('content-disposition', `attachment; filename="auskunft-${req.params.id}.json"`)
        .send(data);
    },
  });

  r.get('/api/admin/retention', {
    schema: {
      tags: ['client-rights'],
      summary: 'Löschlauf als Probelauf: abgeschlossene Fälle nach Ablauf der Aufbewahrungsfrist',
      response: { 200: retentionReportOut },
    },
    config: { access: { permission: 'user:admin', personal: true } },
    handler: async (req) => ({ items: await retentionReport(ctx.db, authOf(req).actor.tenantId) }),
  });

  r.post('/api/admin/retention/execute', {
    schema: {
      tags: ['client-rights'],
      summary: 'Löschlauf ausführen für die im Probelauf geprüften Fälle',
      body: z.object({ ids: z.array(uuid).min(1).max(100_000) }),
      response: { 200: z.object({ deleted: z.number().int() }) },
    },
    config: { access: { permission: 'user:admin', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return { deleted: await executeRetention(ctx.db, actor, actor.tenantId, req.body.ids, req.id) };
    },
  });
}
