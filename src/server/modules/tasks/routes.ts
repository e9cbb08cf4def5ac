import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { notFound } from '../../http/errors';
import { jobState } from '../../jobs/queue';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { createTaskBody, inboxOut, inboxQuery, syncOut, taskOut, updateTaskBody } from './schema';
import { changeTask, createTask, inbox } from './service';
import { DEADLINE_SYNC_JOB, regionDeadlinesChanged } from './triggers';

const TAG = ['tasks'];
const idParams = z.object({ id: z.string().uuid('keine gültige ID') });

export async function taskRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/tasks', {
    schema: {
      tags: TAG,
      summary:
        'Aufgaben: eigener oder Team-Eingang (überfällig, heute, bald, später, erledigt) oder die einer Person',
      querystring: inboxQuery,
      response: { 200: inboxOut },
    },
    config: { access: { personal: true } },
    handler: async (req) => inbox(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.post('/api/tasks', {
    schema: { tags: TAG, summary: 'Aufgabe anlegen', body: createTaskBody, response: { 200: taskOut } },
    config: { access: { personal: true } },
    handler: async (req) => createTask(ctx.db, authOf(req).actor, req.body, req.id),
  });

  r.patch('/api/tasks/:id', {
    schema: {
      tags: TAG,
      summary: 'Aufgabe ändern, erledigen, wieder öffnen oder weitergeben (mit Versionsnummer)',
      params: idParams,
      body: updateTaskBody,
      response: { 200: taskOut },
    },
    config: { access: { personal: true } },
    handler: async (req) => changeTask(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.post('/api/tasks/deadlines/sync', {
    schema: {
      tags: TAG,
      summary:
        'Fristen aller Personen neu berechnen (nach einer Rechtsänderung); läuft als Hintergrundauftrag',
      response: { 200: z.object({ jobId: z.string() }) },
    },
    config: { access: { permission: 'rules:impact' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const jobId = await regionDeadlinesChanged(ctx.db, actor.tenantId);
      await writeAudit(
        ctx.db,
        actor,
        { action: 'deadline_sync', entity: 'task', details: { jobId } },
        req.id,
      );
      return { jobId: String(jobId) };
    },
  });

  r.get('/api/tasks/deadlines/sync/:jobId', {
    schema: {
      tags: TAG,
      summary: 'Stand der Neuberechnung',
      params: z.object({ jobId: z.string().regex(/^\d{1,18}$/, 'keine gültige Auftragsnummer') }),
      response: {
        200: z.object({
          state: z.enum(['queued', 'running', 'done', 'failed']),
          result: syncOut.partial().nullable(),
          error: z.string().nullable(),
        }),
      },
    },
    config: { access: { permission: 'rules:impact' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const j = await jobState(ctx.db, req.params.jobId);
      // Jobs have no tenant column: the payload names it, and another region's job is not found.
      if (!j || j.name !== DEADLINE_SYNC_JOB || j.payload.tenantId !== actor.tenantId)
        throw notFound('Auftrag');
      return {
        state: j.state as 'queued' | 'running' | 'done' | 'failed',
        result: (j.result as Record<string, number> | null) ?? null,
        // The queue keeps technical errors for the log; staff read a sentence.
        error:
          j.state === 'failed'
            ? 'Die Neuberechnung ist fehlgeschlagen; die Betriebsleitung sieht den Grund im Protokoll.'
            : null,
      };
    },
  });
}
