import type { Kysely } from 'kysely';
import type { DB, ProfileExperience } from '../../db/schema';
import { addDays, sameDayMonthsLater, todayInGermany } from '../../domain/reference/dates';
import { mulberry32 } from '../../domain/reference/random';
import { evaluate, situationFromCaseFile } from '../../domain/rules';
import { aftercareSteps } from '../../domain/work/pipeline';
import type { PlacementStatus } from '../../domain/work/vocab';
import { occupationCatalogue } from '../modules/occupations/esco-index';
import { lawFor } from '../modules/rules/law-store';
import { loadCaseFiles } from '../modules/rules/situation';
import { insertGenerated } from '../modules/tasks/repo';
import { matchKeys, occupationRows } from '../modules/work/profile';
import { pick } from './random';

/**
 * The work side of the demo county (issue 14): employers with contacts and mentors, open vacancies of
 * every kind, competence profiles for a part of the open cases (with the consent to pass them to
 * employers for most), and placements in every stage — so a newcomer sees the work side filled.
 */

/** Sector → job titles the occupation search resolves to ESCO occupations at seed time. */
const SECTORS: Record<string, string[]> = {
  Lebensmittelhandwerk: ['Bäcker', 'Konditor', 'Fachverkäufer Lebensmittelhandwerk'],
  Logistik: ['Lagerarbeiter', 'Berufskraftfahrer', 'Gabelstaplerfahrer'],
  Gastronomie: ['Koch', 'Küchenhilfe', 'Servicekraft'],
  Pflege: ['Pflegehelfer', 'Altenpfleger'],
  Reinigung: ['Raumpfleger', 'Gebäudereiniger'],
  Handwerk: ['Elektriker', 'Maler und Lackierer', 'Anlagenmechaniker Sanitär Heizung'],
  Metall: ['Schweißer', 'Industriemechaniker', 'Maschinenbediener'],
  Einzelhandel: ['Verkäufer', 'Kassierer'],
  Landwirtschaft: ['Gärtner', 'Landwirt'],
  Friseurhandwerk: ['Friseur'],
};

/**
 * The ESCO occupation of each title, as the occupation search resolves it (fixed here so the seed does not
 * build the search index: every test server start would pay for it).
 */
const ESCO_OCCUPATION = 'http://data.europa.eu/esco/occupation/';
const TITLE_IDS: Record<string, string> = {
  Bäcker: '1aadb308-432a-4d01-b54b-b4f7f76dd419',
  Konditor: 'ff42d44c-34f8-46be-ad3a-2aad9a5e43f0',
  'Fachverkäufer Lebensmittelhandwerk': '2e9c9404-0d86-453c-9001-3a0cd1d1323b',
  Lagerarbeiter: '808becc8-5a4e-4e71-a043-c2ea32b56ae3',
  Berufskraftfahrer: '39d7dca7-5e0b-4308-889e-9e3d22a3cb56',
  Gabelstaplerfahrer: 'eeac6251-1974-42f5-91ed-513c6c883755',
  Koch: '90f75f67-495d-49fa-ab57-2f320e251d7e',
  Küchenhilfe: 'e1cf6897-158d-4b48-a39e-2a3a8cac216c',
  Servicekraft: 'a32187fa-bc37-4fc2-8e89-296632bfc271',
  Pflegehelfer: 'd38c2107-98f2-47b7-8bb4-f69750d51082',
  Altenpfleger: '50743f62-3d5b-4ef6-b706-00d2b1adfcc3',
  Raumpfleger: '731ecac4-06e8-4ec2-a559-101fecbd9183',
  Gebäudereiniger: '303a1e34-cb16-4054-b323-81e5eec17397',
  Elektriker: '33960bab-4423-4808-af6c-ec2b485dba41',
  'Maler und Lackierer': '066fe11d-10e4-4fec-bd27-3e78797500b9',
  'Anlagenmechaniker Sanitär Heizung': '3ce9c89d-6f1a-48b5-942d-386e46e2fd06',
  Schweißer: '7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  Industriemechaniker: '269c47e7-9017-4aa6-bce8-49e89a696a64',
  Maschinenbediener: '782ced63-e234-42a4-a7bd-a2d9a12ee61a',
  Verkäufer: '9ba74e8a-c40c-4228-9998-eb3c7a5c11df',
  Kassierer: '2b871272-bd61-4206-bd1a-0b96d7023098',
  Gärtner: 'e7970c7a-7769-4002-87d3-0a8ea94fdd6f',
  Landwirt: '1b5ccfe7-1cc3-4f02-974c-f852d3faf57e',
  Friseur: '099c6bb0-22d3-4c5d-8bf5-70910af381ef',
};

const EMPLOYERS: [string, string][] = [
  ['Bäckerei Sonnenschein', 'Lebensmittelhandwerk'],
  ['Landbäckerei Korn & Sohn', 'Lebensmittelhandwerk'],
  ['Spedition Weser-Logistik', 'Logistik'],
  ['Möbel-Logistik OWL GmbH', 'Logistik'],
  ['Hotel Stadtgarten', 'Gastronomie'],
  ['Kantine Klinikum Herford', 'Gastronomie'],
  ['Seniorenzentrum Am Lindenhof', 'Pflege'],
  ['Ambulanter Pflegedienst Lebenszeit', 'Pflege'],
  ['Glanz Gebäudeservice', 'Reinigung'],
  ['Elektro Brinkmann', 'Handwerk'],
  ['Malerbetrieb Farbwerk', 'Handwerk'],
  ['Haustechnik Meyer GmbH', 'Handwerk'],
  ['Metallbau Enger', 'Metall'],
  ['Maschinenfabrik Bünde', 'Metall'],
  ['Frischemarkt am Ring', 'Einzelhandel'],
  ['Drogerie Löhne', 'Einzelhandel'],
  ['Gärtnerei Grünland', 'Landwirtschaft'],
  ['Hof Schäfer', 'Landwirtschaft'],
  ['Salon Schnittpunkt', 'Friseurhandwerk'],
  ['Backwarenfabrik Vlotho', 'Lebensmittelhandwerk'],
];

const CONTACTS = [
  'Petra Korn',
  'Jens Weber',
  'Sabine Fuchs',
  'Murat Yıldız',
  'Anke Schulte',
  'Dirk Hoffmann',
];
const MENTORS = [
  { name: 'Ali Demir', languages: ['ar', 'tr'] },
  { name: 'Olga Schmidt', languages: ['uk', 'ru'] },
  { name: 'Hamid Rahimi', languages: ['fa', 'prs'] },
];
const STAGES: PlacementStatus[] = [
  'proposed',
  'proposed',
  'proposed',
  'contacted',
  'contacted',
  'interview',
  'interview',
  'interview',
  'trial',
  'trial',
  'hired',
  'hired',
  'hired',
  'hired',
  'declined',
  'declined',
];

export async function seedWorkDemo(
  db: Kysely<DB>,
  tenantId: string,
  opts: { seed?: number } = {},
): Promise<{ employers: number; vacancies: number; profiles: number; placements: number }> {
  const r = mulberry32((opts.seed ?? 20261204) + 14);
  const today = todayInGermany();
  const cat = occupationCatalogue();
  const uriOf = new Map<string, string>();
  for (const [title, id] of Object.entries(TITLE_IDS)) uriOf.set(title, ESCO_OCCUPATION + id);
  const places = await db
    .selectFrom('municipality')
    .select(['id', 'name'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const agencies = await db
    .selectFrom('agency')
    .select(['id', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('kind', 'in', ['agentur_fuer_arbeit', 'jobcenter'])
    .execute();
  const aa = agencies.find((a) => a.kind === 'agentur_fuer_arbeit')?.id;
  const ags = await db
    .selectFrom('app_user')
    .select(['id', 'agency_id'])
    .where('tenant_id', '=', tenantId)
    .where('role', '=', 'arbeitgeberservice')
    .executeTakeFirst();

  const employers = await db
    .insertInto('employer')
    .values(
      EMPLOYERS.map(([name, sector], i) => {
        const place = places[i % places.length];
        const contact = CONTACTS[i % CONTACTS.length];
        return {
          tenant_id: tenantId,
          name,
          sector,
          size: (['micro', 'small', 'medium', 'large'] as const)[i % 4],
          street: `${['Hauptstraße', 'Industrieweg', 'Am Markt', 'Bahnhofstraße'][i % 4]} ${1 + (i % 40)}`,
          postcode: String(32049 + (i % 9)),
          city: place?.name ?? null,
          municipality_id: place?.id ?? null,
          betriebsnummer: String(31000000 + i * 7919).slice(0, 8),
          contacts: JSON.stringify([
            {
              name: contact,
              role: 'Personalleitung',
              phone: `05221 ${1000 + i}`,
              email: `personal@betrieb${i + 1}.example`,
            },
          ]) as never,
          mentors: JSON.stringify(
            i % 3 === 0 ? [{ ...MENTORS[i % MENTORS.length], note: 'Pate für neue Beschäftigte' }] : [],
          ) as never,
          created_by: ags?.id ?? null,
        };
      }),
    )
    .returning(['id', 'name', 'sector', 'municipality_id'])
    .execute();

  const vacancyRows = employers.flatMap((e, i) => {
    const titles = SECTORS[e.sector ?? ''] ?? [];
    const n = 1 + (i % 3);
    return Array.from({ length: n }, (_, k) => {
      const title = titles[k % titles.length];
      const uri = uriOf.get(title);
      if (!uri) return null;
      const kind =
        k === 1 && i % 2 === 0 ? 'ausbildung' : k === 2 ? (i % 4 === 0 ? 'eq' : 'praktikum') : 'job';
      const start = addDays(today, 7 + Math.floor(r() * 80));
      return {
        tenant_id: tenantId,
        employer_id: e.id,
        kind: kind as 'job' | 'ausbildung' | 'praktikum' | 'eq',
        title: kind === 'ausbildung' ? `Ausbildung ${title}/in` : `${title}/in`,
        esco_uri: uri,
        isco: cat.get(uri)?.isco ?? '',
        description: kind === 'eq' ? 'Einstiegsqualifizierung mit Übernahmeperspektive' : null,
        min_level: pick(r, ['A2', 'A2', 'B1', 'B1', 'B2']),
        municipality_id: e.municipality_id ?? places[0].id,
        hours_min: kind === 'praktikum' ? 20 : pick(r, [20, 30, 35, 38]),
        hours_max: 40,
        shift_work: e.sector === 'Logistik' || e.sector === 'Pflege' || e.sector === 'Gastronomie',
        driving_licence: title === 'Berufskraftfahrer' ? 'CE' : title === 'Gabelstaplerfahrer' ? null : null,
        start_date: start,
        end_date:
          kind === 'eq' ? sameDayMonthsLater(start, 6) : kind === 'praktikum' ? addDays(start, 60) : null,
        openings: 1 + Math.floor(r() * 3),
        wage_bracket: pick(r, ['1000_2000', '2000_3000', '2000_3000', '3000_4000']),
        created_by: ags?.id ?? null,
      };
    }).filter((x) => x !== null);
  });
  const vacancies = await db
    .insertInto('vacancy')
    .values(vacancyRows)
    .returning(['id', 'esco_uri', 'employer_id'])
    .execute();

  // Profiles for a share of the open cases, with the occupations the vacancies ask for (and others).
  const persons = await db
    .selectFrom('person')
    .select(['id', 'owner_agency_id', 'owner_user_id', 'nationalities', 'entry_date'])
    .where('tenant_id', '=', tenantId)
    .where('case_status', '=', 'active')
    .orderBy('id')
    .execute();
  const allTitles = Object.values(SECTORS).flat();
  // A few bakers among the Agentur's clients in Herford — two of them asylum seekers whose work needs a
  // permit — so that the walk "a vacancy Bäcker/in in Herford" always finds candidates of both kinds.
  // The rules engine on the start day of a vacancy three weeks ahead decides who needs a permit and who
  // may work: ids are random, so the choice must not depend on their order alone.
  const theirs = persons.filter((p) => p.owner_agency_id === aa);
  const files = await loadCaseFiles(
    db,
    tenantId,
    theirs.map((p) => ({ id: p.id, nationalities: p.nationalities, entry_date: p.entry_date })),
  );
  const { law } = await lawFor(db, tenantId, today);
  const access = new Map(
    theirs.map((p) => {
      const f = files.get(p.id);
      return [p.id, f ? evaluate(situationFromCaseFile(f, addDays(today, 21)), law).employment : 'review'];
    }),
  );
  const bakers = new Set(
    [
      ...theirs.filter((p) => access.get(p.id) === 'permit_required').slice(0, 2),
      ...theirs.filter((p) => access.get(p.id) === 'allowed').slice(0, 2),
    ].map((p) => p.id),
  );
  const herford = places.find((m) => m.name === 'Herford')?.id;
  if (herford && bakers.size > 0)
    await db
      .updateTable('person')
      .set({ municipality_id: herford })
      .where('tenant_id', '=', tenantId)
      .where('id', 'in', [...bakers])
      .execute();
  const profiles = [];
  const consents = [];
  const released: typeof persons = [];
  for (const p of persons) {
    const baker = bakers.has(p.id);
    if (!baker && r() > 0.4) continue;
    const experience: ProfileExperience[] = [];
    const bakerUri = uriOf.get('Bäcker');
    if (baker && bakerUri)
      experience.push({
        escoUri: bakerUri,
        title: 'Bäcker',
        years: 3 + (bakers.size % 4),
        country: p.nationalities[0] ?? null,
      });
    for (let k = 0; k < 1 + Math.floor(r() * 2); k++) {
      const title = pick(r, allTitles);
      const uri = uriOf.get(title);
      if (uri)
        experience.push({
          escoUri: uri,
          title,
          years: 1 + Math.floor(r() * 9),
          country: p.nationalities[0] ?? null,
        });
    }
    const wished = r() < 0.5 ? [pick(r, experience)?.escoUri].filter((x): x is string => !!x) : [];
    const childcare = r() < 0.15 ? 'school_hours' : r() < 0.1 ? 'part_time_only' : 'none';
    profiles.push({
      person_id: p.id,
      tenant_id: tenantId,
      school_years: 6 + Math.floor(r() * 8),
      school_degree: pick(r, ['primary', 'lower_secondary', 'secondary', 'university_entrance']),
      school_country: p.nationalities[0] ?? null,
      experience: JSON.stringify(experience) as never,
      training: JSON.stringify([]) as never,
      studies: JSON.stringify([]) as never,
      wished_uris: wished,
      driving_licences: r() < 0.35 ? ['B'] : [],
      max_travel_minutes: pick(r, [45, 60, 60, 75]),
      hours_min: 20,
      hours_max: childcare === 'part_time_only' ? 25 : pick(r, [30, 40, 40]),
      childcare: childcare as 'none' | 'school_hours' | 'part_time_only',
      ...matchKeys(experience, [], wished),
    });
    if ((baker || r() < 0.75) && p.owner_agency_id) {
      consents.push({
        tenant_id: tenantId,
        person_id: p.id,
        purpose: 'arbeitsvermittlung_arbeitgeber',
        recipient_agency_id: p.owner_agency_id,
        data_categories: ['identity', 'profile', 'language'],
        given_on: addDays(today, -Math.floor(r() * 200) - 1),
      });
      released.push(p);
    }
  }
  for (let i = 0; i < profiles.length; i += 500)
    await db
      .insertInto('work_profile')
      .values(profiles.slice(i, i + 500))
      .execute();
  const occupations = profiles.flatMap((p) =>
    occupationRows(tenantId, p.person_id, JSON.parse(p.experience as unknown as string), [], p.wished_uris),
  );
  for (let i = 0; i < occupations.length; i += 1000)
    await db
      .insertInto('work_profile_occupation')
      .values(occupations.slice(i, i + 1000))
      .execute();
  for (let i = 0; i < consents.length; i += 500)
    await db
      .insertInto('consent')
      .values(consents.slice(i, i + 500))
      .execute();

  // Placements in every stage, for clients of the Agentur (whom the demo's employer service sees).
  // The bakers stay free for the walk; the rest of the Agentur's consenting clients fill the pipeline.
  const mine = released.filter((p) => p.owner_agency_id === aa && !bakers.has(p.id));
  const rows = [];
  const aftercare = [];
  for (let i = 0; i < Math.min(STAGES.length, mine.length, vacancies.length); i++) {
    const p = mine[i];
    const v = vacancies[(i * 5) % vacancies.length];
    const status = STAGES[i];
    const start = status === 'hired' ? addDays(today, i % 2 === 0 ? -40 : 10) : null;
    const by = ags?.id ?? 'system';
    const history = [{ status: 'proposed', on: addDays(today, -30), by, note: null }];
    if (status !== 'proposed') history.push({ status, on: addDays(today, -10 + (i % 7)), by, note: null });
    rows.push({
      tenant_id: tenantId,
      person_id: p.id,
      vacancy_id: v.id,
      status,
      history: JSON.stringify(history) as never,
      interview_on: status === 'interview' ? addDays(today, 3 + (i % 5)) : null,
      declined_by: status === 'declined' ? (i % 2 ? ('employer' as const) : ('client' as const)) : null,
      declined_reason:
        status === 'declined'
          ? i % 2
            ? 'Deutschkenntnisse reichen noch nicht'
            : 'Arbeitszeit passt nicht zur Kinderbetreuung'
          : null,
      contract_type: status === 'hired' ? pick(r, ['unbefristet', 'befristet', 'ausbildung']) : null,
      hours: status === 'hired' ? 38 : null,
      wage_bracket: status === 'hired' ? '2000_3000' : null,
      start_date: start,
      permit_requested_on: status === 'interview' && i % 2 === 0 ? addDays(today, -5) : null,
      released_on: status !== 'proposed' ? addDays(today, -20) : null,
      released_by: status !== 'proposed' ? (ags?.id ?? null) : null,
      created_by: ags?.id ?? null,
    });
  }
  const placements = rows.length
    ? await db
        .insertInto('placement')
        .values(rows)
        .returning(['id', 'person_id', 'status', 'start_date'])
        .execute()
    : [];
  for (const pl of placements) {
    if (pl.status !== 'hired' || !pl.start_date) continue;
    for (const s of aftercareSteps(pl.start_date))
      aftercare.push({
        personId: pl.person_id,
        kind: s.key,
        source: 'work' as const,
        sourceKey: `${s.key}:${pl.id}`,
        dueOn: s.dueOn,
        eventOn: pl.start_date,
        legalBasis: null,
        remindOn: s.dueOn,
        title: s.title,
        userId: ags?.id ?? null,
        agencyId: ags?.agency_id ?? null,
      });
  }
  await insertGenerated(db, tenantId, aftercare);

  // Two events: a job fair ahead, and an information evening for women that took place (with attendance).
  const herfordId = places.find((m) => m.name === 'Herford')?.id ?? places[0]?.id ?? null;
  const events = await db
    .insertInto('work_event')
    .values([
      {
        tenant_id: tenantId,
        kind: 'job_fair',
        title: 'Jobmesse Kreis Herford',
        held_on: addDays(today, 21),
        municipality_id: herfordId,
        place: 'Stadthalle Herford',
        audience: 'alle Kundinnen und Kunden mit Arbeitserlaubnis',
        created_by: ags?.id ?? null,
      },
      {
        tenant_id: tenantId,
        kind: 'information',
        title: 'Infoabend: Arbeit und Ausbildung für Frauen',
        held_on: addDays(today, -14),
        municipality_id: herfordId,
        place: 'Familienzentrum',
        audience: 'Frauen, Kinderbetreuung vor Ort',
        created_by: ags?.id ?? null,
      },
    ])
    .returning('id')
    .execute();
  const guests = [
    ...employers
      .slice(0, 6)
      .map((e, i) => ({ event_id: events[i % 2].id, employer_id: e.id, person_id: null })),
    ...mine.slice(0, 10).map((p, i) => ({ event_id: events[i % 2].id, employer_id: null, person_id: p.id })),
  ].map((g, i) => ({
    ...g,
    tenant_id: tenantId,
    attended: g.event_id === events[1].id ? i % 3 !== 0 : null,
    follow_up: g.event_id === events[1].id && g.person_id && i % 3 !== 0 ? 'Praktikum anfragen' : null,
  }));
  if (guests.length) await db.insertInto('work_event_guest').values(guests).execute();
  return {
    employers: employers.length,
    vacancies: vacancies.length,
    profiles: profiles.length,
    placements: placements.length,
  };
}
