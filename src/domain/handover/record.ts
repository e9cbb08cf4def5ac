// The handover record at a Rechtskreiswechsel or exit (DOMAIN.md §4): everything the receiving
// agency needs, assembled from the case so that nothing is typed twice. Pure: the server loads the facts.

export interface HandoverFacts {
  person: {
    givenNames: string;
    familyName: string;
    nameOriginal: string | null;
    birthDate: string | null;
    birthDatePrecision: string;
    nationalities: string[];
    azrNumber: string | null;
    baCustomerNumber: string | null;
    wohnsitzauflage: string | null;
    municipality: string | null;
    languages: { code: string; level: string }[];
  };
  currentStatus: {
    kind: string;
    paragraph: string | null;
    since: string;
    until: string | null;
    document: string | null;
    workAnnotation: string | null;
  } | null;
  household: { relation: string; givenNames: string; birthDate: string | null; needsChildcare: boolean }[];
  /** From the rules engine, when available. */
  decision?: { employment: string; benefits: string; agency: string; courses?: unknown } | null;
  /** Measures, appointments, tasks: filled in by later modules; an empty list is a fact, not a gap. */
  runningMeasures?: string[];
  openTasks?: string[];
  recognitionProcedure?: string | null;
}

export interface HandoverRecord {
  legalBasis: string;
  sections: { key: string; title: string; content: unknown }[];
  /** Items the receiving agency needs but the case does not hold yet: the completeness checklist. */
  missing: { key: string; label: string }[];
}

export function buildHandoverRecord(f: HandoverFacts): HandoverRecord {
  const missing: HandoverRecord['missing'] = [];
  const need = (ok: boolean, key: string, label: string) => {
    if (!ok) missing.push({ key, label });
  };
  need(Boolean(f.person.azrNumber), 'azrNumber', 'AZR-Nummer');
  need(f.currentStatus !== null, 'status', 'Aufenthaltsstatus mit Dokument');
  need(Boolean(f.currentStatus?.document), 'statusDocument', 'Art des Aufenthaltsdokuments');
  need(
    Boolean(f.currentStatus?.until) || f.currentStatus?.kind === 'niederlassungserlaubnis',
    'statusUntil',
    'Gültigkeit des Aufenthaltsdokuments',
  );
  need(Boolean(f.currentStatus?.workAnnotation), 'workAnnotation', 'Nebenbestimmung zur Erwerbstätigkeit');
  need(
    Boolean(f.person.wohnsitzauflage),
    'wohnsitzauflage',
    'Wohnsitzauflage (§ 12a AufenthG, bestimmt das zuständige Jobcenter)',
  );
  need(
    f.person.languages.some((l) => l.code === 'de'),
    'germanLevel',
    'Deutschkenntnisse (Sprachstand)',
  );
  need(f.person.birthDate !== null, 'birthDate', 'Geburtsdatum');

  return {
    legalBasis: '§ 69 Abs. 1 Nr. 1 SGB X i. V. m. § 67d SGB X',
    sections: [
      {
        key: 'identity',
        title: 'Identität',
        content: {
          name: `${f.person.givenNames} ${f.person.familyName}`,
          nameOriginal: f.person.nameOriginal,
          birthDate: f.person.birthDate,
          birthDatePrecision: f.person.birthDatePrecision,
          nationalities: f.person.nationalities,
          azrNumber: f.person.azrNumber,
          baCustomerNumber: f.person.baCustomerNumber,
        },
      },
      { key: 'status', title: 'Aufenthaltsstatus', content: f.currentStatus },
      { key: 'household', title: 'Haushalt', content: f.household },
      {
        key: 'residence',
        title: 'Wohnsitz und Wohnsitzauflage',
        content: { municipality: f.person.municipality, wohnsitzauflage: f.person.wohnsitzauflage },
      },
      { key: 'language', title: 'Sprache', content: f.person.languages },
      { key: 'rules', title: 'Arbeitsmarktzugang, Rechtskreis, Kurse', content: f.decision ?? null },
      { key: 'measures', title: 'Laufende Maßnahmen', content: f.runningMeasures ?? [] },
      { key: 'recognition', title: 'Anerkennungsverfahren', content: f.recognitionProcedure ?? null },
      { key: 'tasks', title: 'Offene Termine und Aufgaben', content: f.openTasks ?? [] },
    ],
    missing,
  };
}
