import type { Kysely } from 'kysely';
import type { DB } from '../../../../db/schema';
import { type AccessDecision, type DataCategory, mayRead } from '../../../../domain/access/person-access';
import { LETTER_LANGUAGES, renderPlacementLetter } from '../../../../domain/language';
import { todayInGermany } from '../../../../domain/reference/dates';
import { notFound } from '../../../http/errors';
import { courseTypesOf } from '../course-types';

/** The client's language for the letter: the first mother tongue we have a text for, else German. */
export function letterLanguage(languages: { code: string; level: string }[]): string {
  const native = languages.filter((l) => l.level === 'muttersprache').map((l) => l.code);
  const others = languages.filter((l) => l.code !== 'de').map((l) => l.code);
  return [...native, ...others].find((c) => LETTER_LANGUAGES.includes(c)) ?? 'de';
}

/**
 * The placement letter. `authorize` is the person guard (decidePersonRead, one audit row): only what its
 * categories allow goes into the letter — the home address with 'contact', the advisor and the owning
 * agency with 'profile', the choice of the person's language with 'language'.
 */
export async function enrolmentLetter(
  db: Kysely<DB>,
  tenantId: string,
  enrolmentId: string,
  lang: string | undefined,
  authorize: (personId: string) => Promise<AccessDecision>,
): Promise<{ html: string; personId: string; lang: string }> {
  const e = await db
    .selectFrom('enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('course as c', 'c.id', 'e.course_id')
    .innerJoin('course_provider as pr', 'pr.id', 'c.provider_id')
    .innerJoin('agency as a', 'a.id', 'pr.agency_id')
    .innerJoin('course_place as pl', 'pl.id', 'c.place_id')
    .leftJoin('app_user as u', 'u.id', 'p.owner_user_id')
    .leftJoin('agency as oa', 'oa.id', 'p.owner_agency_id')
    .select([
      'e.person_id',
      'p.given_names',
      'p.family_name',
      'p.address as person_address',
      'p.languages',
      'c.ref',
      'c.course_type',
      'c.start_date',
      'c.schedule',
      'c.hours',
      'c.childcare',
      'a.name as provider',
      'pl.name as place',
      'pl.address as place_address',
      'u.display_name as advisor',
      'oa.name as owner_agency',
    ])
    .where('e.tenant_id', '=', tenantId)
    .where('e.id', '=', enrolmentId)
    .executeTakeFirst();
  if (!e) throw notFound('Kursteilnahme');
  const access = await authorize(e.person_id);
  const may = (c: DataCategory) => mayRead(access, c);
  const types = await courseTypesOf(db, tenantId);
  const language =
    lang && LETTER_LANGUAGES.includes(lang) ? lang : may('language') ? letterLanguage(e.languages) : 'de';
  const html = renderPlacementLetter(
    {
      date: todayInGermany(),
      recipient: {
        name: `${e.given_names} ${e.family_name}`,
        address: may('contact') ? e.person_address : null,
      },
      course: {
        typeLabel: types.find((t) => t.id === e.course_type)?.label.de ?? e.course_type,
        ref: e.ref,
        provider: e.provider,
        place: e.place,
        address: e.place_address,
        startDate: e.start_date,
        schedule: e.schedule,
        hours: e.hours,
        childcare: e.childcare,
      },
      sender: {
        agency: (may('profile') ? e.owner_agency : null) ?? 'Integration Point',
        advisor: may('profile') ? e.advisor : null,
      },
    },
    language,
  );
  return { html, personId: e.person_id, lang: language };
}
