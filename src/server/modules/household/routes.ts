import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { uuid } from '../common-schema';
import { personOut } from '../persons/schema';
import { authorizePerson, readPerson } from '../persons/service';
import { householdMemberBody } from './schema';
import { addHouseholdMember, removeHouseholdMember } from './service';

export async function householdRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/persons/:id/household', {
    schema: {
      tags: ['household'],
      summary: 'Haushaltsmitglied hinzufügen (Kinder unter 6 Jahren: Kinderbetreuung nötig)',
      params: z.object({ id: uuid }),
      body: householdMemberBody,
      response: { 201: personOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const { decision } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'add_household_member',
        requestId: req.id,
      });
      if (!decision.categories.includes('household')) throw forbidden();
      await addHouseholdMember(ctx.db, actor, req.params.id, req.body, decision, req.id);
      return reply.code(201).send(await readPerson(ctx.db, actor, req.params.id, req.id));
    },
  });

  r.delete('/api/persons/:id/household/:memberId', {
    schema: {
      tags: ['household'],
      summary: 'Haushaltsmitglied entfernen',
      params: z.object({ id: uuid, memberId: uuid }),
      response: { 200: personOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { decision } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'remove_household_member',
        requestId: req.id,
      });
      await removeHouseholdMember(ctx.db, actor, req.params.id, req.params.memberId, decision, req.id);
      return readPerson(ctx.db, actor, req.params.id, req.id);
    },
  });
}
