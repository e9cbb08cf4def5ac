import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema';
import { IP_CORE_AGENCIES } from '../../../domain/access/agencies';
import type { Actor } from '../../../domain/access/person-access';
import { ROLE_DEFINITIONS } from '../../../domain/access/roles';

/**
 * The WHERE clause that mirrors decidePersonRead for lists: a list never shows a person the reader
 * could not open. Tenant first, then the role's record scope (after Documenso's buildTeamWhereQuery).
 */
export function personScope(actor: Actor, today: string) {
  return (eb: ExpressionBuilder<DB, 'person'>) => {
    const scope = ROLE_DEFINITIONS[actor.role].scope;
    const core = IP_CORE_AGENCIES.includes(actor.agencyKind) && scope !== 'consent';
    const consented = eb.exists(
      eb
        .selectFrom('consent as c')
        .select(sql`1`.as('x'))
        .whereRef('c.person_id', '=', 'person.id')
        .where('c.recipient_agency_id', '=', actor.agencyId)
        .where('c.given_on', '<=', today)
        .where((w) => w.or([w('c.withdrawn_on', 'is', null), w('c.withdrawn_on', '>', today)])),
    );
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
