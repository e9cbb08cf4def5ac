import type { TFunction } from 'i18next';
import { formatDay } from '../../../app/format';

export interface AuditItem {
  id: number;
  at: string;
  userId: string | null;
  user: string | null;
  role: string | null;
  agency: string | null;
  action: string;
  outcome: 'allowed' | 'denied';
  personId: string | null;
  person: string | null;
  ground: 'consent' | 'shared_task' | 'other' | null;
  consentGivenOn: string | null;
  reason: 'tenant' | 'permission' | 'scope' | 'no_consent' | 'other' | null;
  purpose: string | null;
}

export function actionWords(t: TFunction, code: string): string {
  return t(`auditViewer.action.${code}`, { defaultValue: t('auditViewer.actionOther') });
}

/** "Lesen erlaubt — Einwilligung vom 02.03.2026", "Lesen verweigert — keine Einwilligung". */
export function auditSentence(t: TFunction, i: AuditItem, lang: string): string {
  const action = actionWords(t, i.action);
  const outcome = t(`auditViewer.outcome.${i.outcome}`);
  let detail: string | null = null;
  if (i.reason) detail = t(`auditViewer.reason.${i.reason}`);
  else if (i.ground === 'consent')
    detail = i.consentGivenOn
      ? t('auditViewer.ground.consent', { date: formatDay(i.consentGivenOn, lang) })
      : t('auditViewer.ground.consentUndated');
  else if (i.ground) detail = t(`auditViewer.ground.${i.ground}`);
  return detail
    ? t('auditViewer.sentence', { action, outcome, detail })
    : t('auditViewer.sentenceShort', { action, outcome });
}
