import { type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';

// The appointment module's SQL; it alone writes appointment, room, interpreter and calendar_feed.

export function listAppointments(
  db: Kysely<DB>,
  tenantId: string,
  f: {
    from: string;
    to: string;
    staffUserId?: string;
    roomId?: string;
    officeId?: string;
    interpreterId?: string;
    personId?: string;
    id?: string;
  },
) {
  return db
    .selectFrom('appointment as a')
    .innerJoin('office as o', (j) => j.onRef('o.id', '=', 'a.office_id').on('o.tenant_id', '=', tenantId))
    .innerJoin('app_user as s', (j) =>
      j.onRef('s.id', '=', 'a.staff_user_id').on('s.tenant_id', '=', tenantId),
    )
    .leftJoin('room as r', (j) => j.onRef('r.id', '=', 'a.room_id').on('r.tenant_id', '=', tenantId))
    .leftJoin('interpreter as i', (j) =>
      j.onRef('i.id', '=', 'a.interpreter_id').on('i.tenant_id', '=', tenantId),
    )
    .leftJoin('person as p', (j) => j.onRef('p.id', '=', 'a.person_id').on('p.tenant_id', '=', tenantId))
    .select([
      'a.id',
      'a.kind',
      'a.status',
      'a.starts_at',
      'a.ends_at',
      'a.note',
      'a.version',
      'a.person_id',
      'a.interpreter_language',
      'o.id as office_id',
      'o.name as office_name',
      'o.kind as office_kind',
      'r.id as room_id',
      'r.name as room_name',
      's.id as staff_id',
      's.display_name as staff_name',
      'i.id as interpreter_id',
      'i.name as interpreter_name',
      'p.given_names',
      'p.family_name',
      'p.languages',
    ])
    .where('a.tenant_id', '=', tenantId)
    .$if(f.id !== undefined, (q) => q.where('a.id', '=', f.id as string))
    .$if(f.id === undefined, (q) =>
      q.where('a.starts_at', '<', new Date(f.to)).where('a.ends_at', '>', new Date(f.from)),
    )
    .$if(f.staffUserId !== undefined, (q) => q.where('a.staff_user_id', '=', f.staffUserId as string))
    .$if(f.roomId !== undefined, (q) => q.where('a.room_id', '=', f.roomId as string))
    .$if(f.officeId !== undefined, (q) => q.where('a.office_id', '=', f.officeId as string))
    .$if(f.interpreterId !== undefined, (q) => q.where('a.interpreter_id', '=', f.interpreterId as string))
    .$if(f.personId !== undefined, (q) => q.where('a.person_id', '=', f.personId as string))
    .orderBy('a.starts_at')
    .limit(2000)
    .execute();
}
export type AppointmentRow = Awaited<ReturnType<typeof listAppointments>>[number];

export function findAppointment(db: Kysely<DB>, tenantId: string, id: string) {
  return db
    .selectFrom('appointment')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type AppointmentValues = {
  person_id: string | null;
  office_id: string;
  room_id: string | null;
  staff_user_id: string;
  interpreter_language: string | null;
  interpreter_id: string | null;
  kind: string;
  note: string | null;
  starts_at: Date;
  ends_at: Date;
};

export async function insertAppointment(
  db: Kysely<DB>,
  tenantId: string,
  createdBy: string,
  v: AppointmentValues,
): Promise<string> {
  const r = await db
    .insertInto('appointment')
    .values({ ...v, tenant_id: tenantId, created_by: createdBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateAppointment(
  db: Kysely<DB>,
  tenantId: string,
  id: string,
  version: number,
  set: Partial<AppointmentValues & { status: 'planned' | 'done' | 'no_show' | 'cancelled' }>,
): Promise<boolean> {
  const r = await db
    .updateTable('appointment')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The booking that holds a resource in a time range (to name it in the 409). */
export function clashWith(
  db: Kysely<DB>,
  tenantId: string,
  column: 'room_id' | 'staff_user_id' | 'interpreter_id',
  resourceId: string,
  from: Date,
  to: Date,
  exceptId: string | null,
) {
  return db
    .selectFrom('appointment')
    .select(['id', 'starts_at', 'ends_at'])
    .where('tenant_id', '=', tenantId)
    .where(column, '=', resourceId)
    .where('status', '!=', 'cancelled')
    .where(sql<boolean>`during && tstzrange(${from}, ${to}, '[)')`)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId as string))
    .orderBy('starts_at')
    .executeTakeFirst();
}

export function rooms(db: Kysely<DB>, tenantId: string) {
  return db
    .selectFrom('room as r')
    .innerJoin('office as o', (j) => j.onRef('o.id', '=', 'r.office_id').on('o.tenant_id', '=', tenantId))
    .select(['r.id', 'r.office_id', 'o.name as office_name', 'r.name', 'r.seats'])
    .where('r.tenant_id', '=', tenantId)
    .where('r.active', '=', true)
    .orderBy('o.name')
    .orderBy('r.name')
    .execute();
}

export async function insertRoom(
  db: Kysely<DB>,
  tenantId: string,
  v: { officeId: string; name: string; seats: number | null },
) {
  const r = await db
    .insertInto('room')
    .values({ tenant_id: tenantId, office_id: v.officeId, name: v.name, seats: v.seats })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export function interpreters(db: Kysely<DB>, tenantId: string, language?: string) {
  return db
    .selectFrom('interpreter')
    .select(['id', 'name', 'languages', 'phone', 'email', 'organisation'])
    .where('tenant_id', '=', tenantId)
    .where('active', '=', true)
    .$if(language !== undefined, (q) => q.where(sql<boolean>`${language} = ANY(languages)`))
    .orderBy('name')
    .execute();
}

export async function insertInterpreter(
  db: Kysely<DB>,
  tenantId: string,
  v: {
    name: string;
    languages: string[];
    phone: string | null;
    email: string | null;
    organisation: string | null;
  },
) {
  const r = await db
    .insertInto('interpreter')
    .values({ tenant_id: tenantId, ...v })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function setFeedToken(db: Kysely<DB>, tenantId: string, userId: string, tokenHash: string) {
  await db
    .insertInto('calendar_feed')
    .values({ user_id: userId, tenant_id: tenantId, token_hash: tokenHash })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ token_hash: tokenHash, created_at: new Date() }))
    .execute();
}
