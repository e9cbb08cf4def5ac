import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { authorizePerson } from '../persons/service';
import type { NoteOut } from './schema';

/**
 * Case notes: always the reader's own agency's notes; notes shared by other agencies only when the
 * reader may read the person's profile (by its task in the IP or by the person's consent). One read,
 * one audit row (authorizePerson).
 */
export async function notesOf(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  requestId?: string,
): Promise<NoteOut[]> {
  const { decision } = await authorizePerson(db, actor, personId, { action: 'read_notes', requestId });
  const shared = decision.categories.includes('profile');
  const rows = await db
    .selectFrom('case_note as n')
    .innerJoin('agency as a', (j) =>
      j.onRef('a.id', '=', 'n.agency_id').on('a.tenant_id', '=', actor.tenantId),
    )
    .leftJoin('app_user as u', (j) =>
      j.onRef('u.id', '=', 'n.author_id').on('u.tenant_id', '=', actor.tenantId),
    )
    .select([
      'n.id',
      'n.category',
      'n.visibility',
      'n.text',
      'n.created_at',
      'u.display_name',
      'a.name as agency',
    ])
    .where('n.tenant_id', '=', actor.tenantId)
    .where('n.person_id', '=', personId)
    .where((eb) =>
      shared
        ? eb.or([eb('n.agency_id', '=', actor.agencyId), eb('n.visibility', '=', 'shared')])
        : eb('n.agency_id', '=', actor.agencyId),
    )
    .orderBy('n.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((n) => ({
    id: n.id,
    category: n.category as NoteOut['category'],
    visibility: n.visibility,
    text: n.text,
    author: n.display_name,
    agency: n.agency,
    createdAt: new Date(n.created_at).toISOString(),
  }));
}

export async function addNote(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  b: { category: string; visibility: 'agency' | 'shared'; text: string },
  requestId?: string,
): Promise<NoteOut> {
  await authorizePerson(db, actor, personId, {
    action: 'add_note',
    requestId,
    details: { visibility: b.visibility },
  });
  const row = await db
    .insertInto('case_note')
    .values({
      tenant_id: actor.tenantId,
      person_id: personId,
      category: b.category,
      visibility: b.visibility,
      text: b.text,
      author_id: actor.userId,
      agency_id: actor.agencyId,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const agency = await db
    .selectFrom('agency')
    .select('name')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', actor.agencyId)
    .executeTakeFirst();
  const author = await db
    .selectFrom('app_user')
    .select('display_name')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  return {
    id: row.id,
    category: b.category as NoteOut['category'],
    visibility: b.visibility,
    text: b.text,
    author: author?.display_name ?? null,
    agency: agency?.name ?? '',
    createdAt: new Date(row.created_at).toISOString(),
  };
}
