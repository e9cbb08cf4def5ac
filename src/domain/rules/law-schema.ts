import { z } from 'zod';
import { CEFR_LEVELS } from '../reference/languages';
import { isIsoDate, parseDay } from './dates';

/**
 * The law as data. Everything dated — rule versions, waiting periods, safe countries of origin,
 * course admission stops, the Ukraine Rechtskreis switch — lives in one serialisable `LawData`
 * object, validated by this schema, so an administrator can store an edited copy (e.g. in the
 * database, with the day it takes effect) and pass it to the evaluator. The decision logic only
 * knows rule *families* (what a rule does), never dates or periods.
 */

const DATE_ERROR = 'invalid date (expected YYYY-MM-DD)';
const isoDate = z.string({ error: DATE_ERROR }).refine(isIsoDate, { error: DATE_ERROR });
const text = z.object({ de: z.string().min(1), en: z.string().min(1) });

export const PERMIT_MODES = ['may', 'should', 'must'] as const;
export const PRIORITY_MODES = ['first_months', 'district_dependent', 'abolished'] as const;
/** `review`: the text of the title's employment clause could not be verified — a caseworker decides. */
export const TITLE_EFFECTS = ['allowed', 'permit', 'review'] as const;
export const BENEFIT_EFFECTS = [
  'asylblg',
  'sgb2',
  'asylblg_if_war',
  'asylblg_months',
  'sgb2_if_registered',
  'asylblg_if_first_title_after',
  /** Planned law whose entry into force is not confirmed: review for first titles after the cut-off. */
  'review_if_first_title_after',
] as const;
export const SAFE_DULDUNG_CASES = ['rejected', 'withdrawn', 'none'] as const;
export const ACCESS_MODES = ['good_prospects', 'all_except_safe'] as const;

/** Parameters a rule may carry; which ones a family needs is checked in {@link FAMILY_PARAMS}. */
export const ruleParamsSchema = z.object({
  /** A period in months; null = no period (a flat ban for the whole time). */
  months: z.number().int().min(0).max(600).nullable().optional(),
  /** From 12.06.2026: months for Dublin cases / protection in another member state. */
  dublinMonths: z.number().int().min(0).max(600).optional(),
  years: z.number().int().min(0).max(100).optional(),
  days: z.number().int().min(0).max(3650).optional(),
  /** ABH discretion: may (kann), should (soll), must (ist zu erlauben). */
  mode: z.enum([...PERMIT_MODES, ...PRIORITY_MODES, ...ACCESS_MODES]).optional(),
  /** AufenthG paragraphs (normalised, e.g. "25(2)", "25b", "60c") the rule covers. */
  paragraphs: z.array(z.string().min(1)).optional(),
  effect: z.enum([...TITLE_EFFECTS, ...BENEFIT_EFFECTS]).optional(),
  /** Whether a permit needs the Bundesagentur's consent. */
  consent: z.boolean().optional(),
  /** A switch for planned law: false = the rule is recorded but not applied. */
  enabled: z.boolean().optional(),
  /** A cut-off date used by the rule (e.g. first titles issued after this day). */
  after: isoDate.optional(),
  /** A CEFR level used by the rule (e.g. B1 = sufficient German). */
  level: z.enum(CEFR_LEVELS).optional(),
  hours: z.number().int().min(0).max(2000).optional(),
  maxHours: z.number().int().min(0).max(2000).optional(),
  /** Safe-country Duldung ban: which asylum histories it covers (rejected; withdrawn; no application). */
  covers: z.array(z.enum(SAFE_DULDUNG_CASES)).optional(),
  /** From 12.06.2026: Dublin cases get no permit at all. */
  dublinExcluded: z.boolean().optional(),
});

export const ruleSchema = z.object({
  id: z.string().regex(/^[a-z0-9_]+(\.[a-z0-9_]+)+$/, { error: 'rule ids look like "family.name"' }),
  /** What the rule does in the evaluator; versions of the same provision share a family. */
  family: z.string().min(1),
  /** Legal basis as cited to users, e.g. "§61 Abs. 1 S. 2 AsylG". */
  basis: z.string().min(1),
  validFrom: isoDate,
  /** Last day in force; null = open-ended. */
  validTo: isoDate.nullable(),
  title: text,
  /** Explanation templates; {months}, {years}, {days}, {end}, {start}, {date}, {missing}, {paragraph}, {country} are filled in. */
  explanation: text,
  params: ruleParamsSchema.optional(),
  /** Editorial remark, e.g. "verify the final text". */
  note: z.string().optional(),
});

export const safeCountrySchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  /** Day the country became a safe country of origin (§29a AsylG, Anlage II). */
  listedFrom: isoDate,
  listedTo: isoDate.nullable(),
  /** The bans apply only to asylum applications filed after this day (§61(2) S.4 AsylG, §60a(6) Nr.3 AufenthG). */
  applicationAfter: isoDate,
  /** §104 Abs. 18 AufenthG: nationals tolerated on this day without an asylum application are exempt from the Duldung ban. */
  toleratedOn: isoDate.optional(),
  basis: z.string().min(1),
});

export const datedCountrySchema = z.object({
  country: z.string().regex(/^[A-Z]{2}$/),
  from: isoDate,
  to: isoDate.nullable(),
  /** false = the listing in this period is not verified: the engine answers "review". */
  certain: z.boolean().optional(),
});

export const courseTypeSchema = z.object({
  type: z.string().min(1),
  languageHours: z.number().int().min(0),
  orientationHours: z.number().int().min(0),
  /** Who the course is for; the evaluator proposes types whose criterion the facts meet. */
  criterion: z.enum([
    'default',
    'literacy_none',
    'other_script',
    'young',
    'parent_or_woman',
    'support_need',
    'fast_learner',
  ]),
  maxAge: z.number().int().optional(),
  label: text,
});

export const bskModuleSchema = z.object({
  module: z.string().min(1),
  kind: z.enum(['basic', 'special', 'subject', 'recognition']),
  /** Level a participant has when entering; null = any level from B1. */
  entryLevel: z.enum(CEFR_LEVELS).nullable(),
  targetLevel: z.enum(['A2', 'B1', 'B2', 'C1', 'C2']).nullable(),
  hours: z.number().int().min(0),
  label: text,
});

export const lawDataSchema = z
  .object({
    /** Identifies the dataset (shown in docs and stored with edited copies). */
    version: z.string().min(1),
    /** The earliest day the dataset answers for; earlier days → review. */
    coverageFrom: isoDate,
    rules: z.array(ruleSchema).min(1),
    safeCountries: z.array(safeCountrySchema),
    /** "Gute Bleibeperspektive" countries (dated; BAMF list) for course access of asylum seekers before 31.12.2022. */
    goodProspectCountries: z.array(datedCountrySchema),
    /** EU/EEA/Swiss nationalities (dated: accessions, Brexit); a Duldung or Gestattung for them is a contradiction. */
    freeMovementCountries: z.array(datedCountrySchema).default([]),
    integrationCourseTypes: z.array(courseTypeSchema).min(1),
    bskModules: z.array(bskModuleSchema).min(1),
  })
  .superRefine((law, ctx) => {
    const seen = new Set<string>();
    law.rules.forEach((r, i) => {
      if (seen.has(r.id))
        ctx.addIssue({ code: 'custom', path: ['rules', i, 'id'], message: `duplicate rule id ${r.id}` });
      seen.add(r.id);
      if (r.validTo !== null && parseDay(r.validTo) < parseDay(r.validFrom)) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'validTo'],
          message: 'validTo is before validFrom',
        });
      }
      const needed = FAMILY_PARAMS[r.family];
      if (needed === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'family'],
          message: `unknown rule family ${r.family}`,
        });
        return;
      }
      for (const p of needed) {
        if (r.params?.[p] === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['rules', i, 'params', p],
            message: `family ${r.family} needs ${p}`,
          });
        }
      }
    });
  });

/**
 * Every rule family the evaluator implements, with the parameters it reads. A rule of an unknown
 * family is rejected, so an edited dataset cannot silently contain rules nobody applies.
 */
export const FAMILY_PARAMS: Record<string, readonly (keyof RuleParams)[]> = {
  review: [],
  'gestattung.wait': ['months', 'mode'],
  'gestattung.ae': ['months'],
  'gestattung.ae_rejected': [],
  'gestattung.recognised': [],
  'safe_country.gestattung': [],
  'safe_country.duldung': [],
  'safe_country.tolerated_exempt': [],
  'safe_country.duldung_exception': [],
  'safe_country.centre': [],
  'ae.cap_family': ['months'],
  'ae.cap': ['months'],
  'gestattung.wait_must': ['months', 'mode'],
  'gestattung.geas_open': [],
  'gestattung.geas_dublin': [],
  'duldung.benefit_entry': [],
  'duldung.own_fault': [],
  'duldung.identity': [],
  'duldung.wait': ['months'],
  'duldung.ae': ['months'],
  'duldung.permit': ['mode'],
  'duldung.special': ['paragraphs'],
  'consent.free': ['years'],
  'consent.training': [],
  'consent.title': [],
  priority: ['mode'],
  'title.employment': ['paragraphs', 'effect'],
  'title.annotation': [],
  fiktion: [],
  settlement: [],
  eu: [],
  no_status: [],
  'benefits.asylblg': [],
  'benefits.recognition': [],
  'benefits.title': ['paragraphs', 'effect'],
  'benefits.settlement': [],
  'benefits.eu_worker': [],
  'benefits.eu_residence': ['years'],
  'benefits.eu_jobseeker': [],
  'benefits.unable_to_work': [],
  'benefits.analogue': ['months'],
  'benefits.analogue_kept': ['months', 'after'],
  'ik.entitled': ['paragraphs', 'years'],
  'ik.sufficient': ['level'],
  'ik.obliged': [],
  'ik.admissible': [],
  'ik.gestattung': ['mode'],
  'ik.gestattung_route': ['months', 'after'],
  'ik.duldung': ['paragraphs'],
  'ik.stop': [],
  'ik.types': [],
  'bsk.access': [],
  'bsk.gestattung': ['mode'],
  'bsk.duldung': ['paragraphs'],
  'bsk.duldung_wait': ['months'],
  'bsk.job': ['level', 'hours', 'maxHours'],
  eok: ['hours'],
  'deadline.fiction': ['days'],
  'deadline.document': [],
};

export type LawData = z.infer<typeof lawDataSchema>;
export type RuleDef = z.infer<typeof ruleSchema>;
export type RuleParams = z.infer<typeof ruleParamsSchema>;
export type SafeCountry = z.infer<typeof safeCountrySchema>;
export type CourseTypeDef = z.infer<typeof courseTypeSchema>;
export type BskModuleDef = z.infer<typeof bskModuleSchema>;
export type LocalText = z.infer<typeof text>;
