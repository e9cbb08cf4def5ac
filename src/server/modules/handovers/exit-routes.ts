import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { dueExits, exitCheck } from './exit-service';
import { exitCheckOut, exitsDueOut } from './schema';

export async function exitRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/exit-check', {
    schema: {
      tags: ['handover'],
      summary:
        'Übergang in die Regelorganisation: Fälligkeit nach der Höchstverweildauer und Vollständigkeits-Checkliste',
      params: idParams,
      response: { 200: exitCheckOut },
    },
    config: { access: { permission: 'handover:manage', personal: true } },
    handler: async (req) => exitCheck(ctx.db, authOf(req).actor, req.params.id, req.id),
  });

  r.get('/api/exits/due', {
    schema: {
      tags: ['handover'],
      summary:
        'Fälle, deren Höchstverweildauer im IP erreicht ist (oder in den nächsten Tagen erreicht wird)',
      querystring: z.object({ withinDays: z.coerce.number().int().min(0).max(365).default(30) }),
      response: { 200: exitsDueOut },
    },
    config: { access: { permission: 'handover:manage', personal: true } },
    handler: async (req) => dueExits(ctx.db, authOf(req).actor, req.query, req.id),
  });
}
