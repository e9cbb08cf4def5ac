import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import type { Actor } from '../../../domain/access/person-access';
import {
  type AppointmentLetterData,
  letterLanguageFor,
  renderAppointmentLetter,
} from '../../../domain/appointments/letter';
import { badRequest, conflict, HttpError, notFound } from '../../http/errors';
import { printFontCss } from '../../print/fonts';
import { writeAudit } from '../audit/audit-writer';
import { visiblePersons } from '../persons/scope';
import { authorizePerson } from '../persons/service';
import { clientLanguage, presentAppointment } from './presenter';
import * as repo from './repo';
import type { AppointmentOut, UpdateBody } from './schema';

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});
const berlinTime = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  hour: '2-digit',
  minute: '2-digit',
});

/** A 400 naming the field: the title for the page, the message under the field. */
const refuse = (path: string, title: string, message: string) => badRequest(title, [{ path, message }]);

export async function listForActor(
  db: Kysely<DB>,
  actor: Actor,
  q: Parameters<typeof repo.listAppointments>[2],
  requestId?: string,
): Promise<AppointmentOut[]> {
  if (q.personId) await authorizePerson(db, actor, q.personId, { action: 'read_appointments', requestId });
  const rows = await repo.listAppointments(db, actor.tenantId, q);
  const visible = await visiblePersons(
    db,
    actor,
    rows.flatMap((r) => (r.person_id ? [r.person_id] : [])),
  );
  if (!q.personId && visible.size > 0) {
    await writeAudit(
      db,
      actor,
      { action: 'search', entity: 'appointment', details: { results: rows.length, persons: visible.size } },
      requestId,
    );
  }
  return rows.map((r) => presentAppointment(r, visible));
}

export async function appointmentById(db: Kysely<DB>, actor: Actor, id: string): Promise<AppointmentOut> {
  const [row] = await repo.listAppointments(db, actor.tenantId, { from: '', to: '', id });
  if (!row) throw notFound('Termin');
  const visible = await visiblePersons(db, actor, row.person_id ? [row.person_id] : []);
  return presentAppointment(row, visible);
}

/** Every id from the client is checked against the reader's region (issue 9, finding 11). */
async function checkRefs(
  db: Kysely<DB>,
  actor: Actor,
  v: {
    office_id: string;
    room_id: string | null;
    staff_user_id: string;
    interpreter_id: string | null;
    interpreter_language: string | null;
  },
): Promise<void> {
  const t = actor.tenantId;
  const office = await db
    .selectFrom('office')
    .select('id')
    .where('tenant_id', '=', t)
    .where('id', '=', v.office_id)
    .executeTakeFirst();
  if (!office) throw refuse('officeId', 'Unbekannter Standort.', 'Diesen Standort gibt es nicht.');
  if (v.room_id) {
    const room = await db
      .selectFrom('room')
      .select('office_id')
      .where('tenant_id', '=', t)
      .where('id', '=', v.room_id)
      .executeTakeFirst();
    if (!room) throw refuse('roomId', 'Unbekannter Raum.', 'Diesen Raum gibt es nicht.');
    if (room.office_id !== v.office_id)
      throw refuse(
        'roomId',
        'Der Raum liegt an einem anderen Standort.',
        'Der Raum liegt an einem anderen Standort.',
      );
  }
  const staff = await db
    .selectFrom('app_user')
    .select('id')
    .where('tenant_id', '=', t)
    .where('id', '=', v.staff_user_id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  if (!staff) throw refuse('staffUserId', 'Unbekannte Fachkraft.', 'Dieses Konto gibt es nicht.');
  if (v.interpreter_id) {
    const i = await db
      .selectFrom('interpreter')
      .select('languages')
      .where('tenant_id', '=', t)
      .where('id', '=', v.interpreter_id)
      .executeTakeFirst();
    if (!i) throw refuse('interpreterId', 'Unbekannte Dolmetscherin.', 'Diese Person gibt es nicht.');
    if (!v.interpreter_language || !i.languages.includes(v.interpreter_language))
      throw refuse(
        'interpreterId',
        'Diese Person dolmetscht die gewünschte Sprache nicht.',
        'Dolmetscht die gewünschte Sprache nicht.',
      );
  }
}

const RESOURCE = {
  appointment_room_free: { column: 'room_id', field: 'roomId' },
  appointment_staff_free: { column: 'staff_user_id', field: 'staffUserId' },
  appointment_interpreter_free: { column: 'interpreter_id', field: 'interpreterId' },
} as const;

/** The name of a booked room, staff member or interpreter, for the message of a clash. */
async function resourceName(
  db: Kysely<DB>,
  tenantId: string,
  field: 'roomId' | 'staffUserId' | 'interpreterId',
  id: string,
) {
  const table = field === 'roomId' ? 'room' : field === 'staffUserId' ? 'app_user' : 'interpreter';
  const column = field === 'staffUserId' ? 'display_name' : 'name';
  const r = await db
    .selectFrom(table as 'room')
    .select(sql<string>`${sql.ref(column)}`.as('n'))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
  return r?.n ?? null;
}

/**
 * The database refused an overlap (exclusion constraint): answer 409 naming who or what is taken and
 * when, on the field that caused it.
 */
async function clashError(
  db: Kysely<DB>,
  actor: Actor,
  err: unknown,
  v: repo.AppointmentValues,
  selfId: string | null,
): Promise<never> {
  const e = err as { code?: string; constraint?: string };
  const res = e.code === '23P01' ? RESOURCE[e.constraint as keyof typeof RESOURCE] : undefined;
  if (!res) throw err;
  const id = v[res.column] as string;
  const other = await repo.clashWith(db, actor.tenantId, res.column, id, v.starts_at, v.ends_at, selfId);
  const span = other
    ? `am ${berlin.format(new Date(other.starts_at)).replace(',', ' von')} bis ${berlinTime.format(new Date(other.ends_at))} Uhr`
    : 'zu dieser Zeit';
  const name = await resourceName(db, actor.tenantId, res.field, id);
  const who =
    res.field === 'roomId'
      ? `Der Raum „${name ?? ''}“ ist ${span} schon belegt.`
      : res.field === 'staffUserId'
        ? `${name ?? 'Die Fachkraft'} hat ${span} schon einen Termin.`
        : `${name ?? 'Die Dolmetscherin'} dolmetscht ${span} schon bei einem anderen Termin.`;
  throw new HttpError(409, 'booking_clash', who, {
    issues: [{ path: res.field, message: who }],
    clash: { field: res.field, appointmentId: other?.id ?? null },
  });
}

export async function createAppointment(
  db: Kysely<DB>,
  actor: Actor,
  b: {
    startsAt: string;
    endsAt: string;
    kind: string;
    officeId: string;
    roomId?: string | null;
    staffUserId?: string;
    personId?: string;
    interpreterLanguage?: string | null;
    interpreterId?: string | null;
    note?: string;
  },
  requestId?: string,
): Promise<AppointmentOut> {
  if (b.personId) await authorizePerson(db, actor, b.personId, { action: 'book_appointment', requestId });
  const v: repo.AppointmentValues = {
    person_id: b.personId ?? null,
    office_id: b.officeId,
    room_id: b.roomId ?? null,
    staff_user_id: b.staffUserId ?? actor.userId,
    interpreter_language: b.interpreterLanguage ?? null,
    interpreter_id: b.interpreterId ?? null,
    kind: b.kind,
    note: b.note ?? null,
    starts_at: new Date(b.startsAt),
    ends_at: new Date(b.endsAt),
  };
  await checkRefs(db, actor, v);
  let id: string;
  try {
    id = await repo.insertAppointment(db, actor.tenantId, actor.userId, v);
  } catch (err) {
    return clashError(db, actor, err, v, null);
  }
  if (!b.personId)
    await writeAudit(db, actor, { action: 'create', entity: 'appointment', entityId: id }, requestId);
  return appointmentById(db, actor, id);
}

export async function changeAppointment(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  b: UpdateBody,
  requestId?: string,
): Promise<AppointmentOut> {
  const cur = await repo.findAppointment(db, actor.tenantId, id);
  if (!cur) throw notFound('Termin');
  const v: repo.AppointmentValues = {
    person_id: cur.person_id,
    office_id: b.officeId ?? cur.office_id,
    room_id: b.roomId !== undefined ? b.roomId : cur.room_id,
    staff_user_id: b.staffUserId ?? cur.staff_user_id,
    interpreter_language:
      b.interpreterLanguage !== undefined ? b.interpreterLanguage : cur.interpreter_language,
    interpreter_id: b.interpreterId !== undefined ? b.interpreterId : cur.interpreter_id,
    kind: b.kind ?? cur.kind,
    note: b.note !== undefined ? b.note : cur.note,
    starts_at: b.startsAt ? new Date(b.startsAt) : new Date(cur.starts_at),
    ends_at: b.endsAt ? new Date(b.endsAt) : new Date(cur.ends_at),
  };
  if (v.ends_at <= v.starts_at)
    throw badRequest('Das Ende muss nach dem Beginn liegen.', [
      { path: 'endsAt', message: 'Das Ende muss nach dem Beginn liegen' },
    ]);
  await checkRefs(db, actor, v);
  // Only what was sent is written: a field sent alone changes that field alone.
  const set: Parameters<typeof repo.updateAppointment>[4] = {};
  const map = {
    officeId: 'office_id',
    roomId: 'room_id',
    staffUserId: 'staff_user_id',
    interpreterLanguage: 'interpreter_language',
    interpreterId: 'interpreter_id',
    kind: 'kind',
    note: 'note',
    startsAt: 'starts_at',
    endsAt: 'ends_at',
  } as const;
  for (const [field, column] of Object.entries(map)) {
    if ((b as Record<string, unknown>)[field] !== undefined)
      (set as Record<string, unknown>)[column] = v[column];
  }
  if (b.status !== undefined) set.status = b.status;
  let ok: boolean;
  try {
    ok = await repo.updateAppointment(db, actor.tenantId, id, b.version, set);
  } catch (err) {
    return clashError(db, actor, err, v, id);
  }
  if (!ok)
    throw conflict(
      'Der Termin wurde inzwischen geändert. Bitte neu laden.',
      await appointmentById(db, actor, id),
    );
  await writeAudit(
    db,
    actor,
    {
      action: 'update',
      entity: 'appointment',
      entityId: id,
      personId: cur.person_id,
      details: { fields: Object.keys(b).filter((k) => k !== 'version') },
    },
    requestId,
  );
  return appointmentById(db, actor, id);
}

/** The printed invitation to the client, in German and the client's language (or the one asked for). */
export async function appointmentLetter(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  lang?: string,
  requestId?: string,
): Promise<string> {
  const [row] = await repo.listAppointments(db, actor.tenantId, { from: '', to: '', id });
  if (!row) throw notFound('Termin');
  if (!row.person_id) throw badRequest('Dieser Termin hat keine Person, an die ein Brief gehen könnte.');
  const { row: person } = await authorizePerson(db, actor, row.person_id, {
    action: 'print_appointment_letter',
    requestId,
    details: { appointmentId: id },
  });
  const agency = await db
    .selectFrom('app_user as u')
    .innerJoin('agency as a', (j) =>
      j.onRef('a.id', '=', 'u.agency_id').on('a.tenant_id', '=', actor.tenantId),
    )
    .select('a.name')
    .where('u.tenant_id', '=', actor.tenantId)
    .where('u.id', '=', row.staff_id)
    .executeTakeFirst();
  const office = await db
    .selectFrom('office as o')
    .innerJoin('municipality as m', (j) =>
      j.onRef('m.id', '=', 'o.municipality_id').on('m.tenant_id', '=', actor.tenantId),
    )
    .select('m.name')
    .where('o.tenant_id', '=', actor.tenantId)
    .where('o.id', '=', row.office_id)
    .executeTakeFirst();
  const language =
    lang ??
    letterLanguageFor(clientLanguage(person.languages as { code: string; level: string }[] | null)) ??
    'de';
  return renderAppointmentLetter(
    {
      person: `${person.given_names} ${person.family_name}`,
      kind: row.kind as AppointmentLetterData['kind'],
      startsAt: new Date(row.starts_at).toISOString(),
      endsAt: new Date(row.ends_at).toISOString(),
      place: row.office_name,
      address: office?.name ?? null,
      room: row.room_name,
      staff: row.staff_name,
      agency: agency?.name ?? '',
      interpreterLanguage: row.interpreter_language,
      contact: `${row.staff_name}, ${agency?.name ?? ''}`,
    },
    language,
    printFontCss(),
  );
}

/**
 * The appointments of the staff member whose secret feed address this is (30 days back, 180 ahead), with
 * no person named: the feed leaves Lotse. A calendar app cannot log in, so the secret is the key.
 */
export async function calendarFeed(db: Kysely<DB>, token: string): Promise<AppointmentOut[]> {
  const feed = await db
    .selectFrom('calendar_feed as f')
    .innerJoin('app_user as u', 'u.id', 'f.user_id')
    .select(['f.user_id', 'f.tenant_id', 'u.disabled_at'])
    .where('f.token_hash', '=', createHash('sha256').update(token).digest('hex'))
    .modifyEnd(crossTenant('the feed is found by its secret before its tenant is known'))
    .executeTakeFirst();
  if (!feed || feed.disabled_at) throw notFound('Kalender');
  const now = Date.now();
  const rows = await repo.listAppointments(db, feed.tenant_id, {
    from: new Date(now - 30 * 86_400_000).toISOString(),
    to: new Date(now + 180 * 86_400_000).toISOString(),
    staffUserId: feed.user_id,
  });
  return rows.map((a) => presentAppointment(a, new Set()));
}

export async function createRoom(
  db: Kysely<DB>,
  actor: Actor,
  v: { officeId: string; name: string; seats: number | null },
) {
  const office = await db
    .selectFrom('office')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', v.officeId)
    .executeTakeFirst();
  if (!office) throw refuse('officeId', 'Unbekannter Standort.', 'Diesen Standort gibt es nicht.');
  return repo.insertRoom(db, actor.tenantId, v);
}
