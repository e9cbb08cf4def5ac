import type { RuleDef } from './law-schema';

/**
 * Default rule data added after the legal review of issue 11: reception-centre caps (§47 AsylG),
 * the safe-country transitions (§104 Abs. 18 AufenthG, §87d AsylG) and the GEAS points whose
 * final text is open. Kept apart from law-default-employment.ts so each file stays readable.
 */
export const ASYLUM_RULES: RuleDef[] = [
  // ---------------------------------------------------------------- reception centre (§47 AsylG)
  {
    id: 'ae.cap_families_6m',
    family: 'ae.cap_family',
    basis: '§47 Abs. 1 S. 1 AsylG',
    validFrom: '2019-08-21',
    validTo: null,
    params: { months: 6 },
    note: 'Text of §47 Abs. 1 S. 1 (buzer.de, version of 21.08.2019 by BGBl. I 2019 S. 1294): at most six months for minor children, their parents or other guardians and their adult unmarried siblings; S. 4: no extension for them. Earlier caps (6 weeks/3 months before 24.10.2015, 6 months until 20.08.2019) are not modelled.',
    title: {
      de: 'Wohnpflicht in der Aufnahmeeinrichtung: Familien höchstens 6 Monate',
      en: 'Reception-centre obligation: families at most 6 months',
    },
    explanation: {
      de: 'Familien mit minderjährigen Kindern müssen höchstens {months} Monate in der Aufnahmeeinrichtung wohnen (hier bis zum Tag vor dem {end}).',
      en: 'Families with minor children must live in the reception centre for at most {months} months (here until the day before {end}).',
    },
  },
  {
    id: 'ae.cap_18m',
    family: 'ae.cap',
    basis: '§47 Abs. 1, 1a AsylG',
    validFrom: '2019-08-21',
    validTo: null,
    params: { months: 18 },
    note: 'Beyond 18 months only for breaches of cooperation duties (§47 Abs. 1 S. 3), a Land rule (§47 Abs. 1b) or safe-country nationals (§47 Abs. 1a, until the decision): the facts say nothing about the first two, so a longer obligation is a contradiction for a caseworker to check.',
    title: {
      de: 'Wohnpflicht in der Aufnahmeeinrichtung: höchstens 18 Monate',
      en: 'Reception-centre obligation: at most 18 months',
    },
    explanation: {
      de: 'Die Pflicht, in der Aufnahmeeinrichtung zu wohnen, endet nach höchstens {months} Monaten (hier vor dem {end}), außer bei Verstößen gegen Mitwirkungspflichten, einer Landesregelung oder einem sicheren Herkunftsstaat.',
      en: 'The obligation to live in the reception centre ends after at most {months} months (here before {end}), except for breaches of cooperation duties, a Land rule or a safe country of origin.',
    },
  },
  // ---------------------------------------------------------------- safe countries: transitions
  {
    id: 'safe_country.tolerated_exempt',
    family: 'safe_country.tolerated_exempt',
    basis: '§104 Abs. 18 AufenthG',
    validFrom: '2023-12-23',
    validTo: null,
    note: 'Transition of the Gesetz zur Bestimmung Georgiens und der Republik Moldau als sichere Herkunftsstaaten: nationals tolerated on 30.08.2023 without an asylum application are not caught by §60a Abs. 6 S. 1 Nr. 3 (kanzlei-ebs.de summary; the reference day per country lives in safeCountries.toleratedOn).',
    title: {
      de: 'Georgien, Moldau: Übergangsregelung für Geduldete',
      en: 'Georgia, Moldova: transition for tolerated persons',
    },
    explanation: {
      de: 'Die Person war schon am Stichtag ohne Asylantrag geduldet: Das Beschäftigungsverbot für sichere Herkunftsstaaten gilt für sie nicht.',
      en: 'The person was already tolerated on the reference day without an asylum application: the employment ban for safe countries of origin does not apply.',
    },
  },
  {
    id: 'safe_country.duldung_exception',
    family: 'safe_country.duldung_exception',
    basis: '§60a Abs. 6 S. 1 Nr. 3, S. 3 AufenthG',
    validFrom: '2019-08-21',
    validTo: null,
    title: {
      de: 'Ausnahme vom Verbot für sichere Herkunftsstaaten',
      en: 'Exception from the safe-country ban',
    },
    explanation: {
      de: 'Das Verbot für sichere Herkunftsstaaten gilt nicht: Der Asylantrag wurde nach einer Beratung durch das BAMF zurückgenommen, oder die Person ist unbegleitet minderjährig und Rücknahme oder Verzicht dienten dem Kindeswohl.',
      en: 'The safe-country ban does not apply: the application was withdrawn after advice by the BAMF, or the person is an unaccompanied minor and the withdrawal or non-application served the child’s welfare.',
    },
  },
  {
    id: 'safe_country.centre_ban',
    family: 'safe_country.centre',
    basis: '§61 Abs. 1 S. 2 Nr. 3 AsylG, §87d AsylG',
    validFrom: '2019-08-21',
    validTo: '2026-06-11',
    note: '§87d AsylG (Antrag bis 30.08.2023) exempts Georgian and Moldovan applicants only from §61 Abs. 2 S. 4; inside a reception centre the entitlement of §61 Abs. 1 S. 2 excludes every national of a listed state, whatever the application date.',
    title: {
      de: 'Sicherer Herkunftsstaat in der Aufnahmeeinrichtung: Verbot',
      en: 'Safe country of origin in a reception centre: ban',
    },
    explanation: {
      de: 'Staatsangehörige eines sicheren Herkunftsstaats dürfen während der Wohnpflicht in der Aufnahmeeinrichtung nicht beschäftigt werden, auch wenn der Asylantrag vor dem Stichtag gestellt wurde.',
      en: 'Nationals of a safe country of origin may not be employed while obliged to live in a reception centre, even if they applied before the cut-off date.',
    },
  },
  // ---------------------------------------------------------------- Gestattung: §61 Abs. 2 S. 5 AsylG
  {
    id: 'gestattung.outside_6m_must',
    family: 'gestattung.wait_must',
    basis: '§61 Abs. 2 S. 5 i.V.m. Abs. 1 S. 2 AsylG',
    validFrom: '2024-02-27',
    validTo: '2026-06-11',
    params: { months: 6, mode: 'must' },
    note: '"Absatz 1 Satz 2 bleibt unberührt" (§61 Abs. 2 S. 5): the entitlement after six months applies outside the reception centre too (VG Weimar, 29.08.2025 – 4 E 3382/25).',
    title: {
      de: 'Gestattung: Anspruch nach 6 Monaten',
      en: 'Gestattung: entitlement after 6 months',
    },
    explanation: {
      de: 'Sechs Monate nach der Antragstellung (ab {end}) ist die Beschäftigung zu erlauben, wenn das Asylverfahren nicht abgeschlossen ist, die BA zustimmt, kein sicherer Herkunftsstaat vorliegt und der Antrag nicht als offensichtlich unbegründet oder unzulässig abgelehnt wurde.',
      en: 'Six months after the application (from {end}) employment must be permitted if the procedure is not concluded, the BA consents, the person is not from a safe country of origin and the application was not rejected as manifestly unfounded or inadmissible.',
    },
  },
  // ---------------------------------------------------------------- GEAS (from 12.06.2026)
  {
    id: 'gestattung.geas_dublin',
    family: 'gestattung.geas_dublin',
    basis: '§61 AsylG i.d.F. des GEAS-Anpassungsgesetzes',
    validFrom: '2026-06-12',
    validTo: null,
    note: 'Bundestag decision of 27.02.2026: Dublin cases are excluded from the three-month rule.',
    title: { de: 'Dublin-Fall: keine Beschäftigung', en: 'Dublin case: no employment' },
    explanation: {
      de: 'Für einen Dublin-Fall (Zuständigkeit oder Schutz in einem anderen Mitgliedstaat) gilt die Erlaubnis nach drei Monaten nicht: keine Beschäftigung.',
      en: 'The three-month permit does not apply to a Dublin case (another member state responsible or protection there): no employment.',
    },
  },
  {
    id: 'gestattung.geas_rejected_open',
    family: 'gestattung.geas_open',
    basis: '§61 AsylG i.d.F. des GEAS-Anpassungsgesetzes',
    validFrom: '2026-06-12',
    validTo: null,
    note: 'Open question: the draft excluded rejected applicants whose suit is pending; the promulgated text was not found in the sources searched on 03.12.2026.',
    title: {
      de: 'Abgelehnter Asylantrag: Rechtslage ab 12.06.2026 offen',
      en: 'Rejected application: law from 12.06.2026 open',
    },
    explanation: {
      de: 'Der Asylantrag wurde abgelehnt. Ob nach dem GEAS-Anpassungsgesetz während einer Klage eine Beschäftigung erlaubt werden kann, ist nach dem verfügbaren Gesetzestext offen: Eine Fachkraft muss entscheiden.',
      en: 'The application was rejected. Whether employment can be permitted during a pending suit under the GEAS adaptation law is open on the text available: a caseworker must decide.',
    },
  },
];
