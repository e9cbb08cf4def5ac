import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams, uuid } from '../common-schema';
import { changeEvent, createEvent, eventById, invite, listEvents, recordGuest } from './events';
import { eventCreate, eventGuestCreate, eventGuestUpdate, eventUpdate, workEventOut } from './schema';

const TAG = ['work'];

/** Job fairs and information events with their guests (issue 14). */
export async function eventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/work-events', {
    schema: {
      tags: TAG,
      summary: 'Jobmessen und Informationsveranstaltungen',
      response: { 200: z.array(workEventOut) },
    },
    config: { access: { permission: 'work:read' } },
    handler: async (req) => listEvents(ctx.db, authOf(req).actor),
  });
  r.get('/api/work-events/:id', {
    schema: {
      tags: TAG,
      summary: 'Eine Veranstaltung mit Gästen',
      params: idParams,
      response: { 200: workEventOut },
    },
    config: { access: { permission: 'work:read' } },
    handler: async (req) => eventById(ctx.db, authOf(req).actor, req.params.id),
  });
  r.post('/api/work-events', {
    schema: {
      tags: TAG,
      summary: 'Veranstaltung anlegen',
      body: eventCreate,
      response: { 201: workEventOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await createEvent(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.patch('/api/work-events/:id', {
    schema: {
      tags: TAG,
      summary: 'Veranstaltung ändern (mit Versionsnummer)',
      params: idParams,
      body: eventUpdate,
      response: { 200: workEventOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req) => changeEvent(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });
  r.post('/api/work-events/:id/guests', {
    schema: {
      tags: TAG,
      summary: 'Person oder Arbeitgeber einladen',
      params: idParams,
      body: eventGuestCreate,
      response: { 201: workEventOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await invite(ctx.db, authOf(req).actor, req.params.id, req.body, req.id)),
  });
  r.post('/api/work-events/:id/guests/:guestId/attendance', {
    schema: {
      tags: TAG,
      summary:
        'Teilnahme und Nachbereitung eines Gastes festhalten (ein gesendetes Feld ändert nur dieses Feld)',
      params: z.object({ id: uuid, guestId: uuid }),
      body: eventGuestUpdate,
      response: { 200: workEventOut },
    },
    config: { access: { permission: 'work:manage' } },
    handler: async (req) =>
      recordGuest(ctx.db, authOf(req).actor, req.params.id, req.params.guestId, req.body, req.id),
  });
}
