import { z } from 'zod';
import { lawDataSchema, OUTCOME_FIELDS } from '../../../domain/rules';
import { isoDate } from '../common-schema';
import { decisionOut } from './decision-schema';

/**
 * The wire contract of the rules routes besides the status card (decision-schema.ts): the law in force on
 * a day and the impact of a law change. The response schemas name every field the handlers answer — the
 * serializer drops a field a schema does not name.
 */

export const lawQuery = z.object({ on: isoDate.optional() });
export const impactQuery = z.object({ on: isoDate });
export const lawVersionBody = z.object({
  inForceFrom: isoDate,
  note: z.string().trim().min(3).max(500),
  data: z.unknown(),
});

/** The rule data in force on a day: the stored version (its id) or the shipped default (id null). */
export const lawOut = z.object({ law: lawDataSchema, versionId: z.string().nullable() });

/** The plain decision of the engine (src/domain/rules/decision.ts) on one of the two days compared. */
export const plainDecisionOut = decisionOut.pick({
  id: true,
  employment: true,
  permitFrom: true,
  baConsent: true,
  benefits: true,
  agency: true,
  rules: true,
  explanation: true,
});

export const impactItemOut = z.object({
  id: z.string(),
  name: z.string(),
  /** Outcome fields that differ between the day before and the day. */
  changed: z.array(z.enum([...OUTCOME_FIELDS, 'rules'])),
  before: plainDecisionOut,
  after: plainDecisionOut,
});

export const impactOut = z.object({
  on: isoDate,
  /** Persons in the reader's scope whose case was evaluated. */
  evaluated: z.number().int(),
  seconds: z.number(),
  items: z.array(impactItemOut),
});
export type ImpactOut = z.infer<typeof impactOut>;
