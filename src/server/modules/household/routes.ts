import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ageInYears, todayInGermany } from '../../../domain/reference/dates';
import type { AppContext } from '../../context';
import { forbidden, notFound } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { pastDate, uuid } from '../common-schema';
import { personOut } from '../persons/schema';
import { authorizePerson, readPerson } from '../persons/service';

/** Children under school age need childcare for a course (the planning of Eltern-/Frauenkurse depends on it). */
const CHILDCARE_BELOW_YEARS = 6;

export async function householdRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/persons/:id/household', {
    schema: {
      tags: ['household'],
      summary: 'Haushaltsmitglied hinzufügen (Kinder unter 6 Jahren: Kinderbetreuung nötig)',
      params: z.object({ id: uuid }),
      body: z.object({
        relation: z.enum(['partner', 'child', 'parent', 'sibling', 'other']),
        givenNames: z.string().trim().min(1).max(200),
        familyName: z.string().trim().max(200).optional(),
        birthDate: pastDate.optional(),
        memberPersonId: uuid.optional(),
        needsChildcare: z.boolean().optional(),
      }),
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
      const b = req.body;
      const needsChildcare =
        b.needsChildcare ??
        (b.relation === 'child' &&
          b.birthDate !== undefined &&
          ageInYears(b.birthDate, todayInGermany()) < CHILDCARE_BELOW_YEARS);
      await ctx.db.transaction().execute(async (tx) => {
        const m = await tx
          .insertInto('household_member')
          .values({
            tenant_id: actor.tenantId,
            person_id: req.params.id,
            relation: b.relation,
            given_names: b.givenNames,
            family_name: b.familyName ?? null,
            birth_date: b.birthDate ?? null,
            member_person_id: b.memberPersonId ?? null,
            needs_childcare: needsChildcare,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'household_member',
            entityId: m.id,
            personId: req.params.id,
            legalBasis: decision.basis,
          },
          req.id,
        );
      });
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
      const res = await ctx.db
        .deleteFrom('household_member')
        .where('id', '=', req.params.memberId)
        .where('person_id', '=', req.params.id)
        .where('tenant_id', '=', actor.tenantId)
        .executeTakeFirst();
      if (Number(res.numDeletedRows) === 0) throw notFound('Haushaltsmitglied');
      await writeAudit(
        ctx.db,
        actor,
        {
          action: 'delete',
          entity: 'household_member',
          entityId: req.params.memberId,
          personId: req.params.id,
          legalBasis: decision.basis,
        },
        req.id,
      );
      return readPerson(ctx.db, actor, req.params.id, req.id);
    },
  });
}
