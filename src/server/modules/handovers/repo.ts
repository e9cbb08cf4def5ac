import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { personScope } from '../persons/scope';

/** The open (requested or accepted) Rechtskreiswechsel handover of a person, if there is one. */
export function openRechtskreiswechsel(db: Kysely<DB>, q: { tenantId: string; personId: string }) {
  return db
    .selectFrom('handover')
    .where('tenant_id', '=', q.tenantId)
    .select('id')
    .where('person_id', '=', q.personId)
    .where('kind', '=', 'rechtskreiswechsel')
    .where('state', 'in', ['requested', 'accepted'])
    .executeTakeFirst();
}

/** Open cases (intake or active) with an IP entry date in the actor's scope, with their advisor's name. */
export function openCasesWithIpEntry(db: Kysely<DB>, actor: Actor, today: string) {
  return db
    .selectFrom('person')
    .leftJoin('app_user as o', 'o.id', 'person.owner_user_id')
    .select([
      'person.id',
      'person.given_names',
      'person.family_name',
      'person.ip_entry_date',
      'o.display_name',
    ])
    .where(personScope(actor, today))
    .where('person.case_status', 'in', ['intake', 'active'])
    .where('person.ip_entry_date', 'is not', null)
    .execute();
}
