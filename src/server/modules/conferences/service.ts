import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { requireAccess } from '../access';
import { writeAudit } from '../audit/audit-writer';
import { visiblePersons } from '../persons/scope';
import { createTask } from '../tasks/service';
import * as repo from './repo';
import type { ConferenceOut } from './schema';

export async function listConferences(db: Kysely<DB>, actor: Actor) {
  const rows = await repo.conferencesOf(db, actor.tenantId, actor.agencyId);
  const parts = await repo.participants(
    db,
    actor.tenantId,
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    heldOn: c.held_on,
    organiser: c.organiser,
    agencies: parts.filter((p) => p.conference_id === c.id).map((p) => p.name),
    cases: Number(c.cases ?? 0),
  }));
}

/**
 * One conference as this participant may see it: each case by name and with its minutes only if the
 * reader's agency may read that person; one audit row per person shown.
 */
export async function conferenceFor(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  requestId?: string,
): Promise<ConferenceOut> {
  const [c] = await repo.conferencesOf(db, actor.tenantId, actor.agencyId, id);
  if (!c) throw notFound('Fallbesprechung');
  const [parts, items] = await Promise.all([
    repo.participants(db, actor.tenantId, [id]),
    repo.items(db, actor.tenantId, id),
  ]);
  const visible = await visiblePersons(
    db,
    actor,
    items.map((i) => i.person_id),
  );
  for (const pid of visible)
    await writeAudit(
      db,
      actor,
      { action: 'read_conference', entity: 'case_conference', entityId: id, personId: pid },
      requestId,
    );
  return {
    id: c.id,
    title: c.title,
    heldOn: c.held_on,
    organiser: c.organiser,
    agencies: parts.map((p) => p.name),
    cases: items.length,
    items: items.map((i) =>
      visible.has(i.person_id)
        ? {
            id: i.id,
            position: i.position,
            person: { id: i.person_id, name: `${i.given_names} ${i.family_name}` },
            minutes: i.minutes,
            version: i.version,
          }
        : { id: i.id, position: i.position, person: null, minutes: null, version: i.version },
    ),
  };
}

export async function createConference(
  db: Kysely<DB>,
  actor: Actor,
  b: { title: string; heldOn: string; agencyIds: string[]; personIds: string[] },
  requestId?: string,
): Promise<ConferenceOut> {
  // Every case on the agenda in the organiser's reach, decided in one statement; one audit row per case.
  await requireAccess(
    db,
    actor,
    'person:read',
    { personIds: b.personIds },
    { action: 'put_on_conference', requestId, auditAllowed: true },
  );
  if (b.agencyIds.length > 0) {
    const found = await db
      .selectFrom('agency')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', 'in', b.agencyIds)
      .execute();
    if (found.length !== new Set(b.agencyIds).size)
      throw badRequest('Unbekannte Stelle.', [
        { path: 'agencyIds', message: 'Eine Stelle gehört nicht zu dieser Region.' },
      ]);
  }
  const id = await db.transaction().execute((tx) =>
    repo.insertConference(tx, {
      tenantId: actor.tenantId,
      title: b.title,
      heldOn: b.heldOn,
      organiserId: actor.userId,
      agencyId: actor.agencyId,
      agencyIds: b.agencyIds,
      personIds: b.personIds,
    }),
  );
  return conferenceFor(db, actor, id, requestId);
}

async function itemFor(db: Kysely<DB>, actor: Actor, id: string, itemId: string) {
  const conf = await conferenceFor(db, actor, id);
  const item = conf.items.find((i) => i.id === itemId);
  if (!item) throw notFound('Fall auf der Tagesordnung');
  if (!item.person) throw forbidden('Für diesen Fall liegt Ihrer Stelle keine Einwilligung vor.');
  return item;
}

export async function recordMinutes(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  itemId: string,
  b: { version: number; minutes: string | null },
  requestId?: string,
) {
  const item = await itemFor(db, actor, id, itemId);
  if (!(await repo.updateMinutes(db, actor.tenantId, id, itemId, b.version, b.minutes)))
    throw conflict('Das Protokoll wurde inzwischen von jemand anderem geändert. Bitte neu laden.');
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'conference_item', entityId: itemId, personId: item.person?.id ?? null },
    requestId,
  );
  return conferenceFor(db, actor, id);
}

/** An agreed action becomes a task about the person in the inbox of whoever takes it on. */
export async function agreeAction(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  itemId: string,
  b: { title: string; dueOn: string; assigneeUserId?: string | null },
  requestId?: string,
) {
  const item = await itemFor(db, actor, id, itemId);
  return createTask(
    db,
    actor,
    {
      title: b.title,
      dueOn: b.dueOn,
      personId: item.person?.id,
      assigneeUserId: b.assigneeUserId,
      note: 'Vereinbart in der Fallbesprechung',
    },
    requestId,
  );
}
