import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { authorizePerson } from '../persons/service';
import { presentTask } from './presenter';
import * as repo from './repo';
import type { InboxQuery, UpdateTaskBody } from './schema';

export { type GeneratedTask, insertGenerated as createGeneratedTasks, replaceSourceTasks } from './repo';

/**
 * The inbox: counts per urgency and one page. With `personId` the tasks of that person, after the
 * person read decision (audited as a read of that person); otherwise one audit row for the list.
 */
export async function inbox(db: Kysely<DB>, actor: Actor, q: InboxQuery, requestId?: string) {
  const today = todayInGermany();
  if (q.personId) {
    await authorizePerson(db, actor, q.personId, { action: 'read_tasks', requestId });
  }
  const [counts, rows] = await Promise.all([
    repo.inboxCounts(db, actor, q, today),
    repo.inboxPage(db, actor, q, today),
  ]);
  if (!q.personId) {
    await writeAudit(
      db,
      actor,
      {
        action: 'search',
        entity: 'task',
        details: { scope: q.scope, status: q.status, results: rows.length },
      },
      requestId,
    );
  }
  const total =
    q.status === 'done' ? counts.done : counts.overdue + counts.today + counts.soon + counts.later;
  return { counts, total, items: rows.map((r) => presentTask(r, today)) };
}

/** Resolves an assignee — null: the team inbox of the own agency; else a colleague of that agency. */
async function assignee(
  db: Kysely<DB>,
  actor: Actor,
  to: string | null,
): Promise<{ userId: string | null; agencyId: string }> {
  if (to === actor.userId) return { userId: actor.userId, agencyId: actor.agencyId };
  if (to === null) return { userId: null, agencyId: actor.agencyId };
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', to)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!u)
    throw badRequest('Diese Person gibt es nicht als aktives Konto.', [
      { path: 'assignTo', message: 'unbekanntes Konto' },
    ]);
  if (u.agency_id !== actor.agencyId) {
    throw badRequest(
      'Aufgaben gehen nur an Kolleginnen und Kollegen der eigenen Stelle; andere Stellen erreichen Sie über eine Übergabe.',
      [{ path: 'assignTo', message: 'andere Stelle' }],
    );
  }
  return { userId: u.id, agencyId: u.agency_id };
}

async function loadOne(db: Kysely<DB>, actor: Actor, id: string) {
  const t = await repo.findTask(db, actor.tenantId, id);
  if (!t) throw notFound('Aufgabe');
  return t;
}

/** May this reader change the task? The assignee, anyone of the assigned agency. */
function mayChange(actor: Actor, t: { assignee_user_id: string | null; assignee_agency_id: string | null }) {
  return t.assignee_user_id === actor.userId || t.assignee_agency_id === actor.agencyId;
}

export async function createTask(
  db: Kysely<DB>,
  actor: Actor,
  body: { title: string; note?: string; dueOn: string; personId?: string; assigneeUserId?: string | null },
  requestId?: string,
) {
  if (body.personId) await authorizePerson(db, actor, body.personId, { action: 'create_task', requestId });
  const to = await assignee(
    db,
    actor,
    body.assigneeUserId === undefined ? actor.userId : body.assigneeUserId,
  );
  const id = await repo.insertManualTask(db, {
    tenantId: actor.tenantId,
    personId: body.personId ?? null,
    title: body.title,
    note: body.note ?? null,
    dueOn: body.dueOn,
    userId: to.userId,
    agencyId: to.agencyId,
    createdBy: actor.userId,
  });
  if (!body.personId) {
    await writeAudit(db, actor, { action: 'create', entity: 'task', entityId: id }, requestId);
  }
  return taskById(db, actor, id);
}

export async function taskById(db: Kysely<DB>, actor: Actor, id: string) {
  const today = todayInGermany();
  // The same visibility as the inbox: a task of a person the reader may not open is not found.
  const [row] = await repo.inboxPage(
    db,
    actor,
    { id, scope: 'mine', status: 'open', page: 1, pageSize: 1 },
    today,
  );
  if (!row) throw notFound('Aufgabe');
  return presentTask(row, today);
}

export async function changeTask(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  body: UpdateTaskBody,
  requestId?: string,
) {
  const t = await loadOne(db, actor, id);
  if (!mayChange(actor, t)) throw forbidden('Diese Aufgabe gehört einer anderen Stelle.');
  if (t.status === 'cancelled')
    throw conflict('Diese Aufgabe ist entfallen und kann nicht mehr geändert werden.');
  if (t.source !== 'manual' && (body.title !== undefined || body.dueOn !== undefined)) {
    const m =
      'Die Frist ergibt sich aus der Rechtslage und verschiebt sich von selbst, wenn sich die Angaben zur Person ändern.';
    throw badRequest(m, [{ path: body.dueOn !== undefined ? 'dueOn' : 'title', message: m }]);
  }
  const set: Parameters<typeof repo.updateTask>[4] = {};
  if (body.title !== undefined) set.title = body.title;
  if (body.note !== undefined) set.note = body.note;
  if (body.dueOn !== undefined) {
    set.due_on = body.dueOn;
    set.remind_on = body.dueOn;
    set.reminded_at = null;
  }
  if (body.status !== undefined && body.status !== t.status) {
    set.status = body.status;
    set.done_at = body.status === 'done' ? new Date() : null;
    set.done_by = body.status === 'done' ? actor.userId : null;
  }
  if (body.assigneeUserId !== undefined) {
    const to = await assignee(db, actor, body.assigneeUserId);
    set.assignee_user_id = to.userId;
    set.assignee_agency_id = to.agencyId;
  }
  if (!(await repo.updateTask(db, actor.tenantId, id, body.version, set))) {
    throw conflict('Die Aufgabe wurde inzwischen geändert. Bitte neu laden.', await taskById(db, actor, id));
  }
  await writeAudit(
    db,
    actor,
    {
      action: 'update',
      entity: 'task',
      entityId: id,
      personId: t.person_id,
      details: { fields: Object.keys(body).filter((k) => k !== 'version') },
    },
    requestId,
  );
  return taskById(db, actor, id);
}
