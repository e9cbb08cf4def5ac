import { BASIS_CONSENT, BASIS_SHARED_TASK } from '../../../domain/access/person-access';
import { isRole, ROLE_DEFINITIONS } from '../../../domain/access/roles';
import {
  AUDIT_GROUND_WORDS,
  AUDIT_OUTCOME_WORDS,
  AUDIT_REASON_WORDS,
  auditActionWords,
} from '../../../domain/audit/wording';
import type { AuditRow, PersonTrailRow } from './repo';
import type { AuditItem, PersonTrailItem } from './schema';

const REASONS = ['tenant', 'permission', 'scope', 'no_consent'] as const;
const day = (d: string | Date | null): string | null =>
  d === null ? null : typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10);

/** One row as the API answers it: codes the web translates, never the free text of a legal basis. */
export function presentAuditRow(r: AuditRow): AuditItem {
  const ground =
    r.outcome === 'denied' || r.legal_basis === null
      ? null
      : r.legal_basis === BASIS_CONSENT
        ? 'consent'
        : r.legal_basis === BASIS_SHARED_TASK
          ? 'shared_task'
          : 'other';
  const reason =
    r.outcome !== 'denied'
      ? null
      : (REASONS as readonly string[]).includes(r.reason ?? '')
        ? (r.reason as (typeof REASONS)[number])
        : 'other';
  return {
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    userId: r.user_id,
    user: r.user_name,
    role: r.role,
    agency: r.agency_name,
    action: r.action,
    outcome: r.outcome,
    personId: r.person_id,
    person: r.family_name === null ? null : `${r.family_name}, ${r.given_names}`,
    ground,
    consentGivenOn: ground === 'consent' ? day(r.consent_given_on) : null,
    reason,
    purpose: r.purpose,
  };
}

const berlin = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});
const germanDay = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** "Lesen erlaubt — Einwilligung vom 02.03.2026", "Lesen verweigert — keine Einwilligung". */
export function auditSentence(i: AuditItem): string {
  const head = `${auditActionWords(i.action)} ${AUDIT_OUTCOME_WORDS[i.outcome]}`;
  if (i.reason) return `${head} — ${AUDIT_REASON_WORDS[i.reason]}`;
  if (i.ground === 'consent')
    return `${head} — ${
      i.consentGivenOn
        ? AUDIT_GROUND_WORDS.consent.replace('{{date}}', germanDay(i.consentGivenOn))
        : AUDIT_GROUND_WORDS.consentUndated
    }`;
  if (i.ground) return `${head} — ${AUDIT_GROUND_WORDS[i.ground]}`;
  return head;
}

export const AUDIT_CSV_HEADER = ['Zeitpunkt', 'Benutzer', 'Rolle', 'Stelle', 'Person', 'Vorgang'];

function cell(v: string): string {
  // Semicolon-separated (German spreadsheets); a leading = + - @ would start a formula: quoted and escaped.
  const safe = /^[=+\-@]/.test(v) ? `'${v}` : v;
  return /[";\n\r]/.test(safe) || safe !== v ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The export as a spreadsheet reads it: German headers, German dates and times, actions in words. */
export function auditCsv(items: AuditItem[]): string {
  const lines = [AUDIT_CSV_HEADER.join(';')];
  for (const i of items) {
    lines.push(
      [
        berlin.format(new Date(i.at)).replace(',', ''),
        i.user ?? 'System',
        i.role && isRole(i.role) ? ROLE_DEFINITIONS[i.role].label.de : '',
        i.agency ?? '',
        i.person ?? '',
        auditSentence(i),
      ]
        .map(cell)
        .join(';'),
    );
  }
  // A byte-order mark, so spreadsheet programs read the umlauts as UTF-8.
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** A row of a person's trail as the answer shows it (ISO time, names instead of ids). */
export function presentTrailRow(x: PersonTrailRow): PersonTrailItem {
  return {
    id: x.id,
    at: new Date(x.at).toISOString(),
    user: x.display_name,
    agency: x.agency_name,
    role: x.role,
    action: x.action,
    outcome: x.outcome,
    legalBasis: x.legal_basis,
    purpose: x.purpose,
  };
}
