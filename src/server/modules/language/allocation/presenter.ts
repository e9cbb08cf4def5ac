import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import type { LiveParams } from './live';
import type { RunComparisonOut, RunOut } from './schema';
import { liveProgress, loadRun } from './service';

/** A run for the advisor: both allocations side by side, names, places and travel minutes. */
export async function presentRun(db: Kysely<DB>, tenantId: string, id: string): Promise<RunOut> {
  const { row, instance, skipped, result } = await loadRun(db, tenantId, id);
  const personIds = [...instance.clients.map((c) => c.id), ...skipped.map((s) => s.personId)];
  const courseIds = instance.courses.map((c) => c.id);
  const placeIds = [
    ...new Set([...instance.clients.map((c) => c.home), ...instance.courses.map((c) => c.place)]),
  ];
  const [persons, courses, places] = await Promise.all([
    personIds.length
      ? db
          .selectFrom('person')
          .select(['id', 'given_names', 'family_name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', personIds)
          .execute()
      : [],
    courseIds.length
      ? db
          .selectFrom('course')
          .select(['id', 'ref', 'course_type', 'start_date'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', courseIds)
          .execute()
      : [],
    placeIds.length
      ? db
          .selectFrom('course_place')
          .select(['id', 'name'])
          .where('tenant_id', '=', tenantId)
          .where('id', 'in', placeIds)
          .execute()
      : [],
  ]);
  const name = new Map(persons.map((p) => [p.id, `${p.given_names} ${p.family_name}`]));
  const courseInfo = new Map(courses.map((c) => [c.id, c]));
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  const clientById = new Map(instance.clients.map((c) => [c.id, c]));
  const courseById = new Map(instance.courses.map((c) => [c.id, c]));
  const fcfsOf = new Map((result?.fcfs.assignments ?? []).map((a) => [a.client, a.course]));
  const proposal = result?.proposal;
  const assigned = new Map<string, number>();
  for (const a of proposal?.assignments ?? []) assigned.set(a.course, (assigned.get(a.course) ?? 0) + 1);
  const clientView = (personId: string) => {
    const c = clientById.get(personId)!;
    return {
      personId,
      name: name.get(personId) ?? '—',
      level: c.level,
      gender: c.gender,
      home: placeName.get(c.home) ?? c.home,
      waitingDays: c.waitingDays,
      courseTypes: c.courseTypes,
      needsChildcare: c.needsChildcare,
      needsWomenOnly: c.needsWomenOnly,
      fcfsCourseId: fcfsOf.get(personId) ?? null,
    };
  };
  return {
    id: row.id,
    version: row.version,
    state: row.state,
    progress: row.state === 'running' ? (liveProgress(row.id) ?? row.progress) : row.progress,
    error: row.error,
    asOf: row.as_of,
    // JSON columns, written only by the run itself (service.ts startRun, solveRun).
    params: row.params as unknown as LiveParams,
    inputHash: row.input_hash,
    createdAt: new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    confirmedAt: row.confirmed_at ? new Date(row.confirmed_at).toISOString() : null,
    confirmedBy: row.confirmed_by,
    counts: {
      clients: instance.clients.length,
      courses: instance.courses.length,
      seats: instance.courses.reduce((s, c) => s + c.seats, 0),
      skipped: skipped.length,
    },
    metrics: row.metrics as RunComparisonOut | null,
    optimal: result
      ? { score: result.optimal.score, optimal: result.optimal.optimal, seconds: result.optimal.seconds }
      : null,
    proposal: proposal
      ? { score: proposal.score, optimal: proposal.optimal, adjusted: proposal.adjusted }
      : null,
    assignments: (proposal?.assignments ?? []).map((a) => {
      const c = clientById.get(a.client)!;
      const k = courseById.get(a.course)!;
      return {
        ...clientView(a.client),
        courseId: a.course,
        courseRef: courseInfo.get(a.course)?.ref ?? '',
        courseType: k.type,
        place: placeName.get(k.place) ?? k.place,
        travelMinutes: instance.travelMinutes[c.home]?.[k.place] ?? null,
      };
    }),
    unassigned: (proposal?.unassigned ?? []).map(clientView),
    skipped: skipped.map((s) => ({
      personId: s.personId,
      name: name.get(s.personId) ?? '—',
      reason: s.reason,
    })),
    courses: instance.courses.map((k) => ({
      id: k.id,
      ref: courseInfo.get(k.id)?.ref ?? '',
      type: k.type,
      startDate: courseInfo.get(k.id)?.start_date ?? null,
      place: placeName.get(k.place) ?? k.place,
      entryLevels: k.entryLevels,
      freeSeats: k.seats,
      assigned: assigned.get(k.id) ?? 0,
      childcare: k.childcare,
      womenOnly: k.womenOnly,
    })),
  };
}
