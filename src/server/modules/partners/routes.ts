import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { partnerBody, partnerOut, referralBody } from './schema';
import { createPartner, listPartners, referToPartner } from './service';

const TAG = ['partners'];

/** The partner network: organisations with services, languages, opening hours and contacts; referrals. */
export async function partnerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/partners', {
    schema: {
      tags: TAG,
      summary: 'Partnernetzwerk: Stellen mit Angeboten, Sprachen, Öffnungszeiten und Ansprechpersonen',
      querystring: z.object({
        language: z
          .string()
          .regex(/^[a-z]{2,3}$/, 'Sprachcode wie „ar“ erwartet')
          .optional(),
        q: z.string().trim().max(100).optional(),
      }),
      response: { 200: z.array(partnerOut) },
    },
    handler: async (req) => listPartners(ctx.db, authOf(req).actor.tenantId, req.query),
  });

  r.post('/api/partners', {
    schema: {
      tags: TAG,
      summary: 'Partnerstelle aufnehmen',
      body: partnerBody,
      response: { 201: partnerOut },
    },
    config: { access: { permission: 'measures:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await createPartner(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.post('/api/persons/:id/referrals', {
    schema: {
      tags: TAG,
      summary:
        'Person an eine Partnerstelle weiterleiten: als Übergabe (mit Einwilligung) an Stellen, die in Lotse arbeiten',
      params: z.object({ id: z.string().uuid('keine gültige ID') }),
      body: referralBody,
      response: { 201: z.object({ handoverId: z.string().uuid() }) },
    },
    config: { access: { permission: 'handover:manage', personal: true } },
    handler: async (req, reply) => {
      const handoverId = await referToPartner(ctx.db, authOf(req).actor, req.params.id, req.body, req.id);
      return reply.code(201).send({ handoverId });
    },
  });
}
