import { type ExpressionBuilder, type Kysely, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { IP_CORE_AGENCIES } from '../../../domain/access/agencies';
import { type Actor, type DataCategory, readsByConsent } from '../../../domain/access/person-access';
import { ROLE_DEFINITIONS } from '../../../domain/access/roles';
import { todayInGermany } from '../../../domain/reference/dates';

/**
 * The WHERE clause that mirrors decidePersonRead for lists: a list never shows a person the reader
 * could not open. Tenant first, then the role's record scope (after Documenso's buildTeamWhereQuery).
 */
/**
 * A valid consent of the person for the reader's agency (covering `category`, if given): the SQL twin of
 * the consent branch of decidePersonRead.
 */
export function consentCovering(
  eb: ExpressionBuilder<DB, 'person'>,
  actor: Actor,
  today: string,
  category?: DataCategory,
) {
  let q = eb
    .selectFrom('consent as c')
    .select(sql`1`.as('x'))
    .whereRef('c.person_id', '=', 'person.id')
    .where('c.tenant_id', '=', actor.tenantId)
    .where('c.recipient_agency_id', '=', actor.agencyId)
    // consentActive (domain/access/person-access.ts) in SQL: from the day given until, not including, the day withdrawn.
    .where('c.given_on', '<=', today)
    .where((w) => w.or([w('c.withdrawn_on', 'is', null), w('c.withdrawn_on', '>', today)]));
  if (category) q = q.where(sql<boolean>`${category} = ANY(c.data_categories)`);
  return eb.exists(q);
}

/**
 * A search filter on a field of `category`: for a reader by consent it only matches persons whose
 * consent covers the category, else a hit would confirm a value the reader may not see.
 */
export function filterVisible(actor: Actor, today: string, category: DataCategory) {
  return (eb: ExpressionBuilder<DB, 'person'>) =>
    readsByConsent(actor) ? consentCovering(eb, actor, today, category) : eb.val(true);
}

export function personScope(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<DB, 'person'>) => {
    const scope = ROLE_DEFINITIONS[actor.role].scope;
    const core = IP_CORE_AGENCIES.includes(actor.agencyKind) && scope !== 'consent';
    const consented = consentCovering(eb, actor, today);
    const tenant = eb('person.tenant_id', '=', actor.tenantId);
    const live = eb('person.merged_into', 'is', null);
    if (!core) return eb.and([tenant, live, consented]);
    switch (scope) {
      case 'tenant':
        return eb.and([tenant, live]);
      case 'agency':
        return eb.and([tenant, live, eb('person.owner_agency_id', '=', actor.agencyId)]);
      case 'team': {
        const mine = [
          eb('person.owner_user_id', '=', actor.userId),
          eb('person.owner_agency_id', '=', actor.agencyId),
        ];
        if (actor.team) mine.push(eb('person.team', '=', actor.team));
        return eb.and([tenant, live, eb.or(mine)]);
      }
      case 'own':
        return eb.and([tenant, live, eb('person.owner_user_id', '=', actor.userId)]);
      default:
        return eb.val(false);
    }
  };
}

/**
 * Which of these persons the reader may open: the persons list's own WHERE, for lists of other things
 * (appointments, conference agendas) that name persons only where the reader could open them.
 */
export async function visiblePersons(
  db: Kysely<DB>,
  actor: Actor,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('person')
    .select('person.id')
    .where('person.tenant_id', '=', actor.tenantId)
    .where('person.id', 'in', [...new Set(ids)])
    .where(personScope(actor, todayInGermany()))
    .execute();
  return new Set(rows.map((r) => r.id));
}
