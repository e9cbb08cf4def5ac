import type { ExpressionBuilder, Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { type Situation, situationFromCaseFile } from '../../../domain/rules';
import { loadCaseFiles } from './situation';

/**
 * The situations of all open cases of a region on a day, from each person's case file (as the status card) —
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
      'person.birth_date',
      'person.gender',
      'person.languages',
    ])
    .where('person.tenant_id', '=', tenantId)
    .where('person.case_status', '!=', 'closed')
    .where('person.merged_into', 'is', null);
  if (scope) q = q.where(scope);
  const people = await q.execute();
  // The same facts as the status card: whole case files, loaded per table for the whole tenant at once.
  const files = await loadCaseFiles(db, tenantId, people, true);
  return {
    situations: people.map((p) => situationFromCaseFile(files.get(p.id) ?? { person: p, residence: [] }, on)),
    names: new Map(people.map((p) => [p.id, `${p.given_names} ${p.family_name}`])),
  };
}
