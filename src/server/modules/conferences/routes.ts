import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { taskOut } from '../tasks/schema';
import { actionBody, conferenceBody, conferenceOut, conferenceSummary, itemUpdate } from './schema';
import { agreeAction, conferenceFor, createConference, listConferences, recordMinutes } from './service';

const TAG = ['conferences'];
const uuid = z.string().uuid('keine gültige ID');
const access = { access: { permission: 'person:read' as const, personal: true } };

export async function conferenceRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/conferences', {
    schema: {
      tags: TAG,
      summary: 'Fallbesprechungen, an denen die eigene Stelle teilnimmt',
      response: { 200: z.array(conferenceSummary) },
    },
    config: { access: { permission: 'person:read' as const } },
    handler: async (req) => listConferences(ctx.db, authOf(req).actor),
  });
  r.post('/api/conferences', {
    schema: {
      tags: TAG,
      summary: 'Fallbesprechung mit Stellen und Fällen anlegen',
      body: conferenceBody,
      response: { 201: conferenceOut },
    },
    config: access,
    handler: async (req, reply) =>
      reply.code(201).send(await createConference(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.get('/api/conferences/:id', {
    schema: {
      tags: TAG,
      summary: 'Eine Fallbesprechung: jeder Fall nur so weit, wie die eigene Stelle die Person sehen darf',
      params: z.object({ id: uuid }),
      response: { 200: conferenceOut },
    },
    config: access,
    handler: async (req) => conferenceFor(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.patch('/api/conferences/:id/items/:itemId', {
    schema: {
      tags: TAG,
      summary: 'Protokoll zu einem Fall (mit Versionsnummer)',
      params: z.object({ id: uuid, itemId: uuid }),
      body: itemUpdate,
      response: { 200: conferenceOut },
    },
    config: access,
    handler: async (req) =>
      recordMinutes(ctx.db, authOf(req).actor, req.params.id, req.params.itemId, req.body, req.id),
  });
  r.post('/api/conferences/:id/items/:itemId/actions', {
    schema: {
      tags: TAG,
      summary: 'Vereinbarte Maßnahme zu einem Fall: wird eine Aufgabe',
      params: z.object({ id: uuid, itemId: uuid }),
      body: actionBody,
      response: { 201: taskOut },
    },
    config: access,
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(
          await agreeAction(ctx.db, authOf(req).actor, req.params.id, req.params.itemId, req.body, req.id),
        ),
  });
}
