import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import { CEFR, overallLevel, personProgress } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import type { AppContext } from '../../../context';
import { badRequest, conflict, forbidden, notFound } from '../../../http/errors';
import { authOf } from '../../../plugins/access-hook';
import { writeAudit } from '../../audit/audit-writer';
import { idParams, isoDate, pastDate, uuid } from '../../common-schema';
import { authorizePerson } from '../../persons/service';
import { deadlinesChanged } from '../../tasks/triggers';
import { assessmentsOf, entitlementOf, presentAssessment } from './facts';

const TAG = ['language: person'];
const level = z.enum(CEFR, { error: `ungültiges Niveau, erlaubt: ${CEFR.join(', ')}` });

export const TEST_KINDS = [
  'placement_test',
  'dtz',
  'telc',
  'goethe',
  'oesd',
  'testdaf',
  'course_result',
  'advisor_estimate',
  'self_report',
  'other',
] as const;

const assessmentBody = z
  .object({
    assessedOn: pastDate,
    testKind: z.enum(TEST_KINDS),
    hearing: level.optional(),
    reading: level.optional(),
    writing: level.optional(),
    speaking: level.optional(),
    /** Stated on certificates (DTZ "B1"); otherwise the weakest skill. */
    overall: level.optional(),
    literacy: z.enum(['none', 'other_script', 'latin']).optional(),
    certificateRef: z.string().trim().max(100).optional(),
    examiner: z.string().trim().max(200).optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((b) => b.overall || b.hearing || b.reading || b.writing || b.speaking, {
    path: ['overall'],
    message: 'Gesamtniveau oder mindestens eine Fertigkeit angeben',
  })
  .refine((b) => b.testKind !== 'dtz' || !b.overall || ['A1', 'A2', 'B1'].includes(b.overall), {
    path: ['overall'],
    message: 'der DTZ bescheinigt B1, A2 oder „unter A2“ (A1)',
  });

const waitlistBody = z.object({
  /** Default: every course type the rules engine grants today, in its order (the first is the preferred one). */
  courseTypes: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
  since: pastDate.optional(),
  needsChildcare: z.boolean().optional(),
  needsWomenOnly: z.boolean().default(false),
  note: z.string().trim().max(1000).optional(),
});

const waitlistUpdate = z.object({
  version: z.number().int().positive(),
  status: z.enum(['waiting', 'withdrawn']).optional(),
  courseTypes: z.array(z.string().trim().min(1).max(40)).min(1).max(20).optional(),
  needsChildcare: z.boolean().optional(),
  needsWomenOnly: z.boolean().optional(),
  note: z.string().trim().max(1000).optional(),
});

const waitlistOut = (w: {
  id: string;
  version: number;
  course_types: string[];
  since: string;
  needs_childcare: boolean;
  needs_women_only: boolean;
  status: string;
  note: string | null;
}) => ({
  id: w.id,
  version: w.version,
  courseTypes: w.course_types,
  since: w.since,
  needsChildcare: w.needs_childcare,
  needsWomenOnly: w.needs_women_only,
  status: w.status,
  note: w.note,
});

/** Language record, waitlist entry and course history of one person — each call guarded and audited. */
export async function personLanguageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const guard = async (
    req: { id: string },
    actor: Parameters<typeof authorizePerson>[1],
    personId: string,
    action: string,
  ) => {
    const res = await authorizePerson(ctx.db, actor, personId, { action, requestId: req.id });
    if (!res.decision.categories.includes('language'))
      throw forbidden('Für Sprachdaten liegt keine Einwilligung vor.');
    return res;
  };

  r.get('/api/persons/:id/language', {
    schema: {
      tags: TAG,
      summary:
        'Sprachstand einer Person: Einstufungen (Verlauf), aktuelles Niveau, Kursanspruch, Warteliste, Kurse',
      params: idParams,
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { row } = await guard(req, actor, req.params.id, 'read_language');
      const today = todayInGermany();
      const ent = await entitlementOf(ctx.db, actor.tenantId, row, today);
      const [waitlist, enrolments] = await Promise.all([
        ctx.db
          .selectFrom('waitlist_entry')
          .selectAll()
          .where('tenant_id', '=', actor.tenantId)
          .where('person_id', '=', row.id)
          .orderBy('created_at', 'desc')
          .execute(),
        ctx.db
          .selectFrom('enrolment as e')
          .innerJoin('course as c', 'c.id', 'e.course_id')
          .innerJoin('course_provider as pr', 'pr.id', 'c.provider_id')
          .innerJoin('agency as a', 'a.id', 'pr.agency_id')
          .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
          .select([
            'e.id',
            'e.version',
            'e.status',
            'e.start_date',
            'e.end_date',
            'e.attendance_percent',
            'e.result_level',
            'e.certificate_ref',
            'c.id as course_id',
            'c.ref',
            'c.course_type',
            'c.schedule',
            'a.name as provider',
            'pl.name as place',
            'pl.address',
          ])
          .where('e.tenant_id', '=', actor.tenantId)
          .where('e.person_id', '=', row.id)
          .orderBy('e.start_date', 'desc')
          .execute(),
      ]);
      return {
        personId: row.id,
        current: ent.current
          ? {
              overall: ent.current.overall,
              literacy: ent.current.literacy,
              assessedOn: ent.current.assessed_on,
              testKind: ent.current.test_kind,
            }
          : null,
        progress: personProgress(
          ent.assessments.map((a) => ({ assessedOn: a.assessed_on, overall: a.overall as never })),
        ),
        assessments: ent.assessments.map(presentAssessment),
        entitlement: {
          courseTypes: ent.courseTypes,
          integrationCourse: {
            status: ent.courses.integrationCourse.status,
            explanation: ent.courses.integrationCourse.explanation,
            missing: ent.courses.integrationCourse.missing,
          },
          berufssprachkurs: {
            status: ent.courses.berufssprachkurs.status,
            explanation: ent.courses.berufssprachkurs.explanation,
            missing: ent.courses.berufssprachkurs.missing,
          },
          jobBsk: { status: ent.courses.jobBsk.status },
          erstorientierung: { status: ent.courses.erstorientierung.status },
        },
        waitlist: waitlist.map(waitlistOut),
        enrolments: enrolments.map((e) => ({
          id: e.id,
          version: e.version,
          status: e.status,
          startDate: e.start_date,
          endDate: e.end_date,
          attendancePercent: e.attendance_percent,
          resultLevel: e.result_level,
          certificateRef: e.certificate_ref,
          course: {
            id: e.course_id,
            ref: e.ref,
            type: e.course_type,
            schedule: e.schedule,
            provider: e.provider,
            place: e.place,
            address: e.address,
          },
        })),
      };
    },
  });

  r.post('/api/persons/:id/language-assessments', {
    schema: {
      tags: TAG,
      summary: 'Einstufung/Prüfungsergebnis erfassen (neuer Eintrag; der Verlauf wird nie überschrieben)',
      params: idParams,
      body: assessmentBody,
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const { row, decision } = await guard(req, actor, req.params.id, 'add_language_assessment');
      const b = req.body;
      const overall = overallLevel(
        { hearing: b.hearing, reading: b.reading, writing: b.writing, speaking: b.speaking },
        b.overall,
      )!;
      const created = await ctx.db.transaction().execute(async (tx) => {
        const a = await tx
          .insertInto('language_assessment')
          .values({
            tenant_id: actor.tenantId,
            person_id: row.id,
            assessed_on: b.assessedOn,
            test_kind: b.testKind,
            hearing: b.hearing ?? null,
            reading: b.reading ?? null,
            writing: b.writing ?? null,
            speaking: b.speaking ?? null,
            overall,
            literacy: b.literacy ?? null,
            certificate_ref: b.certificateRef ?? null,
            examiner: b.examiner ?? null,
            note: b.note ?? null,
            recorded_by: actor.userId,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await writeAudit(
          tx,
          actor,
          {
            action: 'create',
            entity: 'language_assessment',
            entityId: a.id,
            personId: row.id,
            legalBasis: decision.basis,
            details: { testKind: b.testKind, overall },
          },
          req.id,
        );
        return a;
      });
      // A test result can open or close an integration-course entitlement deadline.
      await deadlinesChanged(ctx.db, actor.tenantId, [row.id], req.log);
      return reply.code(201).send(presentAssessment(created));
    },
  });

  r.get('/api/persons/:id/language-assessments', {
    schema: { tags: TAG, summary: 'Verlauf der Einstufungen einer Person', params: idParams },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await guard(req, actor, req.params.id, 'read_language_assessments');
      return (await assessmentsOf(ctx.db, actor.tenantId, req.params.id)).map(presentAssessment);
    },
  });

  r.post('/api/persons/:id/waitlist', {
    schema: {
      tags: TAG,
      summary:
        'Auf die Warteliste setzen (Kursarten aus dem Regelwerk; 409, wenn schon ein offener Eintrag besteht)',
      params: idParams,
      body: waitlistBody,
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const { row, decision } = await guard(req, actor, req.params.id, 'add_waitlist');
      const today = todayInGermany();
      const ent = await entitlementOf(ctx.db, actor.tenantId, row, today);
      const b = req.body;
      const types = b.courseTypes ?? ent.courseTypes;
      if (types.length === 0)
        throw badRequest('Laut Regelwerk besteht heute kein Anspruch auf einen Sprachkurs.', [
          { path: 'courseTypes', message: ent.courses.integrationCourse.explanation.de },
        ]);
      const issues = types.flatMap((t, i) =>
        ent.courseTypes.includes(t)
          ? []
          : [
              {
                path: `courseTypes.${i}`,
                message: `kein Anspruch auf „${t}“ laut Regelwerk (möglich: ${ent.courseTypes.join(', ') || '—'})`,
              },
            ],
      );
      if (issues.length) throw badRequest('Ungültige Eingabe', issues);
      const open = await ctx.db
        .selectFrom('waitlist_entry')
        .selectAll()
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', '=', row.id)
        .where('status', 'in', ['waiting', 'offered'])
        .executeTakeFirst();
      if (open) throw conflict('Die Person steht schon auf der Warteliste.', waitlistOut(open));
      let needsChildcare = b.needsChildcare;
      if (needsChildcare === undefined) {
        const kids = await ctx.db
          .selectFrom('household_member')
          .select('id')
          .where('person_id', '=', row.id)
          .where('needs_childcare', '=', true)
          .executeTakeFirst();
        needsChildcare = kids !== undefined;
      }
      if (b.needsWomenOnly && row.gender !== 'f')
        throw badRequest('Ungültige Eingabe', [
          { path: 'needsWomenOnly', message: 'Frauenkurse nehmen nur Frauen auf' },
        ]);
      const created = await ctx.db
        .transaction()
        .execute(async (tx) => {
          const w = await tx
            .insertInto('waitlist_entry')
            .values({
              tenant_id: actor.tenantId,
              person_id: row.id,
              course_types: [...new Set(types)],
              since: b.since ?? today,
              needs_childcare: needsChildcare,
              needs_women_only: b.needsWomenOnly,
              note: b.note ?? null,
              created_by: actor.userId,
            })
            .returningAll()
            .executeTakeFirstOrThrow();
          await writeAudit(
            tx,
            actor,
            {
              action: 'create',
              entity: 'waitlist_entry',
              entityId: w.id,
              personId: row.id,
              legalBasis: decision.basis,
              details: { courseTypes: types },
            },
            req.id,
          );
          return w;
        })
        .catch((error: unknown) => {
          // Two requests at once: the partial unique index admits one open entry per person.
          if ((error as { code?: string }).code === '23505')
            throw conflict('Die Person steht schon auf der Warteliste.');
          throw error;
        });
      return reply.code(201).send(waitlistOut(created));
    },
  });

  r.patch('/api/persons/:id/waitlist/:entryId', {
    schema: {
      tags: TAG,
      summary:
        'Wartelisteneintrag ändern oder zurückziehen (mit Versionsnummer; 409 bei gleichzeitiger Änderung)',
      params: z.object({ id: uuid, entryId: uuid }),
      body: waitlistUpdate,
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { row } = await guard(req, actor, req.params.id, 'update_waitlist');
      const b = req.body;
      const before = await ctx.db
        .selectFrom('waitlist_entry')
        .selectAll()
        .where('tenant_id', '=', actor.tenantId)
        .where('person_id', '=', row.id)
        .where('id', '=', req.params.entryId)
        .executeTakeFirst();
      if (!before) throw notFound('Wartelisteneintrag');
      if (b.courseTypes) {
        const ent = await entitlementOf(ctx.db, actor.tenantId, row, todayInGermany());
        const issues = b.courseTypes.flatMap((t, i) =>
          ent.courseTypes.includes(t)
            ? []
            : [{ path: `courseTypes.${i}`, message: `kein Anspruch auf „${t}“ laut Regelwerk` }],
        );
        if (issues.length) throw badRequest('Ungültige Eingabe', issues);
      }
      if (b.status === 'waiting' && before.status !== 'waiting' && before.status !== 'withdrawn')
        throw badRequest('Ungültige Eingabe', [
          { path: 'status', message: `ein Eintrag im Status „${before.status}“ kann nicht wieder warten` },
        ]);
      const updated = await ctx.db.transaction().execute(async (tx) => {
        const w = await tx
          .updateTable('waitlist_entry')
          .where('tenant_id', '=', actor.tenantId)
          .set({
            ...(b.status ? { status: b.status } : {}),
            ...(b.courseTypes ? { course_types: [...new Set(b.courseTypes)] } : {}),
            ...(b.needsChildcare !== undefined ? { needs_childcare: b.needsChildcare } : {}),
            ...(b.needsWomenOnly !== undefined ? { needs_women_only: b.needsWomenOnly } : {}),
            ...(b.note !== undefined ? { note: b.note } : {}),
            version: sql<number>`version + 1`,
            updated_at: new Date(),
          })
          .where('id', '=', before.id)
          .where('version', '=', b.version)
          .returningAll()
          .executeTakeFirst();
        if (w)
          await writeAudit(
            tx,
            actor,
            {
              action: 'update',
              entity: 'waitlist_entry',
              entityId: w.id,
              personId: row.id,
              details: { fields: Object.keys(b).filter((k) => k !== 'version') },
            },
            req.id,
          );
        return w;
      });
      if (!updated) {
        const cur = await ctx.db
          .selectFrom('waitlist_entry')
          .selectAll()
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', before.id)
          .executeTakeFirstOrThrow();
        throw conflict('Der Eintrag wurde inzwischen geändert.', waitlistOut(cur));
      }
      return waitlistOut(updated);
    },
  });
}

export const waitlistQuery = z.object({
  status: z.enum(['waiting', 'offered', 'enrolled', 'withdrawn']).default('waiting'),
  courseType: z.string().trim().max(40).optional(),
  municipalityId: uuid.optional(),
  since: isoDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
