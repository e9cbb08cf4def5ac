import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Situation } from '../../../domain/rules';
import { situationOf } from './situation';

/**
 * The situations of all open cases of a region on a day, from each person's newest residence status —
 * the input of a law-change impact run. `scope` narrows it to what the reader may see.
 */
export async function regionSituations(
  db: Kysely<DB>,
  tenantId: string,
  on: string,
  scope?: (eb: ExpressionBuilder<DB, 'person'>) => ReturnType<ExpressionBuilder<DB, 'person'>['and']>,
): Promise<{ situations: Situation[]; names: Map<string, string> }> {
  let q = db
    .selectFrom('person')
    .select([
      'person.id',
      'person.given_names',
      'person.family_name',
      'person.nationalities',
      'person.entry_date',
    ])
    .where('person.tenant_id', '=', tenantId)
    .where('person.case_status', '!=', 'closed')
    .where('person.merged_into', 'is', null);
  if (scope) q = q.where(scope);
  const [people, statuses] = await Promise.all([
    q.execute(),
    // The newest status of each person in one query: DISTINCT ON is PostgreSQL's "first row per group".
    db
      .selectFrom('residence_status')
      .selectAll()
      .distinctOn('person_id')
      .where('tenant_id', '=', tenantId)
      .orderBy('person_id')
      .orderBy('since', 'desc')
      .orderBy('recorded_at', 'desc')
      .execute(),
  ]);
  const byPerson = new Map(statuses.map((s) => [s.person_id, s]));
  return {
    situations: people.map((p) => situationOf(p, byPerson.get(p.id), on)),
    names: new Map(people.map((p) => [p.id, `${p.given_names} ${p.family_name}`])),
  };
}
