import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { CourseTypeInfo } from '../../../../domain/language';
import type { AppContext } from '../../../context';
import { authOf } from '../../../plugins/access-hook';
import { idParams } from '../../common-schema';
import { classList, saveClassList } from './attendance';
import { attendanceDayQuery, attendanceSave, classListOut } from './schema';

/** The class list of a lesson day: read it, save it for the whole class in one request. */
export async function attendanceRoutes(
  app: FastifyInstance,
  ctx: AppContext,
  types: (tenantId: string) => Promise<readonly CourseTypeInfo[]>,
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/courses/:id/attendance', {
    schema: {
      tags: ['language'],
      summary:
        'Anwesenheitsliste eines Kurstags: alle Teilnehmenden mit dem erfassten Stand (protokolliert je Person)',
      params: idParams,
      querystring: attendanceDayQuery,
      response: { 200: classListOut },
    },
    config: { access: { permission: 'courses:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return classList(ctx.db, actor, req.params.id, req.query.day, await types(actor.tenantId), req.id);
    },
  });
  r.put('/api/courses/:id/attendance', {
    schema: {
      tags: ['language'],
      summary: 'Anwesenheit eines Kurstags für die ganze Klasse speichern (alles oder nichts)',
      params: idParams,
      body: attendanceSave,
      response: { 200: classListOut },
    },
    config: { access: { permission: 'courses:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return saveClassList(ctx.db, actor, req.params.id, req.body, await types(actor.tenantId), req.id);
    },
  });
}
