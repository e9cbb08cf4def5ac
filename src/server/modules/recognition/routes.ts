import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { recognitionCreate, recognitionOut, recognitionUpdate } from './schema';
import { addRecognition, changeRecognition, recognitionsOf } from './service';

const TAG = ['recognition'];
const uuid = z.string().uuid('keine gültige ID');

export async function recognitionRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons/:id/recognitions', {
    schema: {
      tags: TAG,
      summary:
        'Anerkennungsverfahren einer Person mit Entscheidungsfrist (drei Monate nach vollständigen Unterlagen, BQFG)',
      params: z.object({ id: uuid }),
      response: { 200: z.array(recognitionOut) },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => recognitionsOf(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.post('/api/persons/:id/recognitions', {
    schema: {
      tags: TAG,
      summary: 'Anerkennungsverfahren erfassen',
      params: z.object({ id: uuid }),
      body: recognitionCreate,
      response: { 201: recognitionOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req, reply) =>
      reply
        .code(201)
        .send(await addRecognition(ctx.db, authOf(req).actor, req.params.id, req.body, req.id, req.log)),
  });
  r.patch('/api/persons/:id/recognitions/:recognitionId', {
    schema: {
      tags: TAG,
      summary:
        'Anerkennungsverfahren fortschreiben: Antrag, vollständig, Verlängerung, Entscheidung (mit Versionsnummer)',
      params: z.object({ id: uuid, recognitionId: uuid }),
      body: recognitionUpdate,
      response: { 200: recognitionOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req) =>
      changeRecognition(
        ctx.db,
        authOf(req).actor,
        req.params.id,
        req.params.recognitionId,
        req.body,
        req.id,
        req.log,
      ),
  });
}
