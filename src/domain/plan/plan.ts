import { z } from 'zod';
import { isIsoDate } from '../reference/dates';

/**
 * The cooperation plan (Kooperationsplan, § 15 SGB II; in the SGB III the Eingliederungsvereinbarung /
 * Kooperationsplan of § 37 SGB III): goals, and for each goal the steps — who does what by when. A plan
 * is saved as a whole; every save is a new version that is never changed.
 */

export const STEP_OWNERS = ['client', 'advisor', 'partner'] as const;
export type StepOwner = (typeof STEP_OWNERS)[number];
export const STEP_STATUSES = ['open', 'done', 'dropped'] as const;

const isoDay = z
  .string({ message: 'Bitte angeben, bis wann' })
  // A real calendar day: 2027-02-30 is refused on the step's field, never sent to the database.
  .refine(isIsoDate, 'Bitte angeben, bis wann (Datum)');
const localId = z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, 'ungültige Kennung');

export const planStep = z.object({
  id: localId,
  text: z
    .string({ message: 'Bitte beschreiben, was zu tun ist' })
    .trim()
    .min(1, 'Bitte beschreiben, was zu tun ist')
    .max(500, 'höchstens 500 Zeichen'),
  owner: z.enum(STEP_OWNERS, { message: 'Bitte angeben, wer es tut' }),
  /** For a partner: which organisation (free text, e.g. "IQ Netzwerk OWL"). */
  ownerName: z.string().trim().max(200, 'höchstens 200 Zeichen').nullable().optional(),
  dueOn: isoDay,
  status: z.enum(STEP_STATUSES).default('open'),
  measureId: z.string().uuid('keine gültige Maßnahme').nullable().optional(),
});
export type PlanStep = z.infer<typeof planStep>;

export const planGoal = z.object({
  id: localId,
  text: z
    .string({ message: 'Bitte das Ziel beschreiben' })
    .trim()
    .min(1, 'Bitte das Ziel beschreiben')
    .max(500, 'höchstens 500 Zeichen'),
  steps: z.array(planStep).max(30, 'höchstens 30 Schritte je Ziel'),
});
export type PlanGoal = z.infer<typeof planGoal>;

export const planContent = z.object({
  goals: z.array(planGoal).min(1, 'Mindestens ein Ziel').max(20, 'höchstens 20 Ziele'),
});
export type PlanContent = z.infer<typeof planContent>;

/** The usual review: about every six months (Fachliche Weisungen zu § 15 SGB II). */
export const REVIEW_MONTHS = 6;

export type PlanChange =
  | { kind: 'goal_added' | 'goal_removed'; goal: string }
  | { kind: 'goal_changed'; goal: string; before: string }
  | { kind: 'step_added' | 'step_removed'; goal: string; step: string }
  | {
      kind: 'step_changed';
      goal: string;
      step: string;
      field: 'text' | 'owner' | 'ownerName' | 'dueOn' | 'status' | 'measureId';
      before: string | null;
      after: string | null;
    };

/** What changed from one version to another, by the goals' and steps' own ids (so a reworded step is a change, not a new one). */
export function comparePlans(from: PlanContent, to: PlanContent): PlanChange[] {
  const out: PlanChange[] = [];
  const before = new Map(from.goals.map((g) => [g.id, g]));
  const after = new Map(to.goals.map((g) => [g.id, g]));
  for (const g of from.goals) if (!after.has(g.id)) out.push({ kind: 'goal_removed', goal: g.text });
  for (const g of to.goals) {
    const old = before.get(g.id);
    if (!old) {
      out.push({ kind: 'goal_added', goal: g.text });
      for (const s of g.steps) out.push({ kind: 'step_added', goal: g.text, step: s.text });
      continue;
    }
    if (old.text !== g.text) out.push({ kind: 'goal_changed', goal: g.text, before: old.text });
    const oldSteps = new Map(old.steps.map((s) => [s.id, s]));
    const newIds = new Set(g.steps.map((s) => s.id));
    for (const s of old.steps)
      if (!newIds.has(s.id)) out.push({ kind: 'step_removed', goal: g.text, step: s.text });
    for (const s of g.steps) {
      const o = oldSteps.get(s.id);
      if (!o) {
        out.push({ kind: 'step_added', goal: g.text, step: s.text });
        continue;
      }
      for (const field of ['text', 'owner', 'ownerName', 'dueOn', 'status', 'measureId'] as const) {
        const a = o[field] ?? null;
        const b = s[field] ?? null;
        if (a !== b)
          out.push({ kind: 'step_changed', goal: g.text, step: s.text, field, before: a, after: b });
      }
    }
  }
  return out;
}
