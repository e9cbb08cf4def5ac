import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { residenceStatusBody, residenceStatusOut } from './schema';
import { recordResidenceStatus } from './service';

export async function residenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post('/api/persons/:id/residence-status', {
    schema: {
      tags: ['residence'],
      summary:
        'Neuen Aufenthaltsstatus erfassen (der Verlauf bleibt); löst bei Wechsel in SGB II die Übergabe an das Jobcenter aus',
      params: idParams,
      body: residenceStatusBody,
      response: { 201: residenceStatusOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req, reply) => {
      const answer = await recordResidenceStatus(
        ctx.db,
        authOf(req).actor,
        { personId: req.params.id, status: req.body },
        { requestId: req.id, log: req.log },
      );
      return reply.code(201).send(answer);
    },
  });
}
