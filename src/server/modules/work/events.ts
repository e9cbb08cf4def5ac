import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { visiblePersons } from '../persons/scope';
import { decidePerson } from '../persons/service';
import { updateVersioned } from '../versioned';
import * as repo from './repo';
import type { EventGuestInput, EventInput, WorkEventOut } from './schema';

// Job fairs and information events (issue 14): invited clients and employers, who came, what follows.
// A guest list names persons only where the reader could open them; an invitation is a use of the person's
// data for this purpose and is audited like any other.

const COLUMNS = {
  kind: 'kind',
  title: 'title',
  heldOn: 'held_on',
  municipalityId: 'municipality_id',
  place: 'place',
  audience: 'audience',
} as const satisfies Record<keyof Omit<EventInput, 'version'>, string>;

function eventRows(db: Kysely<DB>, tenantId: string, id?: string) {
  return db
    .selectFrom('work_event as e')
    .leftJoin('municipality as m', (j) =>
      j.onRef('m.id', '=', 'e.municipality_id').on('m.tenant_id', '=', tenantId),
    )
    .selectAll('e')
    .select('m.name as municipality_name')
    .select((eb) => [
      eb
        .selectFrom('work_event_guest as g')
        .select(sql<number>`count(*) FILTER (WHERE g.person_id IS NOT NULL)::int`.as('n'))
        .whereRef('g.event_id', '=', 'e.id')
        .where('g.tenant_id', '=', tenantId)
        .as('clients'),
      eb
        .selectFrom('work_event_guest as g')
        .select(sql<number>`count(*) FILTER (WHERE g.employer_id IS NOT NULL)::int`.as('n'))
        .whereRef('g.event_id', '=', 'e.id')
        .where('g.tenant_id', '=', tenantId)
        .as('employers'),
      eb
        .selectFrom('work_event_guest as g')
        .select(sql<number>`count(*) FILTER (WHERE g.attended)::int`.as('n'))
        .whereRef('g.event_id', '=', 'e.id')
        .where('g.tenant_id', '=', tenantId)
        .as('attended'),
    ])
    .where('e.tenant_id', '=', tenantId)
    .$if(id !== undefined, (q) => q.where('e.id', '=', id as string))
    .orderBy('e.held_on', 'desc')
    .limit(300)
    .execute();
}
type EventRow = Awaited<ReturnType<typeof eventRows>>[number];

const present = (e: EventRow): Omit<WorkEventOut, 'guests'> => ({
  id: e.id,
  kind: e.kind,
  title: e.title,
  heldOn: e.held_on,
  municipalityId: e.municipality_id,
  municipalityName: e.municipality_name ?? null,
  place: e.place,
  audience: e.audience,
  clients: Number(e.clients ?? 0),
  employers: Number(e.employers ?? 0),
  attended: Number(e.attended ?? 0),
  version: e.version,
});

export async function listEvents(db: Kysely<DB>, actor: Actor) {
  return (await eventRows(db, actor.tenantId)).map((e) => ({ ...present(e), guests: [] }));
}

export async function eventById(db: Kysely<DB>, actor: Actor, id: string): Promise<WorkEventOut> {
  const [e] = await eventRows(db, actor.tenantId, id);
  if (!e) throw notFound('Veranstaltung');
  const guests = await db
    .selectFrom('work_event_guest as g')
    .leftJoin('person as p', (j) =>
      j.onRef('p.id', '=', 'g.person_id').on('p.tenant_id', '=', actor.tenantId),
    )
    .leftJoin('employer as em', (j) =>
      j.onRef('em.id', '=', 'g.employer_id').on('em.tenant_id', '=', actor.tenantId),
    )
    .select([
      'g.id',
      'g.person_id',
      'g.employer_id',
      'g.attended',
      'g.follow_up',
      'p.given_names',
      'p.family_name',
      'em.name as employer_name',
    ])
    .where('g.tenant_id', '=', actor.tenantId)
    .where('g.event_id', '=', id)
    .execute();
  const visible = await visiblePersons(
    db,
    actor,
    guests.flatMap((g) => (g.person_id ? [g.person_id] : [])),
  );
  return {
    ...present(e),
    guests: guests
      .filter((g) => g.employer_id !== null || (g.person_id !== null && visible.has(g.person_id)))
      .map((g) => ({
        id: g.id,
        personId: g.person_id,
        employerId: g.employer_id,
        name: g.person_id ? `${g.given_names} ${g.family_name}` : (g.employer_name ?? ''),
        attended: g.attended,
        followUp: g.follow_up,
      })),
  };
}

async function checkPlace(db: Kysely<DB>, tenantId: string, municipalityId: string | null | undefined) {
  if (municipalityId && !(await repo.municipalityInTenant(db, tenantId, municipalityId)))
    throw badRequest('Unbekannter Ort.', [{ path: 'municipalityId', message: 'kein Ort dieser Region' }]);
}

function columns(b: Partial<EventInput>) {
  const out: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = b[f as keyof typeof COLUMNS];
    if (v !== undefined) out[c] = v;
  }
  return out;
}

export async function createEvent(
  db: Kysely<DB>,
  actor: Actor,
  b: Omit<EventInput, 'version'>,
  requestId?: string,
) {
  await checkPlace(db, actor.tenantId, b.municipalityId);
  const r = await db
    .insertInto('work_event')
    .values({ ...columns(b), tenant_id: actor.tenantId, created_by: actor.userId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(db, actor, { action: 'create', entity: 'work_event', entityId: r.id }, requestId);
  return eventById(db, actor, r.id);
}

export async function changeEvent(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  b: EventInput,
  requestId?: string,
) {
  const cur = await eventById(db, actor, id);
  const { version, ...fields } = b;
  await checkPlace(db, actor.tenantId, fields.municipalityId);
  if (!(await updateVersioned(db, 'work_event', actor.tenantId, id, version, columns(fields))))
    throw conflict('Die Veranstaltung wurde inzwischen geändert. Bitte neu laden.', cur);
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'work_event', entityId: id, details: { fields: Object.keys(fields) } },
    requestId,
  );
  return eventById(db, actor, id);
}

/** Invites a client (by the person's access decision, audited) or an employer. */
export async function invite(
  db: Kysely<DB>,
  actor: Actor,
  eventId: string,
  b: { personId?: string; employerId?: string },
  requestId?: string,
) {
  await eventById(db, actor, eventId);
  if (!b.personId === !b.employerId)
    throw badRequest('Bitte eine Person oder einen Arbeitgeber einladen.', [
      { path: 'personId', message: 'genau eine Person oder ein Arbeitgeber' },
    ]);
  let decision: Awaited<ReturnType<typeof decidePerson>>['decision'] | null = null;
  if (b.personId) {
    decision = (await decidePerson(db, actor, b.personId, { action: 'invite_to_event', requestId })).decision;
    if (!decision.allowed) throw forbidden();
  } else {
    const e = await db
      .selectFrom('employer')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', b.employerId as string)
      .executeTakeFirst();
    if (!e)
      throw badRequest('Unbekannter Arbeitgeber.', [
        { path: 'employerId', message: 'kein Arbeitgeber dieser Region' },
      ]);
  }
  const r = await db
    .insertInto('work_event_guest')
    .values({
      tenant_id: actor.tenantId,
      event_id: eventId,
      person_id: b.personId ?? null,
      employer_id: b.employerId ?? null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!r) throw conflict('Schon eingeladen.');
  // One act, one row: the invitation that happened, not an attempt refused as a double.
  if (b.personId && decision?.allowed)
    await writeAudit(
      db,
      actor,
      {
        action: 'invite_to_event',
        entity: 'person',
        entityId: b.personId,
        personId: b.personId,
        legalBasis: decision.basis,
        purpose: decision.purpose,
        details: { eventId },
      },
      requestId,
    );
  return eventById(db, actor, eventId);
}

/** Attendance and follow-up of one guest; a field sent alone changes that field alone. */
export async function recordGuest(
  db: Kysely<DB>,
  actor: Actor,
  eventId: string,
  guestId: string,
  b: EventGuestInput,
  requestId?: string,
) {
  const ev = await eventById(db, actor, eventId);
  if (!ev.guests.some((g) => g.id === guestId)) throw notFound('Gast');
  const set: Record<string, unknown> = {};
  if (b.attended !== undefined) set.attended = b.attended;
  if (b.followUp !== undefined) set.follow_up = b.followUp;
  await db
    .updateTable('work_event_guest')
    .set(set)
    .where('tenant_id', '=', actor.tenantId)
    .where('event_id', '=', eventId)
    .where('id', '=', guestId)
    .execute();
  await writeAudit(
    db,
    actor,
    {
      action: 'update',
      entity: 'work_event_guest',
      entityId: guestId,
      details: { eventId, fields: Object.keys(set) },
    },
    requestId,
  );
  return eventById(db, actor, eventId);
}
