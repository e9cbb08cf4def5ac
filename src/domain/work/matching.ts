import { germanDay } from '../reference/dates';
import { CEFR_LEVELS } from '../reference/languages';
import { type Closeness, closeness, type OccupationFacts } from './occupation-closeness';
import type { Childcare, VacancyKind } from './vocab';

/**
 * Matching both ways (issue 14): is a person a candidate for a vacancy, how well does the person fit, why,
 * and what is missing. Pure and small so it can rank 100,000 profiles; the server brings the facts
 * (labour-market access from the rules engine on the vacancy's start day, travel minutes, level).
 *
 * Hard filters exclude with a reason: German level, travel time, hours and childcare, driving licence,
 * consent to pass the profile to employers, a ban on work on the start day, and the proposal cap.
 * "Permit required" is no exclusion: the person stays, marked with what must be requested.
 */

export interface VacancyFacts {
  occupation: OccupationFacts;
  occupationLabel: string;
  kind: VacancyKind;
  minLevel: string | null;
  hoursMin: number | null;
  shiftWork: boolean;
  drivingLicence: string | null;
  startDate: string;
}

export interface PersonOccupation {
  occupation: OccupationFacts;
  label: string;
  /** Years of work in it (0 for training without practice, or a wish). */
  years: number;
  source: 'experience' | 'training' | 'wish';
}

export interface EmploymentFacts {
  employment: 'allowed' | 'permit_required' | 'banned' | 'review';
  permitFrom: string | null;
  baConsent: boolean | null;
}

export interface CandidateFacts {
  personId: string;
  /** German level now (A0 … C2), null when never assessed. */
  level: string | null;
  /** One-way public-transport minutes home → place of work, null when the home is unknown. */
  travelMinutes: number | null;
  maxTravelMinutes: number;
  hoursMax: number | null;
  childcare: Childcare;
  drivingLicences: readonly string[];
  occupations: readonly PersonOccupation[];
  /** Recognised foreign qualifications by reference occupation. */
  recognised: readonly { occupation: OccupationFacts; result: 'full' | 'partial' }[];
  waitingDays: number;
  /** Open proposals for other vacancies (not hired, not declined). */
  openProposals: number;
  employerRelease: boolean;
  /** The rules engine's answer on the start day; null when not (yet) evaluated. */
  employment: EmploymentFacts | null;
}

export interface PermitNeed {
  baConsent: boolean | null;
  text: string;
}

export interface MatchResult {
  personId: string;
  /** 0 … 100 */
  score: number;
  eligible: boolean;
  closeness: Closeness['kind'];
  reasons: string[];
  missing: string[];
  /** Why the person is not proposed (hard filters); empty when eligible. */
  excluded: string[];
  permit: PermitNeed | null;
}

/** Open proposals per person at a time: the same few people are not sent everywhere. */
export const MAX_OPEN_PROPOSALS = 3;
/** Without an own limit in the profile, a client is asked to travel at most this long one way. */
export const DEFAULT_MAX_TRAVEL_MINUTES = 60;
/** Part-time only (childcare) cannot take a vacancy that needs at least this many hours a week. */
const FULL_TIME_HOURS = 35;

const W_OCCUPATION = 50;
const W_EXPERIENCE = 20;
const W_RECOGNITION = 15;
const W_WAITING = 10;
const W_LANGUAGE = 5;
const WISH_WEIGHT = 0.6;
const TRAINING_WEIGHT = 0.9;

const levelNo = (l: string | null) => (l ? CEFR_LEVELS.indexOf(l as (typeof CEFR_LEVELS)[number]) : -1);

/** A licence class includes the smaller ones (Fahrerlaubnisverordnung §6). */
const INCLUDES: Record<string, readonly string[]> = {
  B: ['B'],
  BE: ['BE', 'B'],
  C1: ['C1', 'B'],
  C: ['C', 'C1', 'B'],
  CE: ['CE', 'C', 'C1', 'BE', 'B'],
  D: ['D', 'B'],
  L: ['L'],
  T: ['T', 'L'],
};
export const holdsLicence = (held: readonly string[], needed: string) =>
  held.some((h) => (INCLUDES[h] ?? [h]).includes(needed));

const SOURCE_WEIGHT = { experience: 1, training: TRAINING_WEIGHT, wish: WISH_WEIGHT } as const;
const CLOSENESS_WORDS = {
  same_occupation: 'gleicher Beruf',
  same_unit_group: 'verwandter Beruf (gleiche Berufsgruppe)',
  shared_skills: 'ähnliche Kernkompetenzen',
  none: '',
} as const;

/** The person's best occupation for the vacancy: closeness weighted by where it comes from. */
function bestOccupation(v: VacancyFacts, c: CandidateFacts) {
  let best: { o: PersonOccupation; c: Closeness; value: number } | null = null;
  for (const o of c.occupations) {
    const cl = closeness(v.occupation, o.occupation);
    if (cl.kind === 'none') continue;
    const value = cl.value * SOURCE_WEIGHT[o.source];
    if (!best || value > best.value || (value === best.value && o.years > best.o.years))
      best = { o, c: cl, value };
  }
  return best;
}

/** Years in occupations of the same unit group (or the same occupation) as the vacancy. */
function relevantYears(v: VacancyFacts, c: CandidateFacts): number {
  let years = 0;
  for (const o of c.occupations) {
    if (o.source !== 'experience') continue;
    const k = closeness(v.occupation, o.occupation).kind;
    if (k === 'same_occupation' || k === 'same_unit_group') years += o.years;
  }
  return years;
}

function permitNeed(e: EmploymentFacts): PermitNeed {
  if (e.baConsent === true)
    return {
      baConsent: true,
      text:
        'Beschäftigungserlaubnis der Ausländerbehörde nötig, mit Zustimmung der Bundesagentur für Arbeit: ' +
        'die Zustimmung gilt zwei Wochen nach der Anfrage als erteilt (§ 36 Abs. 2 BeschV).',
    };
  return {
    baConsent: e.baConsent,
    text: 'Beschäftigungserlaubnis der Ausländerbehörde nötig (ohne Zustimmung der Bundesagentur für Arbeit).',
  };
}

/**
 * Scores one person for one vacancy. A person whose occupations have nothing in common with the
 * vacancy's gets closeness 'none' and is no candidate at all (the caller drops them).
 */
export function matchCandidate(v: VacancyFacts, c: CandidateFacts): MatchResult {
  const reasons: string[] = [];
  const missing: string[] = [];
  const excluded: string[] = [];
  let permit: PermitNeed | null = null;

  const best = bestOccupation(v, c);
  let score = 0;
  if (best) {
    score += W_OCCUPATION * best.value;
    const from =
      best.o.source === 'wish' ? 'Berufswunsch' : best.o.source === 'training' ? 'Ausbildung' : 'Erfahrung';
    reasons.push(`${CLOSENESS_WORDS[best.c.kind]}: ${best.o.label} (${from})`);
  }
  const years = relevantYears(v, c);
  if (years > 0) {
    score += (W_EXPERIENCE * Math.min(years, 5)) / 5;
    reasons.push(`${years} ${years === 1 ? 'Jahr' : 'Jahre'} Berufserfahrung im Berufsfeld`);
  } else if (v.kind === 'job') missing.push('keine Berufserfahrung im Berufsfeld');
  const rec = c.recognised.find((r) => {
    const k = closeness(v.occupation, r.occupation).kind;
    return k === 'same_occupation' || k === 'same_unit_group';
  });
  if (rec) {
    score += rec.result === 'full' ? W_RECOGNITION : W_RECOGNITION / 2;
    reasons.push(rec.result === 'full' ? 'Abschluss voll anerkannt' : 'Abschluss teilweise anerkannt');
  }
  score += W_WAITING * Math.min(Math.max(c.waitingDays, 0) / 365, 1);
  if (c.waitingDays >= 180) reasons.push(`wartet seit ${Math.floor(c.waitingDays / 30)} Monaten auf Arbeit`);

  // Hard filters.
  const need = levelNo(v.minLevel);
  const has = levelNo(c.level);
  if (need >= 0) {
    if (c.level === null) missing.push(`Deutschniveau nicht erfasst (verlangt ${v.minLevel})`);
    else if (has < need) excluded.push(`Deutsch ${v.minLevel} verlangt, erreicht ${c.level}`);
    else {
      reasons.push(`Deutsch ${c.level} (verlangt ${v.minLevel})`);
      score += (W_LANGUAGE * Math.min(has - need + 1, 2)) / 2;
    }
  }
  if (c.travelMinutes === null) missing.push('Wohnort unbekannt: Fahrzeit nicht geprüft');
  else if (c.travelMinutes > c.maxTravelMinutes)
    excluded.push(`Fahrzeit ${c.travelMinutes} Min. (höchstens ${c.maxTravelMinutes} Min.)`);
  else reasons.push(`Fahrzeit ${c.travelMinutes} Min.`);
  if (v.hoursMin !== null && c.hoursMax !== null && c.hoursMax < v.hoursMin)
    excluded.push(`${v.hoursMin} Wochenstunden verlangt, verfügbar höchstens ${c.hoursMax}`);
  if (c.childcare === 'school_hours' && v.shiftWork)
    excluded.push('Schichtarbeit passt nicht zur Kinderbetreuung');
  if (c.childcare === 'part_time_only' && v.hoursMin !== null && v.hoursMin >= FULL_TIME_HOURS)
    excluded.push('Vollzeit passt nicht zur Kinderbetreuung (nur Teilzeit)');
  if (v.drivingLicence && !holdsLicence(c.drivingLicences, v.drivingLicence))
    excluded.push(`Führerschein Klasse ${v.drivingLicence} verlangt`);
  if (!c.employerRelease) excluded.push('keine Einwilligung, das Profil an Arbeitgeber weiterzugeben');
  if (c.openProposals >= MAX_OPEN_PROPOSALS)
    excluded.push(`bereits für ${c.openProposals} offene Stellen vorgeschlagen`);
  const e = c.employment;
  if (e === null) missing.push('Arbeitsmarktzugang nicht geprüft');
  else if (e.employment === 'banned')
    excluded.push(
      `Beschäftigung am ${germanDay(v.startDate)} nicht erlaubt` +
        (e.permitFrom ? ` (Erlaubnis frühestens ab ${germanDay(e.permitFrom)})` : ''),
    );
  else if (e.employment === 'permit_required') {
    permit = permitNeed(e);
    missing.push('Beschäftigungserlaubnis beantragen');
  } else if (e.employment === 'review')
    missing.push('Arbeitsmarktzugang ungeklärt: Aufenthaltsstatus prüfen');
  else reasons.push('darf arbeiten');

  return {
    personId: c.personId,
    score: Math.round(score),
    eligible: excluded.length === 0 && best !== null,
    closeness: best?.c.kind ?? 'none',
    reasons,
    missing,
    excluded,
    permit,
  };
}

/** Best first; equal scores: the longer wait first, then the id (stable). */
export function byRank(a: MatchResult & { waitingDays?: number }, b: MatchResult & { waitingDays?: number }) {
  return (
    b.score - a.score || (b.waitingDays ?? 0) - (a.waitingDays ?? 0) || (a.personId < b.personId ? -1 : 1)
  );
}
