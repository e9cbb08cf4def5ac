import { type Kysely, sql } from 'kysely';
import type { DB, TaskStatus } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { addDays } from '../../../domain/reference/dates';
import { SOON_DAYS, type WantedTask } from '../../../domain/tasks/deadline-tasks';
import { personScope } from '../persons/scope';
import type { InboxQuery } from './schema';

// The task module's SQL. Only this module writes `task` (ownership test); others call service.ts.

/** Who sees a task: the tenant, the scope (own / the agency's), and a person the reader may open. */
function inboxBase(
  db: Kysely<DB>,
  actor: Actor,
  q: { scope: InboxQuery['scope']; personId?: string | undefined; id?: string },
  today: string,
) {
  return db
    .selectFrom('task as t')
    .leftJoin('person', (j) =>
      j.onRef('person.id', '=', 't.person_id').on('person.tenant_id', '=', actor.tenantId),
    )
    .where('t.tenant_id', '=', actor.tenantId)
    .$if(q.id !== undefined, (b) => b.where('t.id', '=', q.id as string))
    .$if(q.personId === undefined && q.id === undefined, (b) =>
      q.scope === 'mine'
        ? b.where('t.assignee_user_id', '=', actor.userId)
        : b.where('t.assignee_agency_id', '=', actor.agencyId),
    )
    .$if(q.personId !== undefined, (b) => b.where('t.person_id', '=', q.personId as string))
    .where((eb) =>
      eb.or([
        eb('t.person_id', 'is', null),
        // The persons list's own scope: an inbox never shows a name the reader could not open.
        personScope(actor, today)(eb as never) as never,
      ]),
    );
}

export async function inboxCounts(db: Kysely<DB>, actor: Actor, q: InboxQuery, today: string) {
  const soon = addDays(today, SOON_DAYS);
  const r = await inboxBase(db, actor, q, today)
    .select([
      sql<number>`count(*) FILTER (WHERE t.status = 'open' AND t.due_on < ${today})::int`.as('overdue'),
      sql<number>`count(*) FILTER (WHERE t.status = 'open' AND t.due_on = ${today})::int`.as('today'),
      sql<number>`count(*) FILTER (WHERE t.status = 'open' AND t.due_on > ${today} AND t.due_on <= ${soon})::int`.as(
        'soon',
      ),
      sql<number>`count(*) FILTER (WHERE t.status = 'open' AND t.due_on > ${soon})::int`.as('later'),
      sql<number>`count(*) FILTER (WHERE t.status = 'done')::int`.as('done'),
    ])
    .executeTakeFirstOrThrow();
  return r;
}

export function inboxPage(db: Kysely<DB>, actor: Actor, q: InboxQuery & { id?: string }, today: string) {
  const soon = addDays(today, SOON_DAYS);
  let b = inboxBase(db, actor, q, today).$if(q.id === undefined, (w) => w.where('t.status', '=', q.status));
  if (q.status === 'open' && q.urgency) {
    b =
      q.urgency === 'overdue'
        ? b.where('t.due_on', '<', today)
        : q.urgency === 'today'
          ? b.where('t.due_on', '=', today)
          : q.urgency === 'soon'
            ? b.where('t.due_on', '>', today).where('t.due_on', '<=', soon)
            : b.where('t.due_on', '>', soon);
  }
  return b
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.id', '=', 't.assignee_user_id').on('u.tenant_id', '=', actor.tenantId),
    )
    .leftJoin('agency as a', (j) =>
      j.onRef('a.id', '=', 't.assignee_agency_id').on('a.tenant_id', '=', actor.tenantId),
    )
    .select([
      't.id',
      't.kind',
      't.source',
      't.title',
      't.note',
      't.due_on',
      't.event_on',
      't.legal_basis',
      't.status',
      't.closed_reason',
      't.person_id',
      't.enrolment_id',
      't.assignee_user_id',
      't.assignee_agency_id',
      't.done_at',
      't.version',
      'person.given_names',
      'person.family_name',
      'u.display_name as assignee_name',
      'a.name as agency_name',
    ])
    .orderBy(q.status === 'open' ? 't.due_on' : 't.done_at', q.status === 'open' ? 'asc' : 'desc')
    .orderBy('t.id')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
}
export type TaskRow = Awaited<ReturnType<typeof inboxPage>>[number];

export function findTask(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('task')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertManualTask(
  db: Kysely<DB>,
  v: {
    tenantId: string;
    personId: string | null;
    title: string;
    note: string | null;
    dueOn: string;
    userId: string | null;
    agencyId: string;
    createdBy: string;
  },
): Promise<string> {
  const r = await db
    .insertInto('task')
    .values({
      tenant_id: v.tenantId,
      person_id: v.personId,
      kind: 'manual',
      source: 'manual',
      title: v.title,
      note: v.note,
      due_on: v.dueOn,
      remind_on: v.dueOn,
      assignee_user_id: v.userId,
      assignee_agency_id: v.agencyId,
      created_by: v.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** A change under optimistic locking: 0 rows means someone else changed the task first. */
export async function updateTask(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  set: Partial<{
    title: string;
    note: string | null;
    due_on: string;
    remind_on: string;
    reminded_at: null;
    status: TaskStatus;
    done_at: Date | null;
    done_by: string | null;
    assignee_user_id: string | null;
    assignee_agency_id: string;
  }>,
): Promise<boolean> {
  const r = await db
    .updateTable('task')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ---------------------------------------------------------------- generated tasks

export interface GeneratedTask {
  personId: string;
  kind: string;
  source: 'deadline' | 'language' | 'plan' | 'work';
  sourceKey: string;
  dueOn: string;
  eventOn: string | null;
  legalBasis: string | null;
  remindOn: string | null;
  enrolmentId?: string | null;
  /** Own words (a plan step); else the kind names the task. */
  title?: string | null;
  userId: string | null;
  agencyId: string | null;
}

const BATCH = 1000;

/** Inserts generated tasks; an open task for the same event is left as it is (a double run adds nothing). */
export async function insertGenerated(db: Kysely<DB>, tenantId: string, rows: readonly GeneratedTask[]) {
  for (let i = 0; i < rows.length; i += BATCH) {
    await db
      .insertInto('task')
      .values(
        rows.slice(i, i + BATCH).map((t) => ({
          tenant_id: tenantId,
          person_id: t.personId,
          kind: t.kind,
          source: t.source,
          source_key: t.sourceKey,
          due_on: t.dueOn,
          event_on: t.eventOn,
          legal_basis: t.legalBasis,
          remind_on: t.remindOn,
          enrolment_id: t.enrolmentId ?? null,
          title: t.title ?? null,
          assignee_user_id: t.userId,
          assignee_agency_id: t.agencyId,
        })),
      )
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'person_id', 'source_key'])
          .where('status', '=', 'open')
          .where('source_key', 'is not', null)
          .doNothing(),
      )
      .execute();
  }
}

export function openDeadlineTasks(db: Kysely<DB>, tenantId: string, personIds: readonly string[] | null) {
  return db
    .selectFrom('task')
    .select(['id', 'person_id', 'source_key', 'due_on', 'event_on', 'legal_basis'])
    .where('tenant_id', '=', tenantId)
    .where('source', '=', 'deadline')
    .where('status', '=', 'open')
    .$if(personIds !== null, (q) => q.where('person_id', 'in', personIds ?? []))
    .execute();
}

/** New days for tasks whose event moved, in one statement per thousand. A moved task is reminded again. */
export async function moveGenerated(
  db: Kysely<DB>,
  tenantId: string,
  moves: readonly { id: string; to: WantedTask }[],
): Promise<void> {
  for (let i = 0; i < moves.length; i += BATCH) {
    const values = moves
      .slice(i, i + BATCH)
      .map(
        (m) =>
          sql`(${m.id}::uuid, ${m.to.dueOn}::date, ${m.to.eventOn}::date, ${m.to.legalBasis}, ${m.to.remindOn}::date)`,
      );
    await sql`
      UPDATE task AS t SET due_on = v.due_on, event_on = v.event_on, legal_basis = v.basis,
        remind_on = v.remind_on, reminded_at = NULL, version = t.version + 1, updated_at = now()
      FROM (VALUES ${sql.join(values)}) AS v (id, due_on, event_on, basis, remind_on)
      WHERE t.id = v.id AND t.tenant_id = ${tenantId} AND t.status = 'open'`.execute(db);
  }
}

/** Closes open tasks whose event is gone ('source_gone') or whose case closed ('case_closed'). */
export async function closeGenerated(
  db: Kysely<DB>,
  tenantId: string,
  ids: readonly string[],
  reason: string,
) {
  for (let i = 0; i < ids.length; i += BATCH) {
    await db
      .updateTable('task')
      .set((eb) => ({
        status: 'cancelled',
        closed_reason: reason,
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', ids.slice(i, i + BATCH))
      .where('status', '=', 'open')
      .execute();
  }
}

/**
 * Keeps the open tasks of one source and person equal to `wanted` (by source key): new ones are added,
 * moved ones get their new day, the rest close — as done when the source says so, else as gone.
 * `within` narrows which open tasks this call owns (e.g. one placement's after-care among the person's
 * others); tasks outside it are left as they are.
 */
export async function replaceSourceTasks(
  db: Kysely<DB>,
  tenantId: string,
  personId: string,
  source: GeneratedTask['source'],
  wanted: readonly GeneratedTask[],
  doneKeys: ReadonlySet<string> = new Set(),
  within: (sourceKey: string) => boolean = () => true,
): Promise<{ created: number; moved: number; closed: number }> {
  const open = (
    await db
      .selectFrom('task')
      .select(['id', 'source_key', 'due_on', 'title'])
      .where('tenant_id', '=', tenantId)
      .where('person_id', '=', personId)
      .where('source', '=', source)
      .where('status', '=', 'open')
      .execute()
  ).filter((t) => within(t.source_key as string));
  const byKey = new Map(open.map((t) => [t.source_key as string, t]));
  const wantedKeys = new Set(wanted.map((w) => w.sourceKey));
  const create = wanted.filter((w) => !byKey.has(w.sourceKey));
  let moved = 0;
  for (const w of wanted) {
    const t = byKey.get(w.sourceKey);
    if (t && (t.due_on !== w.dueOn || (w.title !== undefined && t.title !== w.title))) {
      await db
        .updateTable('task')
        .set((eb) => ({
          title: w.title ?? null,
          due_on: w.dueOn,
          event_on: w.eventOn,
          remind_on: w.remindOn,
          reminded_at: null,
          version: eb('version', '+', 1),
          updated_at: new Date(),
        }))
        .where('tenant_id', '=', tenantId)
        .where('id', '=', t.id)
        .execute();
      moved++;
    }
  }
  const gone = open.filter((t) => !wantedKeys.has(t.source_key as string));
  const done = gone.filter((t) => doneKeys.has(t.source_key as string)).map((t) => t.id);
  if (done.length > 0)
    await db
      .updateTable('task')
      .set((eb) => ({
        status: 'done',
        done_at: new Date(),
        version: eb('version', '+', 1),
        updated_at: new Date(),
      }))
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', done)
      .execute();
  await closeGenerated(
    db,
    tenantId,
    gone.filter((t) => !doneKeys.has(t.source_key as string)).map((t) => t.id),
    'source_gone',
  );
  await insertGenerated(db, tenantId, create);
  return { created: create.length, moved, closed: gone.length };
}
