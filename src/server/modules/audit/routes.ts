import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { idParams, paging } from '../common-schema';
import { writeAudit } from './audit-writer';
import { auditFilter, auditPage, auditPersonHits, auditPersonLookup, auditQuery } from './schema';
import { exportAudit, lookupAuditPersons, searchAudit } from './service';

const auditRow = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string().nullable(),
  agency: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  legalBasis: z.string().nullable(),
  purpose: z.string().nullable(),
});

export async function auditRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Protokoll aller Zugriffe auf eine Person (Administration und Fallverantwortliche)',
      params: idParams,
      querystring: z.object(paging),
      response: { 200: z.object({ items: z.array(auditRow) }) },
    },
    config: { access: { personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const person = await ctx.db
        .selectFrom('person')
        .select(['owner_user_id'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', req.params.id)
        .executeTakeFirst();
      if (!person) throw notFound('Person');
      // The trail itself says who looked at a person: only admins and the case owner may see it.
      if (actor.role !== 'admin' && person.owner_user_id !== actor.userId) {
        await writeAudit(
          ctx.db,
          actor,
          {
            action: 'read_audit',
            entity: 'person',
            entityId: req.params.id,
            personId: req.params.id,
            outcome: 'denied',
          },
          req.id,
        );
        throw forbidden('Das Protokoll sehen nur die Administration und die fallverantwortliche Fachkraft.');
      }
      const rows = await ctx.db
        .selectFrom('audit_log as l')
        .leftJoin('app_user as u', 'u.id', 'l.user_id')
        .leftJoin('agency as a', 'a.id', 'l.agency_id')
        .select([
          'l.id',
          'l.at',
          'u.display_name',
          'a.name as agency_name',
          'l.role',
          'l.action',
          'l.outcome',
          'l.legal_basis',
          'l.purpose',
        ])
        .where('l.tenant_id', '=', actor.tenantId)
        .where('l.person_id', '=', req.params.id)
        .orderBy('l.at', 'desc')
        .orderBy('l.id', 'desc')
        .limit(req.query.limit)
        .offset(req.query.offset)
        .execute();
      await writeAudit(
        ctx.db,
        actor,
        { action: 'read_audit', entity: 'person', entityId: req.params.id, personId: req.params.id },
        req.id,
      );
      return {
        items: rows.map((x) => ({
          id: x.id,
          at: new Date(x.at).toISOString(),
          user: x.display_name,
          agency: x.agency_name,
          role: x.role,
          action: x.action,
          outcome: x.outcome,
          legalBasis: x.legal_basis,
          purpose: x.purpose,
        })),
      };
    },
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
