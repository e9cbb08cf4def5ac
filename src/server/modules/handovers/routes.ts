import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { HANDOVER_ACTIONS, HANDOVER_STATES } from '../../../domain/handover/state-machine';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams, uuid } from '../common-schema';
import { authorizePerson } from '../persons/service';
import { handoverOut, handoverRequestBody } from './schema';
import { actOnHandover, getHandover, handoverQuery, present, requestHandover } from './service';

export async function handoverRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const access = { access: { permission: 'handover:manage' as const, personal: true } };

  r.post('/api/persons/:id/handovers', {
    schema: {
      tags: ['handover'],
      summary:
        'Übergabe oder Weiterleitung an eine andere Stelle anfragen (Übergabebogen wird aus der Akte gefüllt)',
      params: idParams,
      body: handoverRequestBody,
      response: { 201: handoverOut },
    },
    config: access,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const id = await requestHandover(ctx.db, actor, req.params.id, req.body, req.id);
      return reply.code(201).send(await getHandover(ctx.db, actor, id));
    },
  });

  r.get('/api/handovers', {
    schema: {
      tags: ['handover'],
      summary: 'Übergaben der eigenen Stelle: Eingang (an uns) oder Ausgang (von uns)',
      querystring: z.object({
        box: z.enum(['inbox', 'outbox']).default('inbox'),
        state: z.enum(HANDOVER_STATES).optional(),
      }),
      response: { 200: z.object({ items: z.array(handoverOut) }) },
    },
    config: access,
    handler: async (req) => {
      const { actor } = authOf(req);
      let q = handoverQuery(ctx.db, actor.tenantId).where(
        req.query.box === 'inbox' ? 'h.to_agency_id' : 'h.from_agency_id',
        '=',
        actor.agencyId,
      );
      if (req.query.state) q = q.where('h.state', '=', req.query.state);
      const rows = await q.orderBy('h.created_at', 'desc').limit(200).execute();
      await writeAudit(
        ctx.db,
        actor,
        { action: 'search', entity: 'handover', details: { box: req.query.box, results: rows.length } },
        req.id,
      );
      return { items: rows.map(present) };
    },
  });

  r.get('/api/persons/:id/handovers', {
    schema: {
      tags: ['handover'],
      summary: 'Alle Übergaben und Weiterleitungen einer Person, neueste zuerst (Verlauf der Akte)',
      params: idParams,
      response: { 200: z.object({ items: z.array(handoverOut) }) },
    },
    config: access,
    handler: async (req) => {
      const { actor } = authOf(req);
      // Authorised and audited like every read of the person: the history belongs to the case.
      await authorizePerson(ctx.db, actor, req.params.id, { action: 'read_handovers', requestId: req.id });
      const rows = await handoverQuery(ctx.db, actor.tenantId)
        .where('h.person_id', '=', req.params.id)
        .orderBy('h.created_at', 'desc')
        .execute();
      return { items: rows.map(present) };
    },
  });

  r.post('/api/handovers/:id/:action', {
    schema: {
      tags: ['handover'],
      summary: 'Übergabe annehmen, ablehnen, abschließen oder zurückziehen',
      params: z.object({ id: uuid, action: z.enum(HANDOVER_ACTIONS) }),
      body: z.object({
        reason: z.string().trim().max(2000).optional(),
        version: z.number().int().positive(),
      }),
      response: { 200: handoverOut },
    },
    config: access,
    handler: async (req) =>
      actOnHandover(ctx.db, authOf(req).actor, req.params.id, req.params.action, req.body, req.id),
  });
}
