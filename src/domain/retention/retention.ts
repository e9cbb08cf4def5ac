// Deletion after the retention period (DOMAIN.md §7): SGB II files 10 years after closing, SGB III at
// least 5 — configurable per Rechtskreis and tenant. Pure: the server loads closed cases and deletes.

export interface RetentionPolicy {
  /** Years after the closing day, per Rechtskreis of the closed case. */
  years: Record<string, number>;
  /** Used when the Rechtskreis is unknown or not in `years`: the longest period, to be safe. */
  fallbackYears: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = {
  years: { sgb2: 10, sgb3_only: 5, asylblg: 5, none: 5 },
  fallbackYears: 10,
};

export interface ClosedCase {
  id: string;
  rechtskreis: string;
  closedOn: string | null;
}

export interface RetentionItem {
  id: string;
  rechtskreis: string;
  closedOn: string;
  deleteFrom: string;
  years: number;
}

/** The first day a closed case may be deleted: the anniversary of closing after `years` years. */
export function deletionDay(closedOn: string, years: number): string {
  const y = Number(closedOn.slice(0, 4)) + years;
  const md = closedOn.slice(5);
  // 29 February closes on 1 March in a year without it: never earlier than the full period.
  return md === '02-29' && !(y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0)) ? `${y}-03-01` : `${y}-${md}`;
}

export function casesDueForDeletion(
  cases: readonly ClosedCase[],
  today: string,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): RetentionItem[] {
  const out: RetentionItem[] = [];
  for (const c of cases) {
    if (!c.closedOn) continue;
    const years = policy.years[c.rechtskreis] ?? policy.fallbackYears;
    const deleteFrom = deletionDay(c.closedOn, years);
    if (deleteFrom <= today)
      out.push({ id: c.id, rechtskreis: c.rechtskreis, closedOn: c.closedOn, deleteFrom, years });
  }
  return out.sort((a, b) => (a.deleteFrom < b.deleteFrom ? -1 : a.deleteFrom > b.deleteFrom ? 1 : 0));
}
