import { z } from 'zod';
import { isoDate, paging, uuid } from '../common-schema';

/** Filters of the audit viewer: who read person X, what did user Y do, in a period. */
const filterFields = {
  person: uuid.optional(),
  user: uuid.optional(),
  action: z.string().trim().min(1).max(60).optional(),
  outcome: z.enum(['allowed', 'denied']).optional(),
  /** First and last calendar day of the period (German time), both included. */
  from: isoDate.optional(),
  to: isoDate.optional(),
};
const periodInOrder = (f: { from?: string; to?: string }) => !f.from || !f.to || f.from <= f.to;
const periodIssue = { message: 'Das Ende des Zeitraums liegt vor seinem Anfang.', path: ['to'] };

export const auditFilter = z.object(filterFields).refine(periodInOrder, periodIssue);
export type AuditFilter = z.infer<typeof auditFilter>;
export const auditQuery = z.object({ ...filterFields, ...paging }).refine(periodInOrder, periodIssue);
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditItem = z.object({
  id: z.number().int(),
  at: z.string(),
  userId: z.string().nullable(),
  user: z.string().nullable(),
  role: z.string().nullable(),
  agency: z.string().nullable(),
  action: z.string(),
  outcome: z.enum(['allowed', 'denied']),
  personId: z.string().nullable(),
  /** "Family name, given names" — only the identity needed to know whom a row concerns. */
  person: z.string().nullable(),
  /** How the access was justified: a consent (with the day it was given) or the shared task of the IP. */
  ground: z.enum(['consent', 'shared_task', 'other']).nullable(),
  consentGivenOn: z.string().nullable(),
  /** Why an access was refused (denied rows only). */
  reason: z.enum(['tenant', 'permission', 'scope', 'no_consent', 'other']).nullable(),
  purpose: z.string().nullable(),
});
export type AuditItem = z.infer<typeof auditItem>;

export const auditPage = z.object({
  total: z.number().int(),
  items: z.array(auditItem),
});

export const auditPersonLookup = z.object({ q: z.string().trim().min(2).max(200) });
export const auditPersonHit = z.object({
  id: z.string(),
  name: z.string(),
  birthYear: z.number().int().nullable(),
});
export const auditPersonHits = z.object({ items: z.array(auditPersonHit) });

/** One row of a person's access trail (GET /api/persons/:id/audit). */
export const personTrailItem = z.object({
  id: z.number(),
  at: z.string(),
  user: z.string().nullable(),
  agency: z.string().nullable(),
  role: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  legalBasis: z.string().nullable(),
  purpose: z.string().nullable(),
});
export type PersonTrailItem = z.infer<typeof personTrailItem>;
export const personTrail = z.object({ items: z.array(personTrailItem) });
