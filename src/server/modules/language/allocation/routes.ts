import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { LETTER_LANGUAGES } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import type { AppContext } from '../../../context';
import { authOf } from '../../../plugins/access-hook';
import { writeAudit } from '../../audit/audit-writer';
import { idParams, uuid } from '../../common-schema';
import { authorizePerson } from '../../persons/service';
import { enrolmentLetter } from './letter';
import { presentRun } from './presenter';
import { confirmOut, runListItemOut, runOut, runStartBody, runStartedOut } from './schema';
import { adjustRun, confirmRun, listRuns, runningJobs, startRun, withLetters } from './service';

const TAG = ['language: allocation'];
const BASIS = '§§ 67d, 69 SGB X (Kursplatzvergabe)';

export async function allocationRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // A background solve writes its result when done; closing the app waits for it.
  app.addHook('onClose', async () => {
    await Promise.allSettled([...runningJobs]);
  });

  const audited = async (req: { id: string }, actor: Parameters<typeof writeAudit>[1], runId: string) => {
    const run = await presentRun(ctx.db, actor!.tenantId, runId);
    await writeAudit(
      ctx.db,
      actor,
      {
        action: 'read',
        entity: 'allocation_run',
        entityId: runId,
        legalBasis: BASIS,
        details: { persons: run.assignments.length + run.unassigned.length + run.skipped.length },
      },
      req.id,
    );
    return run;
  };

  r.post('/api/allocations', {
    schema: {
      tags: TAG,
      summary:
        'Kursplätze optimal zuteilen (Live-Daten: Warteliste × geplante Kurse mit freien Plätzen) — Vorschlag neben „wer zuerst kommt“',
      body: runStartBody,
      response: { 201: runOut, 202: runStartedOut },
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const b = req.body;
      const id = await startRun(
        ctx.db,
        actor,
        {
          asOf: b.asOf ?? todayInGermany(),
          maxTravelMinutes: b.maxTravelMinutes,
          horizonDays: b.horizonDays,
        },
        b.wait,
        req.id,
      );
      if (!b.wait) return reply.code(202).send({ id, state: 'running', progress: 0 });
      return reply.code(201).send(await audited(req, actor, id));
    },
  });

  r.get('/api/allocations', {
    schema: {
      tags: TAG,
      summary: 'Zuteilungsläufe (neueste zuerst)',
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) }),
      response: { 200: z.array(runListItemOut) },
    },
    config: { access: { permission: 'allocation:run' } },
    handler: async (req) =>
      listRuns(ctx.db, { tenantId: authOf(req).actor.tenantId, limit: req.query.limit }),
  });

  r.get('/api/allocations/:id', {
    schema: {
      tags: TAG,
      summary: 'Ein Lauf: Status (running mit progress 0–1), Vorschlag und „wer zuerst kommt“ mit Kennzahlen',
      params: idParams,
      response: { 200: runOut },
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req) => audited(req, authOf(req).actor, req.params.id),
  });

  r.patch('/api/allocations/:id', {
    schema: {
      tags: TAG,
      summary:
        'Vorschlag anpassen: Personen umsetzen oder herausnehmen (Zulässigkeit und Plätze geprüft; 409 bei veralteter Version)',
      params: idParams,
      body: z.object({
        version: z.number().int().positive(),
        changes: z
          .array(z.object({ client: uuid, course: uuid.nullable() }))
          .min(1)
          .max(5000),
      }),
      response: { 200: runOut },
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await adjustRun(ctx.db, actor, req.params.id, req.body.version, req.body.changes, req.id);
      return audited(req, actor, req.params.id);
    },
  });

  r.post('/api/allocations/:id/confirm', {
    schema: {
      tags: TAG,
      summary:
        'Vorschlag bestätigen → Kursteilnahmen, Warteliste „enrolled“, Aufgaben, Briefe (alles oder nichts)',
      params: idParams,
      body: z.object({ version: z.number().int().positive() }),
      response: { 200: confirmOut },
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const done = await confirmRun(ctx.db, actor, req.params.id, req.body.version, req.id);
      const enrolments = await withLetters(ctx.db, actor.tenantId, done.enrolments);
      return {
        run: await audited(req, actor, req.params.id),
        enrolments,
        tasks: done.tasks,
      };
    },
  });

  r.get('/api/enrolments/:id/letter', {
    schema: {
      tags: TAG,
      summary: 'Brief an die Person (druckbares HTML, Deutsch + Sprache der Person, RTL für ar/fa)',
      params: idParams,
      querystring: z.object({ lang: z.enum(LETTER_LANGUAGES as [string, ...string[]]).optional() }),
      response: { 200: z.string().describe('HTML') },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const letter = await enrolmentLetter(
        ctx.db,
        actor.tenantId,
        req.params.id,
        req.query.lang,
        async (personId) => {
          const { decision } = await authorizePerson(ctx.db, actor, personId, {
            action: 'print_course_letter',
            requestId: req.id,
            details: { enrolmentId: req.params.id, lang: req.query.lang ?? null },
          });
          return decision;
        },
      );
      return reply.type('text/html; charset=utf-8').send(letter.html);
    },
  });
}
