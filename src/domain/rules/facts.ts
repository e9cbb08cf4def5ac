import { type Day, parseDay } from './dates';
import type { AsylumDecision, CefrLevel, Situation, SituationStatus, StatusKind } from './situation-schema';

/**
 * A situation with its dates turned into day numbers once, so every rule compares integers.
 * NaN = unknown date; `undefined` = unknown fact (null in the input means the same).
 */
export interface Facts {
  id: string;
  asOf: Day;
  nationality: string | undefined;
  entry: Day;
  kind: StatusKind | undefined;
  /** Normalised paragraph ("25(2)", "60a(2)3", "25b"), undefined when absent. */
  paragraph: string | undefined;
  since: Day;
  until: Day;
  application: Day;
  decisionDate: Day;
  suspensionDate: Day;
  decision: AsylumDecision | undefined;
  inReceptionCentre: boolean | undefined;
  ownFault: boolean | undefined;
  identityUnclear: boolean | undefined;
  benefitEntry: boolean | undefined;
  registered: boolean | undefined;
  dublin: boolean | undefined;
  suspensiveRestored: boolean | undefined;
  becauseOfWar: boolean | undefined;
  employmentPermitted: boolean | undefined;
  /** First day of permitted, tolerated or gestattet stay (for §61(2) AsylG, §32 BeschV, §2 AsylbLG). */
  stayStart: Day;
  /** Whether the caseworker recorded the stay start explicitly (permittedStaySince). */
  stayExplicit: boolean;
  birth: Day;
  gender: 'f' | 'm' | 'x' | undefined;
  level: CefrLevel | undefined;
  literacy: 'none' | 'other_script' | 'latin' | undefined;
  parent: boolean | undefined;
  employed: boolean | undefined;
  jobOffer: boolean | undefined;
  ableToWork: boolean | undefined;
  courseCompleted: boolean | undefined;
  courseObliged: boolean | undefined;
  recognitionProcedure: boolean | undefined;
  permitRequested: Day;
  arrival: Day;
  familyWithMinorChildren: boolean | undefined;
  withdrawnAfterAdvice: boolean | undefined;
  unaccompaniedMinor: boolean | undefined;
  labourMarketNear: boolean | undefined;
}

const NO_STATUS: SituationStatus = {};

function opt<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/**
 * "§ 25 Abs. 2" → "25(2)", "25 (4a)" → "25(4a)", "60a(2) S.3" → "60a(2)3", "25B" → "25b".
 * Users type paragraphs many ways; the rule data uses the compact form.
 */
// Paragraph spellings repeat endlessly across cases; memoising keeps regexes out of the hot path.
const paragraphCache = new Map<string, string | undefined>();

export function normaliseParagraph(p: string | null | undefined): string | undefined {
  if (p == null) return undefined;
  if (paragraphCache.has(p)) return paragraphCache.get(p);
  const n = normalise(p);
  if (paragraphCache.size < 10_000) paragraphCache.set(p, n);
  return n;
}

function normalise(p: string): string | undefined {
  const s = p
    .toLowerCase()
    .replace(/§|aufenthg/g, '')
    .replace(/abs\.?\s*([0-9]+[a-z]?)(?![a-z])/g, '($1)')
    .replace(/(satz|s\.)\s*([0-9]+)/g, '$2')
    .replace(/\s/g, '');
  return s === '' ? undefined : s;
}

function earliest(a: Day, b: Day): Day {
  if (Number.isNaN(a)) return b;
  if (Number.isNaN(b)) return a;
  return a < b ? a : b;
}

export function toFacts(s: Situation): Facts {
  const st = s.status ?? NO_STATUS;
  const since = parseDay(st.since);
  const application = parseDay(st.asylumApplicationDate);
  const explicitStay = parseDay(s.permittedStaySince);
  const arrival = parseDay(st.arrivalCertificateDate);
  return {
    id: s.id,
    asOf: parseDay(s.asOf),
    nationality: opt(s.nationality),
    entry: parseDay(s.entryDate),
    kind: opt(st.kind),
    paragraph: normaliseParagraph(st.paragraph),
    since,
    until: parseDay(st.until),
    application,
    decisionDate: parseDay(st.decisionDate),
    suspensionDate: parseDay(st.suspensionDecisionDate),
    decision: opt(st.asylumDecision),
    inReceptionCentre: opt(st.livesInReceptionCentre),
    ownFault: opt(st.ownFaultObstacle),
    identityUnclear: opt(st.identityUnclear),
    benefitEntry: opt(st.benefitMotivatedEntry),
    registered: opt(st.registered),
    dublin: opt(st.dublinCase),
    suspensiveRestored: opt(st.suspensiveEffectRestored),
    becauseOfWar: opt(st.becauseOfWar),
    employmentPermitted: opt(st.employmentPermitted),
    // Entry without papers is not "permitted stay"; the stay counts from the asylum application
    // or the status, whichever is earlier, unless the caseworker recorded the start explicitly.
    // The Ankunftsnachweis starts the gestattet stay (§55 Abs. 1 AsylG) and is often earlier than the application.
    stayStart: Number.isNaN(explicitStay) ? earliest(arrival, earliest(application, since)) : explicitStay,
    stayExplicit: !Number.isNaN(explicitStay),
    birth: parseDay(s.birthDate),
    gender: opt(s.gender),
    level: opt(s.germanLevel),
    literacy: opt(s.literacy),
    parent: opt(s.parent),
    employed: opt(s.employed),
    jobOffer: opt(s.jobOffer),
    ableToWork: opt(s.ableToWork),
    courseCompleted: opt(s.integrationCourseCompleted),
    courseObliged: opt(s.integrationCourseObliged),
    recognitionProcedure: opt(s.recognitionProcedure),
    permitRequested: parseDay(s.permitRequestedOn),
    arrival,
    familyWithMinorChildren: opt(st.familyWithMinorChildren),
    withdrawnAfterAdvice: opt(st.withdrawnAfterBamfAdvice),
    unaccompaniedMinor: opt(st.unaccompaniedMinor),
    labourMarketNear: s.employed === true ? true : opt(s.labourMarketNear),
  };
}
