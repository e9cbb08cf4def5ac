import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { agencyOut, municipalityOut, officeOut } from './schema';
import { listAgencies, listMunicipalities, listOffices } from './service';

export async function metaRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/meta/agencies', {
    schema: {
      tags: ['meta'],
      summary: 'Stellen der Region',
      response: { 200: z.array(agencyOut) },
    },
    handler: async (req) => listAgencies(ctx.db, authOf(req).actor.tenantId),
  });
  r.get('/api/meta/offices', {
    schema: {
      tags: ['meta'],
      summary: 'Standorte des Integration Points: Hauptstelle und Außenstellen',
      response: {
        200: z.array(officeOut),
      },
    },
    handler: async (req) => listOffices(ctx.db, authOf(req).actor.tenantId),
  });
  r.get('/api/meta/municipalities', {
    schema: {
      tags: ['meta'],
      summary: 'Kommunen der Region mit Koordinaten',
      response: {
        200: z.array(municipalityOut),
      },
    },
    handler: async (req) => listMunicipalities(ctx.db, authOf(req).actor.tenantId),
  });
}
