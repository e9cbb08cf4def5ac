import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { visibleConsents } from '../../../domain/access/person-access';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { authorizePerson } from '../persons/service';
import { consentCreate, consentOut, consentParams, consentWithdraw } from './schema';
import { addConsent, listConsents, withdrawConsent } from './service';

export async function consentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

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
      const { decision } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'read_consents',
        requestId: req.id,
      });
      // A partner sees its own agency's consents only, never another agency's (health) consent.
      const all = await listConsents(ctx.db, actor.tenantId, req.params.id);
      const shown = new Set(
        visibleConsents(
          actor,
          decision,
          all.map((c) => ({ id: c.id, recipientAgencyId: c.recipientAgency.id })),
        ).map((c) => c.id),
      );
      return all.filter((c) => shown.has(c.id));
    },
  });

  r.post('/api/persons/:id/consents', {
    schema: {
      tags: ['consent'],
      summary: 'Einwilligung erfassen (Zweck, empfangende Stelle, Datenkategorien, Sprache des Formulars)',
      params: idParams,
      body: consentCreate,
      response: { 201: z.array(consentOut) },
    },
    config: { access: { permission: 'consent:manage', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'add_consent', requestId: req.id });
      await addConsent(ctx.db, actor, req.params.id, req.body, req.id);
      return reply.code(201).send(await listConsents(ctx.db, actor.tenantId, req.params.id));
    },
  });

  r.post('/api/persons/:id/consents/:consentId/withdraw', {
    schema: {
      tags: ['consent'],
      summary:
        'Widerruf erfassen — wirkt ab dem angegebenen Tag sofort für alle Lesezugriffe (409, wenn schon widerrufen)',
      params: consentParams,
      body: consentWithdraw,
      response: { 200: z.array(consentOut) },
    },
    config: { access: { permission: 'consent:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'withdraw_consent', requestId: req.id });
      await withdrawConsent(ctx.db, actor, req.params.id, req.params.consentId, req.body.withdrawnOn, req.id);
      return listConsents(ctx.db, actor.tenantId, req.params.id);
    },
  });
}
