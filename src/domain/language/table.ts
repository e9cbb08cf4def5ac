/** A problem in an imported file: row as the spreadsheet shows it (header = row 1), column as its header says. */
export interface RowError {
  row: number;
  column: string;
  message: string;
}

/**
 * Import parsers are generators that pause every `ROWS_PER_STEP` rows, so a server can let other
 * requests run in between (a file of 10,000 rows once blocked it for half a second); `runToEnd` drives one
 * without pausing, for callers that need no interleaving.
 */
export const ROWS_PER_STEP = 250;
export type Steps<T> = Generator<void, T, void>;
export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Lower-cased, accent- and punctuation-free form used to match headers and names. */
export function normalizeKey(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Maps each field to the column index whose header matches one of its aliases. */
export function mapHeader<F extends string>(
  header: readonly string[],
  aliases: Record<F, readonly string[]>,
): { index: Partial<Record<F, number>>; unknown: string[] } {
  const index: Partial<Record<F, number>> = {};
  const unknown: string[] = [];
  header.forEach((h, i) => {
    const key = normalizeKey(h);
    if (key === '') return;
    const field = (Object.keys(aliases) as F[]).find((f) => aliases[f].some((a) => normalizeKey(a) === key));
    if (field === undefined) unknown.push(h);
    else if (index[field] === undefined) index[field] = i;
  });
  return { index, unknown };
}

const GERMAN_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** ISO (2025-03-01) or German (01.03.2025) day → ISO, or undefined when it is no real day. */
export function parseDay(s: string): string | undefined {
  const t = s.trim();
  let iso = t;
  const g = GERMAN_DATE.exec(t);
  if (g) iso = `${g[3]}-${g[2].padStart(2, '0')}-${g[1].padStart(2, '0')}`;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso ? iso : undefined;
}

const YES = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'wahr']);
const NO = new Set(['nein', 'n', 'no', '0', 'false', 'falsch', '']);

export function parseYesNo(s: string): boolean | undefined {
  const k = normalizeKey(s);
  if (YES.has(k)) return true;
  if (NO.has(k)) return false;
  return undefined;
}

/** A whole number, also "20" written by a spreadsheet as "20.0"; undefined otherwise. */
export function parseWhole(s: string): number | undefined {
  const t = s.trim().replace(/\.0+$/, '');
  if (!/^-?\d+$/.test(t)) return undefined;
  return Number(t);
}
