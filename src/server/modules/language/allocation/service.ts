import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../../db/schema';
import { crossTenant } from '../../../../db/tenant-guard';
import type { Actor } from '../../../../domain/access/person-access';
import {
  type Allocation,
  allocationMetrics,
  firstComeFirstServed,
  type Instance,
  validateInstance,
} from '../../../../domain/allocation';
import { applyChanges, type Skipped } from '../../../../domain/language';
import { addDays, todayInGermany } from '../../../../domain/reference/dates';
import { badRequest, conflict, notFound } from '../../../http/errors';
import { solveInWorker } from '../../../workers/run-allocation';
import { requireAccess } from '../../access';
import { writeAudit } from '../../audit/audit-writer';
import { createGeneratedTasks, type GeneratedTask } from '../../tasks/service';
import { letterLanguage } from './letter';
import { instanceHash, type LiveParams, liveInstance } from './live';
import { personLanguages, recentRuns } from './repo';
import type { RunComparisonOut } from './schema';

export interface RunResult {
  optimal: Allocation;
  fcfs: Allocation;
  /** What will be confirmed: the optimal allocation, or the advisor's adjustment of it. */
  proposal: Allocation & { adjusted: boolean };
}

/** Fraction done of runs in this process (the solver reports phases from its worker thread). */
const progress = new Map<string, number>();
/** Background solves, awaited when the app closes. */
export const runningJobs = new Set<Promise<void>>();

export function liveProgress(runId: string): number | undefined {
  return progress.get(runId);
}

export function metricsOf(instance: Instance, r: RunResult) {
  const optimal = allocationMetrics(instance, r.optimal);
  const fcfs = allocationMetrics(instance, r.fcfs);
  return {
    optimal,
    fcfs,
    proposal: allocationMetrics(instance, r.proposal),
    gain: {
      placed: optimal.placed - fcfs.placed,
      waitingDaysTotal: optimal.waitingDaysTotal - fcfs.waitingDaysTotal,
      travelMinutesTotal: optimal.travelMinutesTotal - fcfs.travelMinutesTotal,
      score: optimal.score - fcfs.score,
    },
  };
}

async function solveRun(db: Kysely<DB>, tenantId: string, runId: string, instance: Instance): Promise<void> {
  try {
    progress.set(runId, 0);
    // The stored progress lets another server instance (or a reload after a restart) show it too:
    // written at most every tenth, never awaited by the solver.
    let stored = 0;
    const optimal = await solveInWorker(instance, (p) => {
      progress.set(runId, p.fraction);
      if (p.fraction - stored < 0.1) return;
      stored = p.fraction;
      db.updateTable('allocation_run')
        .where('tenant_id', '=', tenantId)
        .set({ progress: p.fraction })
        .where('id', '=', runId)
        .where('state', '=', 'running')
        .execute()
        .catch(() => undefined);
    });
    const fcfs = firstComeFirstServed(instance);
    const result: RunResult = { optimal, fcfs, proposal: { ...optimal, adjusted: false } };
    await db
      .updateTable('allocation_run')
      .where('tenant_id', '=', tenantId)
      .set({
        state: 'proposed',
        progress: 1,
        result: JSON.stringify(result),
        metrics: JSON.stringify(metricsOf(instance, result)),
      })
      .where('id', '=', runId)
      .execute();
  } catch (error) {
    await db
      .updateTable('allocation_run')
      .where('tenant_id', '=', tenantId)
      .set({ state: 'failed', error: error instanceof Error ? error.message : String(error) })
      .where('id', '=', runId)
      .execute()
      .catch(() => undefined);
  } finally {
    progress.delete(runId);
  }
}

/** No solve of a region takes minutes (see `npm run bench`): a run still "running" after this was cut off. */
export const INTERRUPTED_AFTER_MINUTES = 15;

/**
 * At start-up: runs left "running" by a server that stopped during the solve would show a spinner forever.
 * They are marked failed, with the reason, so the advisor starts a new one. Only old ones: another server
 * instance on the same database may be solving a fresh run right now.
 */
export async function failInterruptedRuns(db: Kysely<DB>): Promise<number> {
  const r = await db
    .updateTable('allocation_run')
    .set({ state: 'failed', error: 'Abgebrochen: der Server wurde während der Berechnung beendet.' })
    .where('state', '=', 'running')
    .where('created_at', '<', sql<Date>`now() - make_interval(mins => ${INTERRUPTED_AFTER_MINUTES})`)
    .modifyEnd(crossTenant('start-up clean-up of interrupted runs in every region'))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/**
 * Builds the instance from live data, stores the run (state running) and solves it in a worker thread.
 * `wait`: answer when the proposal is there (county sizes take well under a second); otherwise return at
 * once and let the client poll GET /api/allocations/:id (state running + progress).
 */
export async function startRun(
  db: Kysely<DB>,
  actor: Actor,
  params: LiveParams,
  wait: boolean,
  requestId?: string,
): Promise<string> {
  await requireAccess(db, actor, 'allocation:run');
  const { instance, skipped } = await liveInstance(db, actor.tenantId, params);
  const valid = validateInstance(instance);
  if (!valid.ok)
    throw badRequest('Die aktuellen Daten ergeben keine gültige Zuteilungsaufgabe.', valid.issues);
  const run = await db
    .insertInto('allocation_run')
    .values({
      tenant_id: actor.tenantId,
      as_of: params.asOf,
      params: JSON.stringify(params),
      input_hash: instanceHash(instance),
      instance: JSON.stringify(instance),
      skipped: JSON.stringify(skipped),
      state: 'running',
      created_by: actor.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(
    db,
    actor,
    {
      action: 'create',
      entity: 'allocation_run',
      entityId: run.id,
      legalBasis: '§§ 67d, 69 SGB X (Kursplatzvergabe)',
      details: {
        clients: instance.clients.length,
        courses: instance.courses.length,
        skipped: skipped.length,
      },
    },
    requestId,
  );
  const job = solveRun(db, actor.tenantId, run.id, instance);
  runningJobs.add(job);
  void job.finally(() => runningJobs.delete(job));
  if (wait) await job;
  return run.id;
}

export async function loadRun(db: Kysely<DB>, tenantId: string, id: string) {
  const row = await db
    .selectFrom('allocation_run')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Zuteilungslauf');
  return {
    row,
    instance: row.instance as Instance,
    skipped: row.skipped as Skipped[],
    result: row.result as RunResult | null,
  };
}

/** The advisor moves people: every change checked against the run's rules and seats; 409 on a stale version. */
export async function adjustRun(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  changes: { client: string; course: string | null }[],
  requestId?: string,
): Promise<void> {
  await requireAccess(db, actor, 'allocation:run', { runIds: [id] });
  const { row, instance, result } = await loadRun(db, actor.tenantId, id);
  if (row.state !== 'proposed' || !result)
    throw conflict(`Der Lauf ist im Status „${row.state}“ und kann nicht mehr angepasst werden.`);
  if (row.version !== version) throw conflict('Der Vorschlag wurde inzwischen geändert. Bitte neu laden.');
  const applied = applyChanges(instance, result.proposal, changes);
  if (!applied.ok) throw badRequest('Die Änderung ist nicht zulässig.', applied.issues);
  const proposal = {
    ...applied.allocation,
    optimal: applied.allocation.score === result.optimal.score,
    adjusted: true,
  };
  const next: RunResult = { ...result, proposal };
  const r = await db
    .updateTable('allocation_run')
    .where('tenant_id', '=', actor.tenantId)
    .set({
      result: JSON.stringify(next),
      metrics: JSON.stringify(metricsOf(instance, next)),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('state', '=', 'proposed')
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    throw conflict('Der Vorschlag wurde inzwischen geändert. Bitte neu laden.');
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'allocation_run', entityId: id, details: { changes: changes.length } },
    requestId,
  );
}

/**
 * Confirms the proposal in one transaction: enrolments, waitlist entries → enrolled, one task per person for
 * the advisor (hand over the letter). If a waitlist entry was withdrawn or a course filled up meanwhile,
 * nothing is stored: 409 with the conflicts, to be re-run.
 */
export async function confirmRun(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  version: number,
  requestId?: string,
) {
  await requireAccess(db, actor, 'allocation:run', { runIds: [id] });
  const { row, result } = await loadRun(db, actor.tenantId, id);
  if (row.state !== 'proposed' || !result)
    throw conflict(`Der Lauf ist im Status „${row.state}“ und kann nicht bestätigt werden.`);
  const assignments = result.proposal.assignments;
  const today = todayInGermany();
  return db.transaction().execute(async (tx) => {
    const lock = await tx
      .updateTable('allocation_run')
      .where('tenant_id', '=', actor.tenantId)
      .set({ state: 'confirmed', confirmed_by: actor.userId, confirmed_at: new Date(), version: version + 1 })
      .where('id', '=', id)
      .where('version', '=', version)
      .where('state', '=', 'proposed')
      .executeTakeFirst();
    if (Number(lock.numUpdatedRows) === 0)
      throw conflict('Der Vorschlag wurde inzwischen geändert oder bestätigt. Bitte neu laden.');
    if (assignments.length === 0)
      return { enrolments: [] as { id: string; personId: string; courseId: string }[], tasks: 0 };
    const personIds = assignments.map((a) => a.client);
    const courseIds = [...new Set(assignments.map((a) => a.course))];
    const [entries, courses, taken, persons] = await Promise.all([
      tx
        .selectFrom('waitlist_entry')
        .select(['id', 'person_id'])
        .where('tenant_id', '=', actor.tenantId)
        .where('status', '=', 'waiting')
        .where('person_id', 'in', personIds)
        .execute(),
      tx
        .selectFrom('course')
        .select(['id', 'seats', 'status', 'start_date', 'ref'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', 'in', courseIds)
        .execute(),
      tx
        .selectFrom('enrolment')
        .select(['course_id', (eb) => eb.fn.countAll<number>().as('n')])
        .where('tenant_id', '=', actor.tenantId)
        .where('course_id', 'in', courseIds)
        .where('status', 'in', ['enrolled', 'attending', 'completed'])
        .groupBy('course_id')
        .execute(),
      tx
        .selectFrom('person')
        .select(['id', 'owner_user_id', 'owner_agency_id'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', 'in', personIds)
        .execute(),
    ]);
    const entryOf = new Map(entries.map((e) => [e.person_id, e.id]));
    const courseById = new Map(courses.map((c) => [c.id, c]));
    const takenBy = new Map(taken.map((t) => [t.course_id, Number(t.n)]));
    const wanted = new Map<string, number>();
    for (const a of assignments) wanted.set(a.course, (wanted.get(a.course) ?? 0) + 1);
    const conflicts: { path: string; message: string }[] = [];
    assignments.forEach((a, i) => {
      if (!entryOf.has(a.client))
        conflicts.push({ path: `assignments.${i}.client`, message: 'steht nicht mehr auf der Warteliste' });
    });
    for (const [courseId, n] of wanted) {
      const c = courseById.get(courseId);
      if (c?.status !== 'planned')
        conflicts.push({ path: `courses.${courseId}`, message: 'Kurs ist nicht mehr geplant' });
      else if ((takenBy.get(courseId) ?? 0) + n > c.seats)
        conflicts.push({
          path: `courses.${courseId}`,
          message: `Kurs ${c.ref} hat nicht mehr genug freie Plätze`,
        });
    }
    if (conflicts.length)
      throw conflict(
        'Die Daten haben sich seit dem Lauf geändert; bitte neu berechnen. Nichts wurde gespeichert.',
        conflicts,
      );
    const enrolments = await tx
      .insertInto('enrolment')
      .values(
        assignments.map((a) => ({
          tenant_id: actor.tenantId,
          person_id: a.client,
          course_id: a.course,
          waitlist_entry_id: entryOf.get(a.client)!,
          allocation_run_id: id,
          start_date: courseById.get(a.course)!.start_date,
          created_by: actor.userId,
        })),
      )
      .returning(['id', 'person_id', 'course_id'])
      .execute();
    await tx
      .updateTable('waitlist_entry')
      .where('tenant_id', '=', actor.tenantId)
      .set((eb) => ({ status: 'enrolled', version: eb('version', '+', 1), updated_at: new Date() }))
      .where('id', 'in', [...entryOf.values()])
      .execute();
    const owner = new Map(persons.map((p) => [p.id, p]));
    const tasks: GeneratedTask[] = enrolments.map((e) => {
      const p = owner.get(e.person_id);
      const start = courseById.get(e.course_id)!.start_date;
      // A week to hand the letter over, but never after the course starts (nor before today).
      const due = [addDays(today, 7), start].sort()[0] as string;
      const dueOn = [due, today].sort()[1] as string;
      return {
        personId: e.person_id,
        kind: 'hand_over_letter',
        source: 'language',
        sourceKey: `hand_over_letter:${e.id}`,
        dueOn,
        eventOn: start,
        legalBasis: null,
        remindOn: dueOn,
        enrolmentId: e.id,
        userId: p?.owner_user_id ?? actor.userId,
        agencyId: p?.owner_agency_id ?? actor.agencyId,
      };
    });
    // The one task module (issue 13) keeps the letter in the advisor's inbox.
    await createGeneratedTasks(tx, actor.tenantId, tasks);
    for (const e of enrolments)
      await writeAudit(
        tx,
        actor,
        {
          action: 'enrol',
          entity: 'enrolment',
          entityId: e.id,
          personId: e.person_id,
          legalBasis: '§§ 67d, 69 SGB X (Kursplatzvergabe)',
          details: { courseId: e.course_id, allocationRunId: id },
        },
        requestId,
      );
    await writeAudit(
      tx,
      actor,
      {
        action: 'confirm',
        entity: 'allocation_run',
        entityId: id,
        details: { enrolments: enrolments.length },
      },
      requestId,
    );
    return {
      enrolments: enrolments.map((e) => ({ id: e.id, personId: e.person_id, courseId: e.course_id })),
      tasks: tasks.length,
    };
  });
}

/** The region's latest runs, newest first, as the run list shows them. */
export async function listRuns(
  db: Kysely<DB>,
  q: {
    tenantId: string;
    /** how many runs at most */
    limit: number;
  },
) {
  const rows = await recentRuns(db, q);
  return rows.map((x) => ({
    id: x.id,
    version: x.version,
    state: x.state,
    asOf: x.as_of,
    inputHash: x.input_hash,
    metrics: x.metrics as RunComparisonOut | null,
    createdAt: new Date(x.created_at).toISOString(),
    createdBy: x.created_by,
    confirmedAt: x.confirmed_at ? new Date(x.confirmed_at).toISOString() : null,
  }));
}

/**
 * The confirmed enrolments with the link to each person's course letter, in the person's letter language
 * (German when the person is not found).
 */
export async function withLetters<E extends { id: string; personId: string }>(
  db: Kysely<DB>,
  tenantId: string,
  enrolments: readonly E[],
) {
  const langs = enrolments.length
    ? await personLanguages(db, { tenantId, personIds: enrolments.map((e) => e.personId) })
    : [];
  const langOf = new Map(langs.map((p) => [p.id, letterLanguage(p.languages)]));
  return enrolments.map((e) => ({
    ...e,
    letter: {
      lang: langOf.get(e.personId) ?? 'de',
      url: `/api/enrolments/${e.id}/letter?lang=${langOf.get(e.personId) ?? 'de'}`,
    },
  }));
}
