// Exit from the Integration Point after its maximum stay (Herford: 12 months, configurable per tenant)
// to the regular organisation of the Jobcenter or Agentur für Arbeit.

import { sameDayMonthsLater } from '../reference/dates';

export const DEFAULT_IP_MAX_STAY_MONTHS = 12;

/** The day the stay reaches its maximum: the same calendar day `months` later (end of month if it has none). */
export function exitDueOn(ipEntryDate: string, months: number): string {
  return sameDayMonthsLater(ipEntryDate, months);
}

export function exitIsDue(ipEntryDate: string | null, months: number, today: string): boolean {
  return ipEntryDate !== null && exitDueOn(ipEntryDate, months) <= today;
}
