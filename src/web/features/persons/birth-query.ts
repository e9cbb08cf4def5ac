/**
 * A birth date as staff type it — "1984", "03.1984", "15.03.1984" (or ISO) — into the search's form
 * "1984", "1984-03", "1984-03-15". Empty for empty input, null for something that is no date.
 */
export function birthQuery(input: string): string | null {
  const s = input.trim();
  return s ? parseRest(s) : '';
}

function pad(n: string): string {
  return n.padStart(2, '0');
}

function validDay(y: number, mo: number, d: number): boolean {
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

function parseRest(s: string): string | null {
  let m = /^(\d{4})$/.exec(s);
  if (m) return m[1];
  m = /^(\d{1,2})[./](\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? `${m[2]}-${pad(m[1])}` : null;
  m = /^(\d{4})-(\d{2})$/.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? `${m[1]}-${m[2]}` : null;
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(s);
  if (m) return validDay(+m[3], +m[2], +m[1]) ? `${m[3]}-${pad(m[2])}-${pad(m[1])}` : null;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return validDay(+m[1], +m[2], +m[3]) ? s : null;
  return null;
}

/** The address keeps the search's form; the field shows it the German way again. */
export function birthQueryLabel(value: string): string {
  const [y, m, d] = value.split('-');
  if (d) return `${d}.${m}.${y}`;
  if (m) return `${m}.${y}`;
  return y ?? '';
}
