import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { DATA_CATEGORIES } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import type { AppContext } from '../../context';
import { badRequest, conflict, notFound } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams, isoDate, languageCode, pastDate, uuid } from '../common-schema';
import { authorizePerson } from '../persons/service';

export const CONSENT_PURPOSES = [
  'integration',
  'leistungsgewaehrung',
  'aufenthaltsrecht',
  'sprachkurs',
  'arbeitsvermittlung_arbeitgeber',
  'ehrenamtliche_begleitung',
  'jugendhilfe',
] as const;

const consentOut = z.object({
  id: z.string(),
  purpose: z.string(),
  recipientAgency: z.object({ id: z.string(), name: z.string() }),
  dataCategories: z.array(z.string()),
  givenOn: z.string(),
  withdrawnOn: z.string().nullable(),
  formLanguage: z.string(),
  scanRef: z.string().nullable(),
  active: z.boolean(),
});

export async function consentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const list = async (tenantId: string, personId: string) => {
    const rows = await ctx.db
      .selectFrom('consent as c')
      .innerJoin('agency as a', 'a.id', 'c.recipient_agency_id')
      .select([
        'c.id',
        'c.purpose',
        'c.data_categories',
        'c.given_on',
        'c.withdrawn_on',
        'c.form_language',
        'c.scan_ref',
        'a.id as agency_id',
        'a.name as agency_name',
      ])
      .where('c.tenant_id', '=', tenantId)
      .where('c.person_id', '=', personId)
      .orderBy('c.given_on', 'desc')
      .execute();
    const today = todayInGermany();
    return rows.map((c) => ({
      id: c.id,
      purpose: c.purpose,
      recipientAgency: { id: c.agency_id, name: c.agency_name },
      dataCategories: c.data_categories,
      givenOn: c.given_on,
      withdrawnOn: c.withdrawn_on,
      formLanguage: c.form_language,
      scanRef: c.scan_ref,
      active: c.given_on <= today && (c.withdrawn_on === null || c.withdrawn_on > today),
    }));
  };

  r.get('/api/persons/:id/consents', {
    schema: {
      tags: ['consent'],
      summary: 'Einwilligungen einer Person',
      params: idParams,
      response: { 200: z.array(consentOut) },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'read_consents', requestId: req.id });
      return list(actor.tenantId, req.params.id);
    },
  });

  r.post('/api/persons/:id/consents', {
    schema: {
      tags: ['consent'],
      summary: 'Einwilligung erfassen (Zweck, empfangende Stelle, Datenkategorien, Sprache des Formulars)',
      params: idParams,
      body: z.object({
        purpose: z.enum(CONSENT_PURPOSES),
        recipientAgencyId: uuid,
        dataCategories: z.array(z.enum(DATA_CATEGORIES)).min(1, 'mindestens eine Datenkategorie'),
        givenOn: pastDate,
        formLanguage: languageCode.default('de'),
        scanRef: z.string().max(300).optional(),
      }),
      response: { 201: z.array(consentOut) },
    },
    config: { access: { permission: 'consent:manage', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'add_consent', requestId: req.id });
      const agency = await ctx.db
        .selectFrom('agency')
        .select('id')
        .where('id', '=', req.body.recipientAgencyId)
        .where('tenant_id', '=', actor.tenantId)
        .executeTakeFirst();
      if (!agency)
        throw badRequest('Unbekannte Stelle', [
          { path: 'recipientAgencyId', message: 'Stelle gehört nicht zu dieser Region' },
        ]);
      await ctx.db.transaction().execute(async (tx) => {
        const c = await tx
          .insertInto('consent')
          .values({
            tenant_id: actor.tenantId,
            person_id: req.params.id,
            purpose: req.body.purpose,
            recipient_agency_id: req.body.recipientAgencyId,
            data_categories: req.body.dataCategories,
            given_on: req.body.givenOn,
            form_language: req.body.formLanguage,
            scan_ref: req.body.scanRef ?? null,
            recorded_by: actor.userId,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'consent',
            entityId: c.id,
            personId: req.params.id,
            consentId: c.id,
            legalBasis: 'Art. 7 DSGVO, § 67b SGB X',
          },
          req.id,
        );
      });
      return reply.code(201).send(await list(actor.tenantId, req.params.id));
    },
  });

  r.post('/api/persons/:id/consents/:consentId/withdraw', {
    schema: {
      tags: ['consent'],
      summary: 'Widerruf erfassen — wirkt ab dem angegebenen Tag sofort für alle Lesezugriffe',
      params: z.object({ id: uuid, consentId: uuid }),
      body: z.object({ withdrawnOn: isoDate.optional() }),
      response: { 200: z.array(consentOut) },
    },
    config: { access: { permission: 'consent:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'withdraw_consent', requestId: req.id });
      const day = req.body.withdrawnOn ?? todayInGermany();
      const c = await ctx.db
        .selectFrom('consent')
        .select(['id', 'given_on', 'withdrawn_on'])
        .where('id', '=', req.params.consentId)
        .where('person_id', '=', req.params.id)
        .where('tenant_id', '=', actor.tenantId)
        .executeTakeFirst();
      if (!c) throw notFound('Einwilligung');
      if (c.withdrawn_on) throw conflict(`Die Einwilligung wurde schon am ${c.withdrawn_on} widerrufen.`);
      if (day < c.given_on)
        throw badRequest('Widerruf vor Erteilung', [
          { path: 'withdrawnOn', message: 'liegt vor dem Tag der Einwilligung' },
        ]);
      await ctx.db.transaction().execute(async (tx) => {
        await tx.updateTable('consent').set({ withdrawn_on: day }).where('id', '=', c.id).execute();
        await writeAudit(
          tx,
          actor,
          {
            action: 'withdraw',
            entity: 'consent',
            entityId: c.id,
            personId: req.params.id,
            consentId: c.id,
            legalBasis: 'Art. 7 Abs. 3 DSGVO',
          },
          req.id,
        );
      });
      return list(actor.tenantId, req.params.id);
    },
  });
}
