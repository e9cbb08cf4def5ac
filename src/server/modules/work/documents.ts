import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import { evaluate, situationFromCaseFile } from '../../../domain/rules';
import { germanLevelOn } from '../../../domain/rules/case-file';
import { renderPermitDeclaration, renderProfileExtract } from '../../../domain/work/print';
import { badRequest, forbidden } from '../../http/errors';
import { printFontCss } from '../../print/fonts';
import { authorizePerson } from '../persons/service';
import { lawFor } from '../rules/law-store';
import { loadCaseFiles } from '../rules/situation';
import { updateVersioned } from '../versioned';
import { employerById } from './employers';
import { placementById } from './placements';
import { employerReleases, profileRow } from './repo';
import { vacancyById } from './vacancies';

// Printed documents of a placement. Each is an output of the person's data: authorised and audited as a
// read by the same decision as the person page (authorizePerson), once per print.

const country = (code: string | undefined) =>
  code ? (new Intl.DisplayNames(['de'], { type: 'region', fallback: 'none' }).of(code) ?? code) : null;

/** The pre-filled data of the BA's "Erklärung zum Beschäftigungsverhältnis". */
export async function permitDeclaration(
  db: Kysely<DB>,
  actor: Actor,
  placementId: string,
  requestId?: string,
) {
  const p = await placementById(db, actor.tenantId, placementId);
  const { row, decision } = await authorizePerson(db, actor, p.personId, {
    action: 'print_permit_declaration',
    requestId,
    details: { placementId },
  });
  if (!decision.allowed || !decision.categories.includes('residence')) throw forbidden();
  const vacancy = await vacancyById(db, actor.tenantId, p.vacancyId);
  const employer = await employerById(db, actor.tenantId, vacancy.employerId);
  const on = vacancy.startDate > todayInGermany() ? vacancy.startDate : todayInGermany();
  const [files, { law }] = await Promise.all([
    loadCaseFiles(db, actor.tenantId, [row]),
    lawFor(db, actor.tenantId, on),
  ]);
  const file = files.get(row.id);
  const decisionOn = file ? evaluate(situationFromCaseFile(file, on), law) : null;
  const contact = employer.contacts[0];
  return renderPermitDeclaration(
    {
      employer: {
        name: employer.name,
        street: employer.street,
        postcode: employer.postcode,
        city: employer.city,
        betriebsnummer: employer.betriebsnummer,
        contact: contact
          ? { name: contact.name, phone: contact.phone ?? null, email: contact.email ?? null }
          : null,
      },
      person: {
        givenNames: row.given_names,
        familyName: row.family_name,
        birthDate: row.birth_date,
        nationality: country(row.nationalities[0]),
      },
      vacancy: {
        kind: vacancy.kind,
        title: vacancy.title,
        occupation: vacancy.occupationLabel,
        isco: vacancy.isco,
        place: vacancy.municipalityName,
        startDate: vacancy.startDate,
        endDate: vacancy.endDate,
        hoursMin: vacancy.hoursMin,
        hoursMax: vacancy.hoursMax,
        wageBracket: vacancy.wageBracket,
        description: vacancy.description,
      },
      baConsent: decisionOn?.baConsent ?? null,
      printedOn: todayInGermany(),
    },
    printFontCss(),
  );
}

/**
 * The profile extract for the employer. It leaves Lotse only with the client's consent (purpose
 * "Arbeitsvermittlung/Arbeitgeber", category profile); the release is recorded on the placement.
 */
export async function profileExtract(db: Kysely<DB>, actor: Actor, placementId: string, requestId?: string) {
  const p = await placementById(db, actor.tenantId, placementId);
  const today = todayInGermany();
  if (!(await employerReleases(db, actor.tenantId, [p.personId], today)).has(p.personId))
    throw badRequest('Ohne Einwilligung darf das Profil nicht an den Arbeitgeber gehen.', [
      { path: 'placementId', message: 'keine gültige Einwilligung „Arbeitsvermittlung/Arbeitgeber“' },
    ]);
  const { row, decision } = await authorizePerson(db, actor, p.personId, {
    action: 'release_profile',
    requestId,
    details: { placementId, vacancyId: p.vacancyId, recipient: p.employerName },
  });
  if (!decision.allowed || !decision.categories.includes('profile')) throw forbidden();
  const profile = await profileRow(db, actor.tenantId, p.personId);
  const files = await loadCaseFiles(db, actor.tenantId, [row]);
  const file = files.get(row.id);
  if (!p.releasedOn)
    await updateVersioned(db, 'placement', actor.tenantId, p.id, p.version, {
      released_on: today,
      released_by: actor.userId,
    });
  return renderProfileExtract(
    {
      person: { givenNames: row.given_names, familyName: row.family_name },
      germanLevel: file ? (germanLevelOn(file, today)?.level ?? null) : null,
      school: { years: profile?.school_years ?? null, degree: profile?.school_degree ?? null },
      training: profile?.training ?? [],
      studies: profile?.studies ?? [],
      experience: (profile?.experience ?? []).map((e) => ({ title: e.title, years: e.years })),
      drivingLicences: profile?.driving_licences ?? [],
      hoursMin: profile?.hours_min ?? null,
      hoursMax: profile?.hours_max ?? null,
      childcare: profile?.childcare ?? 'none',
      availableFrom: profile?.available_from ?? null,
      vacancy: { title: p.vacancyTitle, employer: p.employerName },
      releasedOn: p.releasedOn ?? today,
    },
    printFontCss(),
  );
}
