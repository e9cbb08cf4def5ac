import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { permitDeclaration, profileExtract } from './documents';
import { movePlacement, placementById, placementsOfPerson, placementsOfVacancy, propose } from './placements';
import { placementCreate, placementOut, placementUpdate } from './schema';

const TAG = ['work'];

/** The placement pipeline and its printed documents (issue 14). */
export async function placementRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/vacancies/:id/placements', {
    schema: {
      tags: TAG,
      summary: 'Vermittlungsvorschläge zu einer Stelle',
      params: idParams,
      response: { 200: z.array(placementOut) },
    },
    config: { access: { permission: 'work:read' } },
    handler: async (req) => placementsOfVacancy(ctx.db, authOf(req).actor, req.params.id),
  });
  r.post('/api/vacancies/:id/placements', {
    schema: {
      tags: TAG,
      summary: 'Eine Person für die Stelle vorschlagen (nur mit Einwilligung zur Weitergabe an Arbeitgeber)',
      params: idParams,
      body: placementCreate,
      response: { 201: placementOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await propose(ctx.db, authOf(req).actor, req.params.id, req.body, req.id)),
  });
  r.get('/api/persons/:id/placements', {
    schema: {
      tags: TAG,
      summary: 'Vermittlungen einer Person',
      params: idParams,
      response: { 200: z.array(placementOut) },
    },
    config: { access: { permission: 'work:read', personal: true } },
    handler: async (req) => placementsOfPerson(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.get('/api/placements/:id', {
    schema: {
      tags: TAG,
      summary: 'Ein Vermittlungsvorschlag',
      params: idParams,
      response: { 200: placementOut },
    },
    config: { access: { permission: 'work:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const p = await placementById(ctx.db, actor.tenantId, req.params.id);
      // Through the person's decision and audit like every output of a person's data.
      await placementsOfPerson(ctx.db, actor, p.personId, req.id);
      return p;
    },
  });
  r.patch('/api/placements/:id', {
    schema: {
      tags: TAG,
      summary:
        'Vermittlung fortschreiben: Kontakt, Gespräch, Probearbeit, Einstellung, Absage, Erlaubnisantrag (mit Versionsnummer)',
      params: idParams,
      body: placementUpdate,
      response: { 200: placementOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req) =>
      movePlacement(ctx.db, authOf(req).actor, req.params.id, req.body, req.id, req.log),
  });
  r.get('/api/placements/:id/permit-declaration', {
    schema: {
      tags: TAG,
      summary:
        'Erklärung zum Beschäftigungsverhältnis, vorausgefüllt aus Arbeitgeber, Stelle und Person (zum Drucken)',
      params: idParams,
      response: { 200: z.string().describe('HTML') },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await permitDeclaration(ctx.db, authOf(req).actor, req.params.id, req.id)),
  });
  r.get('/api/placements/:id/profile-extract', {
    schema: {
      tags: TAG,
      summary: 'Bewerberprofil für den Arbeitgeber (nur mit Einwilligung; die Weitergabe wird protokolliert)',
      params: idParams,
      response: { 200: z.string().describe('HTML') },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await profileExtract(ctx.db, authOf(req).actor, req.params.id, req.id)),
  });
}
