import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { type CourseTypeInfo, courseTypeCatalogue } from '../../../domain/language';
import { todayInGermany } from '../../../domain/reference/dates';
import { lawFor } from '../rules/law-store';

/** The course types of the law data in force today for the tenant. */
export async function courseTypesOf(db: Kysely<DB>, tenantId: string): Promise<CourseTypeInfo[]> {
  const { law } = await lawFor(db, tenantId, todayInGermany());
  return courseTypeCatalogue(law);
}
