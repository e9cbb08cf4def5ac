import { z } from 'zod';

/**
 * The wire contract of a rules-engine decision as the server presents it (`presentDecision`): the
 * extended decision of src/domain/rules plus title, basis and validity of every rule it cites. The status
 * card answers it; an evaluation without a person has the same shape.
 */

const text = z.object({ de: z.string(), en: z.string() });
/** YYYY-MM-DD */
const day = z.string();

const courseBase = {
  rules: z.array(z.string()),
  /** Facts that must be known to decide (when status is "review"). */
  missing: z.array(z.string()),
  explanation: text,
};
const offerStatus = z.enum(['eligible', 'not_eligible', 'review']);

export const citedRuleOut = z.object({
  id: z.string(),
  basis: z.string(),
  validFrom: day,
  validTo: day.nullable(),
  title: text,
});

export const decisionOut = z.object({
  id: z.string(),
  employment: z.enum(['allowed', 'permit_required', 'banned', 'review']),
  /** Earliest day a permit can be granted when banned only by a waiting period. */
  permitFrom: day.nullable(),
  /** Whether a permit needs the Bundesagentur's consent; null when no permit is in question. */
  baConsent: z.boolean().nullable(),
  benefits: z.enum(['asylblg', 'sgb2', 'sgb3_only', 'none', 'review']),
  agency: z.enum(['AA', 'JC', 'review']),
  rules: z.array(z.string()),
  explanation: text,
  details: z.object({
    permitMode: z.enum(['may', 'should', 'must']).nullable(),
    priorityCheck: z.enum(['required', 'district_dependent', 'not_required']).nullable(),
    missing: z.array(z.string()),
    unknownButIrrelevant: z.array(z.string()),
    lawVersion: z.string(),
    asOf: day.nullable(),
    documentExpiredOn: day.nullable(),
  }),
  courses: z.object({
    integrationCourse: z.object({
      status: z.enum(['entitled', 'obliged', 'admissible', 'none', 'review']),
      ...courseBase,
      courseTypes: z.array(
        z.object({ type: z.string(), languageHours: z.number(), orientationHours: z.number() }),
      ),
      entitlementEnds: day.nullable(),
    }),
    berufssprachkurs: z.object({
      status: offerStatus,
      ...courseBase,
      modules: z.array(
        z.object({
          module: z.string(),
          kind: z.enum(['basic', 'special', 'subject', 'recognition']),
          hours: z.number(),
          targetLevel: z.string().nullable(),
        }),
      ),
    }),
    jobBsk: z.object({
      status: offerStatus,
      ...courseBase,
      hours: z.object({ min: z.number(), max: z.number() }).nullable(),
    }),
    erstorientierung: z.object({ status: offerStatus, ...courseBase, hours: z.number().nullable() }),
  }),
  deadlines: z.array(
    z.object({
      kind: z.enum([
        'waiting_period_ends',
        'ba_consent_not_needed_from',
        'ba_consent_deemed_given',
        'document_expires',
        'protection_ends',
        'integration_course_entitlement_ends',
        'asylblg_ends',
        'analogue_benefits_from',
      ]),
      date: day,
      rule: z.string(),
      basis: z.string(),
      label: text,
      /** Whether the day lies before asOf. */
      passed: z.boolean(),
    }),
  ),
  /** Title, basis and validity of each cited rule, so no reader sees a rule id. */
  citedRules: z.array(citedRuleOut),
});
export type DecisionOut = z.infer<typeof decisionOut>;
