// Exit from the Integration Point after its maximum stay (Herford: 12 months, configurable per tenant)
// to the regular organisation of the Jobcenter or Agentur für Arbeit.

export const DEFAULT_IP_MAX_STAY_MONTHS = 12;

/** The day the stay reaches its maximum: the same calendar day `months` later (end of month if it has none). */
export function exitDueOn(ipEntryDate: string, months: number): string {
  const y = Number(ipEntryDate.slice(0, 4));
  const m = Number(ipEntryDate.slice(5, 7)) - 1 + months;
  const d = Number(ipEntryDate.slice(8, 10));
  const year = y + Math.floor(m / 12);
  const month = (m % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function exitIsDue(ipEntryDate: string | null, months: number, today: string): boolean {
  return ipEntryDate !== null && exitDueOn(ipEntryDate, months) <= today;
}
