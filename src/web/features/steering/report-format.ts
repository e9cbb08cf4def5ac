/** A month ('YYYY-MM') in words: "November 2026" / "Nov. 2026". */
export function monthLabel(month: string, lang: string, style: 'long' | 'short' = 'long'): string {
  const locale = lang === 'de' ? 'de-DE' : lang === 'ar' ? 'ar' : 'en-GB';
  return new Intl.DateTimeFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}

/** The months offered for a report: the last `n` before the current one and the current one, newest first. */
export function reportMonths(today: string, n = 24): string[] {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7)) - 1;
  return Array.from({ length: n + 1 }, (_, k) => {
    const d = new Date(Date.UTC(y, m - k, 1));
    return d.toISOString().slice(0, 7);
  });
}
