import type { TFunction } from 'i18next';
import type { AuditItem } from '../../../../server/modules/audit/schema';
import { formatDay } from '../../../app/format';

export type { AuditItem };

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
