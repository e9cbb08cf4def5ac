import { type CompiledRule, inForce, inForceFor } from './compile';
import type { CourseEntitlement } from './courses';
import { addMonths, type Day, formatDay, parseDay } from './dates';
import type { Evaluation } from './evaluate';

/**
 * Deadlines the law sets for a case, for the tasks of a caseworker: waiting periods ending,
 * documents expiring, the two-week consent fiction (§36(2) BeschV), benefit switches.
 */

export type DeadlineKind =
  | 'waiting_period_ends'
  | 'ba_consent_not_needed_from'
  | 'ba_consent_deemed_given'
  | 'document_expires'
  | 'protection_ends'
  | 'integration_course_entitlement_ends'
  | 'asylblg_ends'
  | 'analogue_benefits_from';

export interface Deadline {
  kind: DeadlineKind;
  /** The day (YYYY-MM-DD): for "…_from" kinds the first day, otherwise the last day. */
  date: string;
  rule: string;
  basis: string;
  label: { de: string; en: string };
  /** Whether the day lies before asOf. */
  passed: boolean;
}

const LABELS: Record<DeadlineKind, { de: string; en: string }> = {
  waiting_period_ends: {
    de: 'Wartezeit endet, Erlaubnis möglich ab',
    en: 'Waiting period over, permit possible from',
  },
  ba_consent_not_needed_from: { de: 'Keine BA-Zustimmung mehr nötig ab', en: 'No BA consent needed from' },
  ba_consent_deemed_given: {
    de: 'Zustimmung der BA gilt als erteilt nach Ablauf des',
    en: 'BA consent deemed given after the end of',
  },
  document_expires: { de: 'Aufenthaltsdokument gültig bis', en: 'Residence document valid until' },
  protection_ends: { de: 'Vorübergehender Schutz endet am', en: 'Temporary protection ends on' },
  integration_course_entitlement_ends: {
    de: 'Anspruch auf Integrationskurs erlischt am',
    en: 'Integrationskurs entitlement lapses on',
  },
  asylblg_ends: { de: 'AsylbLG-Leistungen enden am', en: 'AsylbLG benefits end on' },
  analogue_benefits_from: {
    de: 'Analogleistungen (§2 AsylbLG) ab',
    en: 'Analogue benefits (§2 AsylbLG) from',
  },
};

export function decideDeadlines(e: Evaluation, courses: CourseEntitlement): Deadline[] {
  const { facts: f, law: cl, employment: emp, benefits: ben } = e;
  const out: Deadline[] = [];
  const add = (kind: DeadlineKind, day: Day, rule: CompiledRule | undefined) => {
    if (!rule || Number.isNaN(day) || !Number.isFinite(day)) return;
    out.push({
      kind,
      date: formatDay(day),
      rule: rule.def.id,
      basis: rule.def.basis,
      label: LABELS[kind],
      passed: day < f.asOf,
    });
  };
  // Shown even when the rest needs review: the document's own expiry is a fact, not a conclusion.
  add('document_expires', f.until, inForce(cl, 'deadline.document', f.asOf));
  for (const w of emp.waits) add('waiting_period_ends', w.end, w.rule);
  if (emp.employment !== 'allowed' && emp.employment !== 'review') {
    add('ba_consent_not_needed_from', emp.consentFreeFrom, inForce(cl, 'consent.free', f.asOf));
  }
  const fiction = inForce(cl, 'deadline.fiction', f.asOf);
  if (
    fiction &&
    emp.employment === 'permit_required' &&
    emp.baConsent === true &&
    !Number.isNaN(f.permitRequested)
  ) {
    add('ba_consent_deemed_given', f.permitRequested + (fiction.def.params?.days ?? 0), fiction);
  }
  if (f.paragraph === '24' && (f.kind === 'aufenthaltserlaubnis' || f.kind === 'fiktionsbescheinigung')) {
    const title = inForceFor(cl, 'title.employment', f.asOf, '24')[0];
    if (title) add('protection_ends', title.to, title);
  }
  const ik = courses.integrationCourse;
  if (ik.entitlementEnds !== null)
    add('integration_course_entitlement_ends', parseDay(ik.entitlementEnds), cl.byId.get(ik.rules[0]));
  const benefitRule = ben.cites[0]?.rule;
  add('asylblg_ends', ben.asylblgUntil, benefitRule);
  if (ben.benefits === 'asylblg') {
    const analogue = inForce(cl, 'benefits.analogue', f.asOf);
    // Analogleistungen are excluded for those who abusively prolonged their stay (§2(1) AsylbLG).
    if (analogue && f.ownFault !== true && !Number.isNaN(f.stayStart)) {
      // §20 AsylbLG: whoever had reached the old period by the reference day keeps the benefits.
      const kept = inForce(cl, 'benefits.analogue_kept', f.asOf);
      const oldEnd = kept ? addMonths(f.stayStart, kept.def.params?.months ?? 0) : Number.NaN;
      if (kept && oldEnd <= kept.after) add('analogue_benefits_from', oldEnd, kept);
      else add('analogue_benefits_from', addMonths(f.stayStart, analogue.def.params?.months ?? 0), analogue);
    }
  }
  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}
