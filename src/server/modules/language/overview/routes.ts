import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import {
  cohortProgress,
  daysBetween,
  lastDayOfMonth,
  levelTrend,
  monthsFrom,
  planDemand,
} from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import type { AppContext } from '../../../context';
import { authOf } from '../../../plugins/access-hook';
import { writeAudit } from '../../audit/audit-writer';
import { isoDate } from '../../common-schema';
import { personScope } from '../../persons/scope';
import { currentLevels } from '../allocation/live';
import { courseTypesOf } from '../course-types';
import { waitlistQuery } from '../person/routes';
import { courseScope, ensureMunicipalityPlaces, takenSeats } from '../scope';

const TAG = ['language: steering'];

/** Waitlist of the region, demand-versus-seats planning, level progress and the follow-up tasks. */
export async function languageOverviewRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/waitlist', {
    schema: {
      tags: TAG,
      summary: 'Warteliste der Region (älteste zuerst), mit aktuellem Niveau und Wartetagen',
      querystring: waitlistQuery,
    },
    config: { access: { permission: 'allocation:run', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const q = req.query;
      const today = todayInGermany();
      let query = ctx.db
        .selectFrom('waitlist_entry as w')
        .innerJoin('person', 'person.id', 'w.person_id')
        .leftJoin('municipality as m', 'm.id', 'person.municipality_id')
        .select([
          'w.id',
          'w.version',
          'w.person_id',
          'person.given_names',
          'person.family_name',
          'person.gender',
          'm.name as municipality',
          'w.course_types',
          'w.since',
          'w.needs_childcare',
          'w.needs_women_only',
          'w.status',
        ])
        .where('w.tenant_id', '=', actor.tenantId)
        .where('w.status', '=', q.status)
        .where(personScope(actor, today));
      // Kysely turns a JS array into a value list "($1)", so `@> [x]` compared text[] with text (a 500 for
      // any value); ANY() takes the single value as a parameter.
      if (q.courseType) query = query.where(sql<boolean>`${q.courseType} = ANY(w.course_types)`);
      if (q.municipalityId) query = query.where('person.municipality_id', '=', q.municipalityId);
      if (q.since) query = query.where('w.since', '>=', q.since);
      const rows = await query.orderBy('w.since').orderBy('w.id').execute();
      const page = rows.slice(q.offset, q.offset + q.limit);
      const levels = await currentLevels(
        ctx.db,
        actor.tenantId,
        page.map((w) => w.person_id),
      );
      await writeAudit(
        ctx.db,
        actor,
        { action: 'search', entity: 'waitlist_entry', details: { filters: q, results: page.length } },
        req.id,
      );
      return {
        total: rows.length,
        items: page.map((w) => ({
          id: w.id,
          version: w.version,
          personId: w.person_id,
          name: `${w.given_names} ${w.family_name}`,
          gender: w.gender,
          municipality: w.municipality,
          level: levels.get(w.person_id) ?? null,
          courseTypes: w.course_types,
          since: w.since,
          waitingDays: Math.max(0, daysBetween(w.since, today)),
          needsChildcare: w.needs_childcare,
          needsWomenOnly: w.needs_women_only,
          status: w.status,
        })),
      };
    },
  });

  r.get('/api/language/planning', {
    schema: {
      tags: TAG,
      summary:
        'Bedarf gegen Plätze je Kommune × Kursart × Monat (Grundlage der Kursplanung mit den Trägern; nur Zahlen)',
      querystring: z.object({ months: z.coerce.number().int().min(1).max(24).default(6) }),
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await courseScope(ctx.db, actor);
      const today = todayInGermany();
      await ensureMunicipalityPlaces(ctx.db, actor.tenantId);
      const months = monthsFrom(today, req.query.months);
      const [waiting, courses, municipalities, types] = await Promise.all([
        ctx.db
          .selectFrom('waitlist_entry as w')
          .innerJoin('person as p', 'p.id', 'w.person_id')
          .select(['p.municipality_id', 'w.course_types', 'w.since'])
          .where('w.tenant_id', '=', actor.tenantId)
          .where('w.status', '=', 'waiting')
          .execute(),
        ctx.db
          .selectFrom('course as c')
          .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
          .select(['c.id', 'pl.municipality_id', 'c.course_type', 'c.start_date', 'c.seats'])
          .where('c.tenant_id', '=', actor.tenantId)
          .where('c.status', '=', 'planned')
          .where('c.start_date', '>=', `${months[0]}-01`)
          .where('c.start_date', '<=', lastDayOfMonth(months.at(-1)!))
          .execute(),
        ctx.db
          .selectFrom('municipality')
          .select(['id', 'name'])
          .where('tenant_id', '=', actor.tenantId)
          .execute(),
        courseTypesOf(ctx.db, actor.tenantId),
      ]);
      const taken = await takenSeats(
        ctx.db,
        actor.tenantId,
        courses.map((c) => c.id),
      );
      const plan = planDemand({
        today,
        months: req.query.months,
        waiting: waiting.map((w) => ({
          municipalityId: w.municipality_id,
          courseTypes: w.course_types,
          since: w.since,
        })),
        courses: courses.map((c) => ({
          municipalityId: c.municipality_id,
          type: c.course_type,
          startDate: c.start_date,
          seats: c.seats,
          taken: taken.get(c.id) ?? 0,
        })),
      });
      const mName = new Map(municipalities.map((m) => [m.id, m.name]));
      const tLabel = new Map(types.map((t) => [t.id, t.label.de]));
      const byType = new Map<
        string,
        { courseType: string; label: string; demand: number; seats: number; free: number; gap: number }
      >();
      for (const row of plan.rows) {
        const t = byType.get(row.courseType) ?? {
          courseType: row.courseType,
          label: tLabel.get(row.courseType) ?? row.courseType,
          demand: 0,
          seats: 0,
          free: 0,
          gap: 0,
        };
        t.demand += row.demand;
        t.seats += row.seats.reduce((a, b) => a + b, 0);
        t.free += row.free.reduce((a, b) => a + b, 0);
        t.gap += row.gap;
        byType.set(row.courseType, t);
      }
      return {
        asOf: today,
        months: plan.months,
        rows: plan.rows.map((x) => ({
          ...x,
          municipality: x.municipalityId ? (mName.get(x.municipalityId) ?? '—') : 'ohne Wohnort',
          courseTypeLabel: tLabel.get(x.courseType) ?? x.courseType,
        })),
        byCourseType: [...byType.values()].sort(
          (a, b) => b.gap - a.gap || a.courseType.localeCompare(b.courseType),
        ),
      };
    },
  });

  r.get('/api/language/progress', {
    schema: {
      tags: TAG,
      summary:
        'Erreichte Sprachniveaus je Kohorte (Jahr des IP-Eintritts), Kommune, Staatsangehörigkeit oder Geschlecht; Anteil B2 (Ziel > 50 %) und Verlauf',
      querystring: z.object({
        groupBy: z.enum(['cohort', 'municipality', 'nationality', 'gender']).default('cohort'),
        asOf: isoDate.optional(),
        months: z.coerce.number().int().min(1).max(36).default(12),
      }),
    },
    config: { access: { permission: 'reports:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const asOf = req.query.asOf ?? todayInGermany();
      const [persons, assessments, municipalities] = await Promise.all([
        ctx.db
          .selectFrom('person')
          .select(['id', 'ip_entry_date', 'municipality_id', 'nationalities', 'gender'])
          .where('tenant_id', '=', actor.tenantId)
          .where('merged_into', 'is', null)
          .execute(),
        ctx.db
          .selectFrom('language_assessment')
          .select(['person_id', 'assessed_on', 'overall'])
          .where('tenant_id', '=', actor.tenantId)
          .execute(),
        ctx.db
          .selectFrom('municipality')
          .select(['id', 'name'])
          .where('tenant_id', '=', actor.tenantId)
          .execute(),
      ]);
      const mName = new Map(municipalities.map((m) => [m.id, m.name]));
      const groupOf = (p: (typeof persons)[number]): string => {
        switch (req.query.groupBy) {
          case 'municipality':
            return p.municipality_id ? (mName.get(p.municipality_id) ?? '—') : '—';
          case 'nationality':
            return p.nationalities[0] ?? '—';
          case 'gender':
            return p.gender;
          default:
            return p.ip_entry_date ? p.ip_entry_date.slice(0, 4) : '—';
        }
      };
      const members = persons.map((p) => ({ personId: p.id, group: groupOf(p) }));
      const facts = assessments.map((a) => ({
        personId: a.person_id,
        assessedOn: a.assessed_on,
        overall: a.overall as never,
      }));
      const start = new Date(Date.parse(`${asOf.slice(0, 7)}-01T00:00:00Z`));
      start.setUTCMonth(start.getUTCMonth() - (req.query.months - 1));
      const [all] = cohortProgress(
        persons.map((p) => ({ personId: p.id, group: 'all' })),
        facts,
        asOf,
      );
      return {
        asOf,
        groupBy: req.query.groupBy,
        goal: { level: 'B2', share: 0.5 },
        overall: all ?? null,
        groups: cohortProgress(members, facts, asOf),
        trend: levelTrend(members, facts, monthsFrom(start.toISOString().slice(0, 10), req.query.months)),
      };
    },
  });
}
