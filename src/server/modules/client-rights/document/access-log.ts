import type { PersonDataExport } from '../collect';
import { berlinDay, date, legalRef } from './format';
import { esc, type Html, type Translator } from './texts';

type LogRow = PersonDataExport['accessLog'][number];
type Act = 'read' | 'create' | 'change' | 'export' | 'letter' | 'handover' | 'course' | 'search' | 'other';
type Reason = 'consent' | 'sharedTask' | 'collection' | 'accessRequest' | 'handover' | 'legalTask';

// The audit log's actions in the words of the person they concern.
const ACTS: Record<string, Act> = {
  read: 'read',
  read_for_update: 'read',
  read_history: 'read',
  read_status_card: 'read',
  read_consents: 'read',
  read_handovers: 'read',
  read_course_participant: 'read',
  read_audit: 'read',
  exit_check: 'read',
  create: 'create',
  update: 'change',
  add_consent: 'change',
  withdraw_consent: 'change',
  withdraw: 'change',
  add_household_member: 'change',
  remove_household_member: 'change',
  add_residence_status: 'change',
  merge: 'change',
  export: 'export',
  print_course_letter: 'letter',
  request_handover: 'handover',
  request: 'handover',
  accept: 'handover',
  reject: 'handover',
  complete: 'handover',
  revoke: 'handover',
  enrol: 'course',
  confirm: 'course',
  search: 'search',
  duplicate_check: 'search',
};
export const actOf = (action: string): Act =>
  ACTS[action] ?? (action.startsWith('handover_') ? 'handover' : 'other');

/** Why: the decision's basis in plain words (consent, the IP's shared task, …). */
function reasonOf(r: LogRow, act: Act): Reason {
  if (r.basedOnConsent || r.legalBasis?.startsWith('Einwilligung')) return 'consent';
  if (act === 'export') return 'accessRequest';
  if (act === 'handover') return 'handover';
  if (r.legalBasis?.includes('67d')) return 'sharedTask';
  if (r.legalBasis?.includes('67a')) return 'collection';
  return 'legalTask';
}

/** The citation part of a stored basis: "§§ 67d, 69 Abs. 1 Nr. 1 SGB X (gemeinsame Aufgabe …)" → "§§ 67d, 69 Abs. 1 Nr. 1 SGB X". */
export function citationOf(basis: string | null): string | null {
  if (!basis) return null;
  const c = basis
    .split(' (')[0]
    .replace(/^Einwilligung\s+/, '')
    .trim();
  return /(§|Art\.)/.test(c) ? c : null;
}

/**
 * One sentence per day, office, task and kind of act ("Am 3. Dezember 2026 hat eine Integrationsfachkraft
 * des Jobcenters Ihre Akte gelesen (Grund: …)"): a caseworker opening the file ten times a day is one
 * fact for the reader, not ten lines.
 */
export function accessSentences(t: Translator, rows: LogRow[]): Html[] {
  const seen = new Set<string>();
  const out: Html[] = [];
  for (const r of rows) {
    const at = new Date(r.at);
    const act = actOf(r.action);
    const key = [berlinDay(at), r.agencyKind, r.role, act].join('|');
    if (seen.has(key)) continue;
    seen.add(key);
    const role = r.role && t.has(`role.${r.role}`) ? r.role : 'unknown';
    const agency = r.agencyKind && t.has(`agencyOf.${r.agencyKind}`) ? r.agencyKind : 'unknown';
    const ref = citationOf(r.legalBasis);
    const vars = {
      date: date(t.lang, at),
      who: esc(t.text(`role.${role}`)),
      where: esc(t.text(`agencyOf.${agency}`)),
      act: esc(t.text(`act.${act}`)),
      reason: esc(t.text(`reason.${reasonOf(r, act)}`)),
    };
    out.push(
      ref ? t.html('access.sentence', { ...vars, ref: legalRef(ref) }) : t.html('access.sentenceNoRef', vars),
    );
  }
  return out;
}
