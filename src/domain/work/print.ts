import { germanDay } from '../reference/dates';
import { esc } from '../text/html';
import {
  CHILDCARE_WORDS,
  type Childcare,
  SCHOOL_DEGREE_WORDS,
  VACANCY_KIND_WORDS,
  type VacancyKind,
  WAGE_BRACKET_WORDS,
} from './vocab';

/**
 * Two printed documents of the work side (issue 14):
 * - the data of the BA's "Erklärung zum Beschäftigungsverhältnis", pre-filled from employer, vacancy and
 *   person, for a "permit required" match — the employer completes and signs it, the Ausländerbehörde
 *   sends it to the BA with the consent request;
 * - the profile extract an employer receives when the client consented: no residence details, no health.
 * Fields Lotse does not know stay as lines to fill in by hand, never guessed.
 */

const STYLE = `body{font-family:"Noto Sans",sans-serif;margin:2rem;color:#111;line-height:1.45;max-width:50rem}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;text-align:start;vertical-align:top;border-bottom:1px solid #ddd}
th{width:40%;font-weight:600}.blank{color:#555}.note{font-size:.9rem;color:#333}
@media print{body{margin:1.5cm}}`;

const BLANK = '<span class="blank">______________________ (vom Arbeitgeber auszufüllen)</span>';
const row = (label: string, value: string | number | null | undefined) =>
  `<tr><th scope="row">${esc(label)}</th><td>${value === null || value === undefined || value === '' ? BLANK : esc(value)}</td></tr>`;
const day = (d: string | null) => (d ? germanDay(d) : null);

export interface PermitDeclarationData {
  employer: {
    name: string;
    street: string | null;
    postcode: string | null;
    city: string | null;
    betriebsnummer: string | null;
    contact: { name: string; phone: string | null; email: string | null } | null;
  };
  person: { givenNames: string; familyName: string; birthDate: string | null; nationality: string | null };
  vacancy: {
    kind: VacancyKind;
    title: string;
    occupation: string;
    isco: string;
    place: string;
    startDate: string;
    endDate: string | null;
    hoursMin: number | null;
    hoursMax: number | null;
    wageBracket: string | null;
    description: string | null;
  };
  baConsent: boolean | null;
  printedOn: string;
}

export function renderPermitDeclaration(d: PermitDeclarationData, fontCss = ''): string {
  const hours =
    d.vacancy.hoursMin === null
      ? null
      : d.vacancy.hoursMax && d.vacancy.hoursMax !== d.vacancy.hoursMin
        ? `${d.vacancy.hoursMin} bis ${d.vacancy.hoursMax} Stunden`
        : `${d.vacancy.hoursMin} Stunden`;
  const address = [d.employer.street, [d.employer.postcode, d.employer.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ');
  const wage = d.vacancy.wageBracket
    ? `${WAGE_BRACKET_WORDS[d.vacancy.wageBracket as keyof typeof WAGE_BRACKET_WORDS] ?? d.vacancy.wageBracket} brutto im Monat (Spanne; genauer Betrag vom Arbeitgeber)`
    : null;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Erklärung zum Beschäftigungsverhältnis – ${esc(d.person.familyName)}</title>
<style>${fontCss}${STYLE}</style></head>
<body><main>
<h1>Erklärung zum Beschäftigungsverhältnis</h1>
<p class="note">Vorausgefüllt aus Lotse am ${esc(germanDay(d.printedOn))} für den Antrag auf Beschäftigungserlaubnis bei der
Ausländerbehörde${d.baConsent === true ? '. Die Ausländerbehörde holt die Zustimmung der Bundesagentur für Arbeit ein; sie gilt als erteilt, wenn die Bundesagentur nicht innerhalb von zwei Wochen widerspricht (§ 36 Abs. 2 BeschV)' : ''}.
Maßgeblich ist das amtliche Formular der Bundesagentur für Arbeit; bitte die Angaben dorthin übernehmen, ergänzen und unterschreiben.</p>
<h2>1. Arbeitgeber</h2>
<table>${row('Name des Betriebs', d.employer.name)}${row('Anschrift', address)}${row('Betriebsnummer', d.employer.betriebsnummer)}
${row('Ansprechperson', d.employer.contact?.name)}${row('Telefon', d.employer.contact?.phone)}${row('E-Mail', d.employer.contact?.email)}</table>
<h2>2. Arbeitnehmerin / Arbeitnehmer</h2>
<table>${row('Familienname', d.person.familyName)}${row('Vorname(n)', d.person.givenNames)}${row('Geburtsdatum', day(d.person.birthDate))}
${row('Staatsangehörigkeit', d.person.nationality)}</table>
<h2>3. Beschäftigung</h2>
<table>${row('Art', VACANCY_KIND_WORDS[d.vacancy.kind])}${row('Berufsbezeichnung / Tätigkeit', d.vacancy.title)}
${row('Beruf (ESCO)', d.vacancy.occupation)}${row('Berufsgruppe (ISCO-08)', d.vacancy.isco)}
${row('Beschreibung der Tätigkeit', d.vacancy.description)}${row('Arbeitsort', d.vacancy.place)}
${row('Beginn', day(d.vacancy.startDate))}${row('Ende (bei Befristung)', day(d.vacancy.endDate))}
${row('Wöchentliche Arbeitszeit', hours)}${row('Arbeitsentgelt', wage)}${row('Tarifvertrag', null)}
${row('Urlaubsanspruch', null)}${row('Erforderliche Qualifikation', null)}</table>
<h2>4. Unterschrift</h2>
<p>Ort, Datum: ______________________ &nbsp; Unterschrift und Stempel des Arbeitgebers: ______________________</p>
</main></body></html>`;
}

export interface ProfileExtractData {
  person: { givenNames: string; familyName: string };
  germanLevel: string | null;
  school: { years: number | null; degree: string | null };
  training: { title: string; completed: boolean }[];
  studies: { subject: string; degree: string | null; completed: boolean }[];
  experience: { title: string; years: number }[];
  drivingLicences: string[];
  hoursMin: number | null;
  hoursMax: number | null;
  childcare: Childcare;
  availableFrom: string | null;
  vacancy: { title: string; employer: string };
  releasedOn: string;
}

export function renderProfileExtract(d: ProfileExtractData, fontCss = ''): string {
  const list = (items: string[]) =>
    items.length ? `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>` : '<p>—</p>';
  const hours =
    d.hoursMin === null && d.hoursMax === null
      ? null
      : `${d.hoursMin ?? '—'} bis ${d.hoursMax ?? '—'} Stunden in der Woche`;
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><title>Bewerberprofil – ${esc(d.person.givenNames)}</title>
<style>${fontCss}${STYLE}</style></head>
<body><main>
<h1>Bewerberprofil</h1>
<p class="note">Für ${esc(d.vacancy.employer)}, Stelle „${esc(d.vacancy.title)}“. Weitergegeben am ${esc(germanDay(d.releasedOn))} mit
Einwilligung der Bewerberin / des Bewerbers. Nur für dieses Auswahlverfahren; bitte nicht weitergeben und nach Abschluss löschen.</p>
<table>${row('Name', `${d.person.givenNames} ${d.person.familyName}`)}${row('Deutschkenntnisse', d.germanLevel ? `Niveau ${d.germanLevel} (GER)` : 'nicht erfasst')}
${row('Schule', [d.school.years !== null ? `${d.school.years} Schuljahre` : null, d.school.degree ? (SCHOOL_DEGREE_WORDS[d.school.degree as keyof typeof SCHOOL_DEGREE_WORDS] ?? d.school.degree) : null].filter(Boolean).join(', ') || 'nicht erfasst')}
${row('Führerschein', d.drivingLicences.length ? `Klasse ${d.drivingLicences.join(', ')}` : 'keiner')}
${row('Arbeitszeit', hours ?? 'nicht erfasst')}${row('Kinderbetreuung', CHILDCARE_WORDS[d.childcare])}
${row('Verfügbar ab', d.availableFrom ? germanDay(d.availableFrom) : 'sofort')}</table>
<h2>Berufserfahrung</h2>${list(d.experience.map((e) => `${e.title}: ${e.years} ${e.years === 1 ? 'Jahr' : 'Jahre'}`))}
<h2>Ausbildung</h2>${list(d.training.map((t) => `${t.title}${t.completed ? '' : ' (nicht abgeschlossen)'}`))}
<h2>Studium</h2>${list(d.studies.map((s) => `${s.subject}${s.degree ? `, ${s.degree}` : ''}${s.completed ? '' : ' (nicht abgeschlossen)'}`))}
</main></body></html>`;
}
