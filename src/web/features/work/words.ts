import type { TFunction } from 'i18next';

/** Labels of the work side's value lists, from the catalogue (never a code on screen). */
export const word = (t: TFunction, group: string, code: string | null | undefined): string =>
  code ? t(`work.${group}.${code}`, { defaultValue: '—' }) : '—';
