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
    /** The German level the rules engine uses (newest test, certificate or course result; else intake). */
    germanLevel?: { level: string; source: string; on: string | null } | null;
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
  decision?: {
    employment: string;
    benefits: string;
    agency: string;
    permitFrom?: string | null;
    explanation?: { de: string; en: string };
    courses?: unknown;
  } | null;
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
    Boolean(f.person.germanLevel) || f.person.languages.some((l) => l.code === 'de'),
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
      { key: 'germanLevel', title: 'Deutschkenntnisse', content: f.person.germanLevel ?? null },
      {
        key: 'rules',
        title: 'Arbeitsmarktzugang, Rechtskreis, Kurse',
        // The receiving agency reads the result and its reasons in words — not the engine's internals
        // (rule ids, the person id, course details).
        content: f.decision
          ? {
              employment: f.decision.employment,
              permitFrom: f.decision.permitFrom ?? null,
              benefits: f.decision.benefits,
              agency: f.decision.agency,
              explanation: f.decision.explanation?.de ?? null,
            }
          : null,
      },
      { key: 'measures', title: 'Laufende Maßnahmen', content: f.runningMeasures ?? [] },
      { key: 'recognition', title: 'Anerkennungsverfahren', content: f.recognitionProcedure ?? null },
      { key: 'tasks', title: 'Offene Termine und Aufgaben', content: f.openTasks ?? [] },
    ],
    missing,
  };
}

const RECHTSKREIS_WORDS: Record<string, string> = {
  asylblg: 'vom AsylbLG',
  sgb2: 'innerhalb des SGB II',
  sgb3_only: 'vom SGB III',
  none: 'ohne bisherigen Leistungsbezug',
};
const STATUS_WORDS: Record<string, string> = {
  gestattung: 'Aufenthaltsgestattung',
  duldung: 'Duldung',
  aufenthaltserlaubnis: 'Aufenthaltserlaubnis',
  niederlassungserlaubnis: 'Niederlassungserlaubnis',
  fiktionsbescheinigung: 'Fiktionsbescheinigung',
  eu_freizuegigkeit: 'EU-Freizügigkeit',
  none: 'kein Aufenthaltsstatus',
};

/** "25(2)" → "§ 25 Abs. 2 AufenthG", "60a" → "§ 60a AufenthG": the citation form agencies write. */
export function paragraphCitation(p: string): string {
  const m = /^(\d+[a-z]?)(?:\((\d+[a-z]?)\))?$/.exec(p.replace(/\s/g, ''));
  if (!m) return `§ ${p} AufenthG`;
  return `§ ${m[1]}${m[2] ? ` Abs. ${m[2]}` : ''} AufenthG`;
}

function dayDe(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d && m ? `${d}.${m}.${y}` : iso;
}

/**
 * The reason of an automatic Rechtskreiswechsel handover, as the Jobcenter reads it: "Rechtskreiswechsel
 * vom AsylbLG ins SGB II: neuer Aufenthaltsstatus Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG seit
 * 28.11.2026". A previous Rechtskreis the engine could not decide is said as such, not as a code.
 */
export function rechtskreisChangeReason(c: {
  from: string;
  kind: string;
  paragraph?: string | null;
  since: string;
}): string {
  const from = RECHTSKREIS_WORDS[c.from];
  const head = from
    ? `Rechtskreiswechsel ${from} ins SGB II`
    : 'Rechtskreiswechsel ins SGB II (bisheriger Rechtskreis war nicht geklärt)';
  const status = `${STATUS_WORDS[c.kind] ?? c.kind}${c.paragraph ? ` nach ${paragraphCitation(c.paragraph)}` : ''}`;
  return `${head}: neuer Aufenthaltsstatus ${status} seit ${dayDe(c.since)}`;
}
