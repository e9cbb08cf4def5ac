import { ageInYears } from '../reference/dates';
import { CEFR_LEVELS } from '../reference/languages';

/**
 * Does a measure fit a person — and if not, what is missing? (issue 13, Förderkompass.) Each condition
 * of the measure is checked against the person's facts on the measure's start day, with the employment
 * answer of the rules engine for that day; an unknown fact is named, never guessed.
 */

export const MEASURE_TYPES = [
  'coaching',
  'massnahme_45',
  'ausbildungsvorbereitung',
  'kompetenzfeststellung',
  'beratung',
  'berufssprachkurs',
  'qualifizierung',
  'anerkennung',
  'sonstiges',
] as const;
export type MeasureType = (typeof MEASURE_TYPES)[number];

export interface MeasureConditions {
  /** Empty: open to every Rechtskreis. */
  rechtskreise: readonly string[];
  /** Empty: every residence status. */
  residenceKinds: readonly string[];
  minAge: number | null;
  maxAge: number | null;
  minLevel: string | null;
  gender: 'f' | 'm' | null;
  /** Work or a work-like placement: the person must be allowed to work, or a permit be possible. */
  needsWorkAccess: boolean;
  startDate: string | null;
  endDate: string | null;
}

export interface PersonFacts {
  rechtskreis: string;
  residenceKind: string | null;
  birthDate: string | null;
  birthPrecision: 'day' | 'month' | 'year';
  gender: string;
  /** Current German level (A0 … C2), null when never assessed. */
  level: string | null;
  /** The rules engine on the start day: allowed, permit_required, banned, review. */
  employment: string;
}

export interface Reason {
  code: string;
  text: string;
}

export interface Fit {
  fits: boolean;
  met: Reason[];
  missing: Reason[];
  /** Facts Lotse does not know; the measure may fit once they are recorded. */
  unknown: Reason[];
}

const RECHTSKREIS_WORDS: Record<string, string> = {
  sgb2: 'SGB II (Jobcenter)',
  sgb3_only: 'SGB III (Agentur für Arbeit)',
  asylblg: 'AsylbLG',
};
const STATUS_WORDS: Record<string, string> = {
  gestattung: 'Aufenthaltsgestattung',
  duldung: 'Duldung',
  aufenthaltserlaubnis: 'Aufenthaltserlaubnis',
  niederlassungserlaubnis: 'Niederlassungserlaubnis',
  fiktionsbescheinigung: 'Fiktionsbescheinigung',
  eu_freizuegigkeit: 'EU-Freizügigkeit',
};
const words = (codes: readonly string[], dict: Record<string, string>) =>
  codes.map((c) => dict[c] ?? c).join(', ');
const levelIndex = (l: string) => CEFR_LEVELS.indexOf(l as (typeof CEFR_LEVELS)[number]);

export function fitMeasure(m: MeasureConditions, p: PersonFacts, today: string): Fit {
  const on = m.startDate && m.startDate > today ? m.startDate : today;
  const fit: Fit = { fits: true, met: [], missing: [], unknown: [] };
  const check = (ok: boolean | null, code: string, yes: string, no: string, unknown?: string) => {
    if (ok === true) fit.met.push({ code, text: yes });
    else if (ok === false) fit.missing.push({ code, text: no });
    else fit.unknown.push({ code, text: unknown ?? no });
  };
  if (m.endDate && m.endDate < today) check(false, 'ended', '', 'Die Maßnahme ist beendet.');
  if (m.rechtskreise.length > 0) {
    check(
      m.rechtskreise.includes(p.rechtskreis),
      'rechtskreis',
      `Rechtskreis passt (${RECHTSKREIS_WORDS[p.rechtskreis] ?? p.rechtskreis}).`,
      `Nur für ${words(m.rechtskreise, RECHTSKREIS_WORDS)}; die Person ist im Rechtskreis ${RECHTSKREIS_WORDS[p.rechtskreis] ?? p.rechtskreis}.`,
    );
  }
  if (m.residenceKinds.length > 0) {
    check(
      p.residenceKind === null ? null : m.residenceKinds.includes(p.residenceKind),
      'status',
      `Aufenthaltsstatus passt (${STATUS_WORDS[p.residenceKind ?? ''] ?? p.residenceKind}).`,
      `Nur mit ${words(m.residenceKinds, STATUS_WORDS)}.`,
      'Der Aufenthaltsstatus ist nicht erfasst.',
    );
  }
  if (m.minAge !== null || m.maxAge !== null) {
    // A year-only birth date: the age is certain only if both ends of the year agree.
    const ages = p.birthDate
      ? p.birthPrecision === 'year'
        ? [
            ageInYears(`${p.birthDate.slice(0, 4)}-12-31`, on),
            ageInYears(`${p.birthDate.slice(0, 4)}-01-01`, on),
          ]
        : [ageInYears(p.birthDate, on), ageInYears(p.birthDate, on)]
      : null;
    const inRange = (a: number) =>
      (m.minAge === null || a >= m.minAge) && (m.maxAge === null || a <= m.maxAge);
    const range =
      m.minAge !== null && m.maxAge !== null
        ? `${m.minAge} bis ${m.maxAge}`
        : m.minAge !== null
          ? `ab ${m.minAge}`
          : `bis ${m.maxAge}`;
    check(
      ages === null
        ? null
        : inRange(ages[0] as number) && inRange(ages[1] as number)
          ? true
          : !inRange(ages[0] as number) && !inRange(ages[1] as number)
            ? false
            : null,
      'age',
      `Alter passt (${range} Jahre).`,
      `Nur für Menschen im Alter ${range} Jahre.`,
      `Das Alter am Beginn ist nicht sicher bekannt (${range} Jahre verlangt).`,
    );
  }
  if (m.minLevel) {
    check(
      p.level === null ? null : levelIndex(p.level) >= levelIndex(m.minLevel),
      'level',
      `Deutschkenntnisse reichen (${p.level}, verlangt ${m.minLevel}).`,
      `Verlangt Deutsch ${m.minLevel}; erreicht ist ${p.level}.`,
      `Verlangt Deutsch ${m.minLevel}; ein Sprachstand ist nicht erfasst.`,
    );
  }
  if (m.gender) {
    check(
      p.gender === 'u' || p.gender === 'x' ? null : p.gender === m.gender,
      'gender',
      m.gender === 'f' ? 'Angebot für Frauen.' : 'Angebot für Männer.',
      m.gender === 'f' ? 'Nur für Frauen.' : 'Nur für Männer.',
    );
  }
  if (m.needsWorkAccess) {
    check(
      p.employment === 'review' ? null : p.employment === 'allowed' || p.employment === 'permit_required',
      'work',
      p.employment === 'allowed'
        ? 'Darf arbeiten (Regelwerk am Beginn).'
        : 'Arbeit mit Erlaubnis der Ausländerbehörde möglich (Regelwerk am Beginn).',
      'Am Beginn ist eine Beschäftigung nicht erlaubt (Regelwerk).',
      'Ob die Person am Beginn arbeiten darf, muss geprüft werden.',
    );
  }
  fit.fits = fit.missing.length === 0 && fit.unknown.length === 0;
  return fit;
}
