import { currentCountryCodes, isCountryCode } from '../reference/countries';
import type { CefrLevel, Situation } from './situation-schema';
import { CEFR_LEVELS } from './situation-schema';

/**
 * One place that turns a person's case file into the rules engine's situation. The status card, the
 * language path, the residence tab, the handover record and the law-change impact all read the same
 * facts through this function, so no two screens can decide differently about the same person.
 * Pure: the server loads the rows, this function decides which of them count on a day.
 */

export interface CaseFileResidence {
  kind: string;
  paragraph: string | null;
  since: string;
  until: string | null;
  asylum_application_date: string | null;
  asylum_decision: string | null;
  asylum_decision_date: string | null;
  lives_in_reception_centre: boolean | null;
  own_fault_obstacle: boolean | null;
  identity_unclear: boolean | null;
  registered: boolean | null;
  /** Dublin case or protection in another member state (§ 61 Abs. 2 AsylG from 12.06.2026). */
  dublin_case?: boolean | null;
  /** Tie-breaker for two entries starting on the same day: the later recording wins. */
  recorded_at?: Date | string | null;
}

export interface CaseFileAssessment {
  assessedOn: string;
  overall: string;
  literacy?: 'none' | 'other_script' | 'latin' | null;
  recordedAt?: string | null;
}

export interface CaseFileEnrolment {
  status: string;
  courseType: string;
  endDate: string | null;
  /** Level the final exam certified (DTZ A2/B1, telc B2 …), null when none was recorded. */
  resultLevel: string | null;
}

export interface CaseFile {
  person: {
    id: string;
    nationalities: string[];
    entry_date: string | null;
    birth_date?: string | null;
    gender?: string | null;
    /** Languages recorded at intake; the level of "de" is the self-reported German level. */
    languages?: readonly { code: string; level: string }[] | null;
  };
  residence: readonly CaseFileResidence[];
  assessments?: readonly CaseFileAssessment[];
  enrolments?: readonly CaseFileEnrolment[];
  household?: readonly { relation: string }[];
  /** Placements into work (issue 14): a hire, and a work-permit request at the Ausländerbehörde. */
  placements?: readonly CaseFilePlacement[];
}

export interface CaseFilePlacement {
  status: string;
  startDate: string | null;
  permitRequestedOn: string | null;
  permitDecidedOn: string | null;
}

/** The open permit request on `asOf`: asked, not yet decided (the two-week BA consent fiction runs from it). */
function openPermitRequest(file: CaseFile, asOf: string): string | null {
  let latest: string | null = null;
  for (const p of file.placements ?? []) {
    const on = p.permitRequestedOn;
    if (!on || on > asOf || (p.permitDecidedOn !== null && p.permitDecidedOn <= asOf)) continue;
    if (latest === null || on > latest) latest = on;
  }
  return latest;
}

function isCefr(v: unknown): v is CefrLevel {
  return typeof v === 'string' && (CEFR_LEVELS as readonly string[]).includes(v);
}

function stamp(v: Date | string | null | undefined): string {
  if (v == null) return '';
  return typeof v === 'string' ? v : v.toISOString();
}

/**
 * The residence status in force on `asOf`: the newest entry that had begun by then. When every entry
 * starts later (recorded ahead of time), the newest one is returned, and the engine names the
 * contradiction ("status begins after the day asked about") instead of silently using nothing.
 */
export function residenceOn<T extends CaseFileResidence>(history: readonly T[], asOf: string): T | undefined {
  let best: T | undefined;
  let newest: T | undefined;
  const later = (a: T, b: T | undefined) =>
    !b || a.since > b.since || (a.since === b.since && stamp(a.recorded_at) > stamp(b.recorded_at));
  for (const s of history) {
    if (later(s, newest)) newest = s;
    if (s.since <= asOf && later(s, best)) best = s;
  }
  return best ?? newest;
}

export type GermanLevelSource = 'assessment' | 'course_result' | 'self_report';

export interface GermanLevel {
  level: CefrLevel;
  literacy: 'none' | 'other_script' | 'latin' | null;
  source: GermanLevelSource;
  /** Day of the test or the end of the course; null for the level stated at intake. */
  on: string | null;
}

/**
 * The German level on `asOf`: the newest dated evidence — a recorded test or certificate (DTZ, telc,
 * placement test) or the exam result of a completed course — and, only when there is none, the level
 * stated at intake. Evidence dated after `asOf` did not exist on that day.
 */
export function germanLevelOn(file: CaseFile, asOf: string): GermanLevel | undefined {
  let best: (GermanLevel & { recordedAt: string }) | undefined;
  const consider = (g: GermanLevel & { recordedAt: string }) => {
    if (g.on === null || g.on > asOf) return;
    if (!best || (best.on !== null && g.on > best.on) || (g.on === best.on && g.recordedAt > best.recordedAt))
      best = g;
  };
  for (const a of file.assessments ?? []) {
    if (isCefr(a.overall))
      consider({
        level: a.overall,
        literacy: a.literacy ?? null,
        source: 'assessment',
        on: a.assessedOn,
        recordedAt: a.recordedAt ?? '',
      });
  }
  for (const e of file.enrolments ?? []) {
    if (e.status === 'completed' && isCefr(e.resultLevel) && e.endDate)
      consider({
        level: e.resultLevel,
        literacy: null,
        source: 'course_result',
        on: e.endDate,
        recordedAt: '',
      });
  }
  if (best) {
    const { recordedAt: _, ...g } = best;
    return g;
  }
  const stated = file.person.languages?.find((l) => l.code === 'de')?.level;
  // A native speaker's German is at the top of the scale for every course rule.
  const level = stated === 'muttersprache' || stated === 'native' ? 'C2' : stated;
  return isCefr(level) ? { level, literacy: null, source: 'self_report', on: null } : undefined;
}

const GENDERS = new Set(['f', 'm', 'x']);

/** The situation of one person on `asOf`, from the whole case file; unknown facts stay unknown (null). */
export function situationFromCaseFile(file: CaseFile, asOf: string): Situation {
  const p = file.person;
  const status = residenceOn(file.residence, asOf);
  const german = germanLevelOn(file, asOf);
  const ikCompleted = (file.enrolments ?? []).some(
    (e) => e.status === 'completed' && e.courseType.startsWith('ik_') && (e.endDate ?? '') <= asOf,
  );
  const children = (file.household ?? []).some((h) => h.relation === 'child');
  const hires = (file.placements ?? []).filter((x) => x.status === 'hired' && x.startDate !== null);
  const permitRequestedOn = openPermitRequest(file, asOf);
  return {
    id: p.id,
    asOf,
    // Old records may hold a retired code (ZR, BU …): the rules know only current countries. "staatenlos"
    // (XXA) and "ungeklärt" (XXX) name no state: for the rules the nationality is then not known, and
    // every answer that depends on it (safe country of origin, EU freedom of movement) goes to review.
    nationality: currentCountryCodes(p.nationalities).filter(isCountryCode)[0] ?? null,
    entryDate: p.entry_date,
    birthDate: p.birth_date ?? null,
    gender: p.gender && GENDERS.has(p.gender) ? (p.gender as 'f' | 'm' | 'x') : null,
    germanLevel: german?.level ?? null,
    literacy: german?.literacy ?? null,
    // Absence of a recorded child or course is not proof of the opposite: unknown, not false.
    parent: children ? true : null,
    integrationCourseCompleted: ikCompleted ? true : null,
    // A hire that has started is employment; one that starts later is a concrete job offer. No hire
    // recorded in Lotse proves nothing (work found elsewhere): unknown, not false.
    ...(hires.some((h) => (h.startDate as string) <= asOf) ? { employed: true } : {}),
    ...(hires.some((h) => (h.startDate as string) > asOf) ? { jobOffer: true } : {}),
    ...(permitRequestedOn ? { permitRequestedOn } : {}),
    status: status
      ? {
          kind: status.kind as never,
          paragraph: status.paragraph,
          since: status.since,
          until: status.until,
          livesInReceptionCentre: status.lives_in_reception_centre,
          asylumApplicationDate: status.asylum_application_date,
          asylumDecision: status.asylum_decision as never,
          decisionDate: status.asylum_decision_date,
          ownFaultObstacle: status.own_fault_obstacle,
          identityUnclear: status.identity_unclear,
          registered: status.registered,
          dublinCase: status.dublin_case ?? null,
        }
      : null,
  };
}
