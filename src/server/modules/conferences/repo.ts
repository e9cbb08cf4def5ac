import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';

// The conferences module's SQL; it alone writes case_conference, conference_participant, conference_item.

export function conferencesOf(db: Kysely<DB>, tenantId: string, agencyId: string, id?: string) {
  return (
    db
      .selectFrom('case_conference as c')
      .innerJoin('agency as a', (j) =>
        j.onRef('a.id', '=', 'c.organiser_agency_id').on('a.tenant_id', '=', tenantId),
      )
      .select((eb) => [
        'c.id',
        'c.title',
        'c.held_on',
        'a.name as organiser',
        eb
          .selectFrom('conference_item as i')
          .select((e) => e.fn.countAll<string>().as('n'))
          .whereRef('i.conference_id', '=', 'c.id')
          .where('i.tenant_id', '=', tenantId)
          .as('cases'),
      ])
      .where('c.tenant_id', '=', tenantId)
      .$if(id !== undefined, (q) => q.where('c.id', '=', id as string))
      // A conference is visible to the agencies taking part.
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('conference_participant as p')
            .select('p.agency_id')
            .whereRef('p.conference_id', '=', 'c.id')
            .where('p.tenant_id', '=', tenantId)
            .where('p.agency_id', '=', agencyId),
        ),
      )
      .orderBy('c.held_on', 'desc')
      .limit(200)
      .execute()
  );
}

export function participants(db: Kysely<DB>, tenantId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('conference_participant as p')
    .innerJoin('agency as a', (j) => j.onRef('a.id', '=', 'p.agency_id').on('a.tenant_id', '=', tenantId))
    .select(['p.conference_id', 'a.name'])
    .where('p.tenant_id', '=', tenantId)
    .where('p.conference_id', 'in', [...ids])
    .orderBy('a.name')
    .execute();
}

export function items(db: Kysely<DB>, tenantId: string, conferenceId: string) {
  return db
    .selectFrom('conference_item as i')
    .innerJoin('person as p', (j) => j.onRef('p.id', '=', 'i.person_id').on('p.tenant_id', '=', tenantId))
    .select(['i.id', 'i.position', 'i.minutes', 'i.version', 'i.person_id', 'p.given_names', 'p.family_name'])
    .where('i.tenant_id', '=', tenantId)
    .where('i.conference_id', '=', conferenceId)
    .orderBy('i.position')
    .execute();
}

export async function insertConference(
  db: Kysely<DB>,
  v: {
    tenantId: string;
    title: string;
    heldOn: string;
    organiserId: string;
    agencyId: string;
    agencyIds: string[];
    personIds: string[];
  },
): Promise<string> {
  const c = await db
    .insertInto('case_conference')
    .values({
      tenant_id: v.tenantId,
      title: v.title,
      held_on: v.heldOn,
      organiser_id: v.organiserId,
      organiser_agency_id: v.agencyId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('conference_participant')
    .values(
      [...new Set([v.agencyId, ...v.agencyIds])].map((a) => ({
        tenant_id: v.tenantId,
        conference_id: c.id,
        agency_id: a,
      })),
    )
    .execute();
  await db
    .insertInto('conference_item')
    .values(
      [...new Set(v.personIds)].map((p, i) => ({
        tenant_id: v.tenantId,
        conference_id: c.id,
        person_id: p,
        position: i + 1,
      })),
    )
    .execute();
  return c.id;
}

export async function updateMinutes(
  db: Kysely<DB>,
  tenantId: string,
  conferenceId: string,
  itemId: string,
  version: number,
  minutes: string | null,
) {
  const r = await db
    .updateTable('conference_item')
    .set((eb) => ({ minutes, version: eb('version', '+', 1) }))
    .where('tenant_id', '=', tenantId)
    .where('conference_id', '=', conferenceId)
    .where('id', '=', itemId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
