import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { Actor } from '../../../../domain/access/person-access';
import {
  cohortProgress,
  daysBetween,
  lastDayOfMonth,
  levelTrend,
  monthsFrom,
  planDemand,
} from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import { writeAudit } from '../../audit/audit-writer';
import { currentLevels } from '../allocation/live';
import { courseTypesOf } from '../course-types';
import { courseScope, ensureMunicipalityPlaces, takenSeats } from '../scope';
import * as repo from './repo';
import type { PlanningQuery, ProgressQuery, WaitlistQuery } from './schema';

/**
 * The region's waitlist in the actor's person scope, oldest first, one page with each person's current
 * level and waiting days. The search is one audit row with its filters.
 */
export async function regionWaitlist(db: Kysely<DB>, actor: Actor, q: WaitlistQuery, requestId?: string) {
  const today = todayInGermany();
  const rows = await repo.waitlistEntries(db, actor, q, today);
  const page = rows.slice(q.offset, q.offset + q.limit);
  const levels = await currentLevels(
    db,
    actor.tenantId,
    page.map((w) => w.person_id),
  );
  await writeAudit(
    db,
    actor,
    { action: 'search', entity: 'waitlist_entry', details: { filters: q, results: page.length } },
    requestId,
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
}

/** Demand against seats per municipality × course type × month for the coming months (numbers only). */
export async function coursePlanning(db: Kysely<DB>, actor: Actor, q: PlanningQuery) {
  await courseScope(db, actor);
  const today = todayInGermany();
  await ensureMunicipalityPlaces(db, actor.tenantId);
  const months = monthsFrom(today, q.months);
  const [waiting, courses, municipalities, types] = await Promise.all([
    repo.waitingDemand(db, actor.tenantId),
    repo.plannedCourses(db, {
      tenantId: actor.tenantId,
      from: `${months[0]}-01`,
      to: lastDayOfMonth(months.at(-1)!),
    }),
    repo.municipalityNames(db, actor.tenantId),
    courseTypesOf(db, actor.tenantId),
  ]);
  const taken = await takenSeats(
    db,
    actor.tenantId,
    courses.map((c) => c.id),
  );
  const plan = planDemand({
    today,
    months: q.months,
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
}

/** Levels reached per group (cohort, municipality, nationality or gender), share at B2 and the trend. */
export async function levelProgress(db: Kysely<DB>, actor: Actor, q: ProgressQuery) {
  const asOf = q.asOf ?? todayInGermany();
  const [persons, assessments, municipalities] = await Promise.all([
    repo.progressPersons(db, actor.tenantId),
    repo.assessments(db, actor.tenantId),
    repo.municipalityNames(db, actor.tenantId),
  ]);
  const mName = new Map(municipalities.map((m) => [m.id, m.name]));
  const groupOf = (p: (typeof persons)[number]): string => {
    switch (q.groupBy) {
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
  start.setUTCMonth(start.getUTCMonth() - (q.months - 1));
  const [all] = cohortProgress(
    persons.map((p) => ({ personId: p.id, group: 'all' })),
    facts,
    asOf,
  );
  return {
    asOf,
    groupBy: q.groupBy,
    goal: { level: 'B2', share: 0.5 },
    overall: all ?? null,
    groups: cohortProgress(members, facts, asOf),
    trend: levelTrend(members, facts, monthsFrom(start.toISOString().slice(0, 10), q.months)),
  };
}
