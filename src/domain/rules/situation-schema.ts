import { z } from 'zod';
import { CEFR_LEVELS } from '../reference/languages';
import { isIsoDate } from './dates';

/**
 * The situation a caseworker asks about (CONTRACTS.md §2) plus optional facts used by the
 * extended evaluation. Absent (or null) means "unknown": the engine then answers "review"
 * wherever the fact would change the answer, and never guesses.
 */

const DATE_ERROR = 'invalid date (expected YYYY-MM-DD)';
const isoDate = z.string({ error: DATE_ERROR }).refine(isIsoDate, { error: DATE_ERROR });
const flag = z.boolean({ error: 'expected true or false' }).nullish();
const date = isoDate.nullish();

export const STATUS_KINDS = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
  'none',
] as const;

export const ASYLUM_DECISIONS = [
  'pending',
  'recognised',
  'rejected',
  'rejected_manifestly_unfounded',
  'rejected_inadmissible',
  'withdrawn',
  'none',
] as const;

export { CEFR_LEVELS };

function oneOf<T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: `invalid value, expected one of ${values.join(', ')}` });
}

export const statusSchema = z.object(
  {
    kind: oneOf(STATUS_KINDS).nullish(),
    /** Paragraph of the AufenthG for titles and Duldung, e.g. "25(2)", "24", "60a", "60c". */
    paragraph: z.string({ error: 'expected a paragraph such as "25(2)"' }).max(20).nullish(),
    since: date,
    livesInReceptionCentre: flag,
    asylumApplicationDate: date,
    asylumDecision: oneOf(ASYLUM_DECISIONS).nullish(),
    ownFaultObstacle: flag,
    identityUnclear: flag,
    registered: flag,
    // ---- optional extensions (not in the contract; see docs/rules.md) ----
    /** Last day of validity of the document. */
    until: date,
    /** Day the asylum decision (e.g. recognition) took effect; AsylbLG ends at the end of that month. */
    decisionDate: date,
    /** From 12.06.2026: Dublin case or protection in another member state (6 instead of 3 months). */
    dublinCase: flag,
    /** The administrative court restored the suspensive effect after an "offensichtlich unbegründet"/"unzulässig" rejection. */
    suspensiveEffectRestored: flag,
    /** Duldung: entered to obtain AsylbLG benefits (§60a(6) S.1 Nr.1 AufenthG). */
    benefitMotivatedEntry: flag,
    /** §23(1) title granted "wegen des Krieges in ihrem Heimatland" (decides AsylbLG vs SGB II). */
    becauseOfWar: flag,
    /** §25(5): day of the decision suspending removal (AsylbLG for 18 months after it). */
    suspensionDecisionDate: date,
    /** The document carries "Erwerbstätigkeit erlaubt" (titles whose employment needs a permission). */
    employmentPermitted: flag,
    /** Day of the Ankunftsnachweis (§63a AsylG): the stay is gestattet from then (§55 Abs. 1 AsylG), often before the formal application. */
    arrivalCertificateDate: date,
    /** Lives with minor children (as parent, child or unmarried adult sibling): §47 Abs. 1 AsylG caps the reception-centre obligation at 6 months. */
    familyWithMinorChildren: flag,
    /** The asylum application was withdrawn after the BAMF's advice under §24 Abs. 1 AsylG (exception in §60a Abs. 6 S. 1 Nr. 3 AufenthG). */
    withdrawnAfterBamfAdvice: flag,
    /** Unaccompanied minor whose withdrawal or non-application served the child's welfare (§60a Abs. 6 S. 3 AufenthG). */
    unaccompaniedMinor: flag,
  },
  { error: 'expected a status object' },
);

export const situationSchema = z.object(
  {
    id: z.string({ error: 'expected a non-empty string' }).min(1, { error: 'expected a non-empty string' }),
    asOf: date,
    nationality: z
      .string({ error: 'expected an ISO 3166-1 alpha-2 code' })
      .regex(/^[A-Z]{2}$/, { error: 'expected an ISO 3166-1 alpha-2 code (e.g. "SY")' })
      .nullish(),
    entryDate: date,
    status: statusSchema.nullish(),
    // ---- optional extensions ----
    /** First day of permitted, tolerated or gestattet stay, if it differs from the status dates (§61(2) AsylG, §32 BeschV). */
    permittedStaySince: date,
    birthDate: date,
    gender: oneOf(['f', 'm', 'x'] as const).nullish(),
    /** Current German level (CEFR); "A0" = no German. */
    germanLevel: oneOf(CEFR_LEVELS).nullish(),
    /** Literacy: none, only in a non-Latin script, or in Latin script. */
    literacy: oneOf(['none', 'other_script', 'latin'] as const).nullish(),
    /** Has children to care for (Eltern- und Frauenintegrationskurs). */
    parent: flag,
    employed: flag,
    jobOffer: flag,
    /** Able to work at least 3 hours a day (§8 SGB II); false → SGB XII instead of SGB II. */
    ableToWork: flag,
    integrationCourseCompleted: flag,
    /** Obliged to attend an Integrationskurs by ABH, Jobcenter or AsylbLG office (§44a AufenthG). */
    integrationCourseObliged: flag,
    /** Recognition of a foreign qualification is running (Berufssprachkurs recognition modules). */
    recognitionProcedure: flag,
    /** Day the Ausländerbehörde asked the BA for consent (§36(2) BeschV two-week fiction). */
    permitRequestedOn: date,
    /** Close to the labour market (arbeitsmarktnah): registered as job or training seeker or unemployed, employed, in training, EQ or a preparatory measure (§4 Abs. 1 S. 2 DeuFöV; §44 Abs. 4 S. 2 Nr. 1 lit. b AufenthG a.F.). */
    labourMarketNear: flag,
  },
  { error: 'expected a situation object' },
);

export type Situation = z.infer<typeof situationSchema>;
export type SituationStatus = z.infer<typeof statusSchema>;
export type StatusKind = (typeof STATUS_KINDS)[number];
export type AsylumDecision = (typeof ASYLUM_DECISIONS)[number];
export type CefrLevel = (typeof CEFR_LEVELS)[number];
