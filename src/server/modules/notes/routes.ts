import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { noteBody, noteOut } from './schema';
import { addNote, notesOf } from './service';

const params = z.object({ id: z.string().uuid('keine gültige ID') });

export async function noteRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/notes', {
    schema: {
      tags: ['notes'],
      summary:
        'Fallnotizen: die der eigenen Stelle und geteilte anderer Stellen (nur mit Zugriff auf das Profil)',
      params,
      response: { 200: z.array(noteOut) },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => notesOf(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.post('/api/persons/:id/notes', {
    schema: {
      tags: ['notes'],
      summary: 'Fallnotiz schreiben',
      params,
      body: noteBody,
      response: { 201: noteOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req, reply) =>
      reply.code(201).send(await addNote(ctx.db, authOf(req).actor, req.params.id, req.body, req.id)),
  });
}
