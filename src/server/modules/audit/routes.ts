import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams, paging } from '../common-schema';
import {
  auditFilter,
  auditPage,
  auditPersonHits,
  auditPersonLookup,
  auditQuery,
  personTrail,
} from './schema';
import { exportAudit, lookupAuditPersons, personAuditTrail, searchAudit } from './service';

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Protokoll aller Zugriffe auf eine Person (Administration und Fallverantwortliche)',
      params: idParams,
      querystring: z.object(paging),
      response: { 200: personTrail },
    },
    config: { access: { personal: true } },
    handler: async (req) =>
      personAuditTrail(ctx.db, authOf(req).actor, { personId: req.params.id, ...req.query }, req.id),
  });

  // The log names persons: a refused look is itself logged (personal).
  const viewer = { access: { permission: 'audit:search' as const, personal: true } };

  r.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary:
        'Protokoll durchsuchen: wer hat Person X gelesen, was hat Benutzer Y getan (Datenschutzkontrolle)',
      querystring: auditQuery,
      response: { 200: auditPage },
    },
    config: viewer,
    handler: async (req) => searchAudit(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.get('/api/audit/export.csv', {
    schema: {
      tags: ['audit'],
      summary: 'Protokoll als CSV (deutsche Spalten, Datum und Uhrzeit deutsch, Vorgänge in Worten)',
      querystring: auditFilter,
      produces: ['text/csv'],
      response: { 200: z.string().describe('CSV') },
    },
    config: viewer,
    handler: async (req, reply) => {
      const csv = await exportAudit(ctx.db, authOf(req).actor, req.query, req.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="protokoll.csv"')
        .send(csv);
    },
  });

  r.get('/api/audit/persons', {
    schema: {
      tags: ['audit'],
      summary: 'Person für das Protokoll nach Namen finden (nur Name und Geburtsjahr)',
      querystring: auditPersonLookup,
      response: { 200: auditPersonHits },
    },
    config: viewer,
    handler: async (req) => lookupAuditPersons(ctx.db, authOf(req).actor, req.query.q, req.id),
  });
}
