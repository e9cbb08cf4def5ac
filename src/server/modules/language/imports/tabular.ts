import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { z } from 'zod';
import { badRequest } from '../../../http/errors';

/** An uploaded file inside JSON: CSV as text, XLSX as base64 (the API takes JSON only; body ≤ 1 MiB). */
export const fileBody = z.object({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  content: z.string().min(1, 'die Datei ist leer').max(1_400_000),
});
export type FileBody = z.infer<typeof fileBody>;

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? 'ja' : 'nein';
  return String(v);
}

/** The file as rows of text cells (header first). CSV: delimiter detected (German files use ";"). */
export async function readTable(file: FileBody): Promise<string[][]> {
  if (file.format === 'csv') {
    const text = file.content.replace(/^\uFEFF/, '');
    const parsed = Papa.parse<string[]>(text, {
      skipEmptyLines: 'greedy',
      delimitersToGuess: [';', ',', '\t', '|'],
    });
    const fatal = parsed.errors.find((e) => e.type === 'Quotes');
    if (fatal)
      throw badRequest('Die CSV-Datei ist fehlerhaft.', [
        { path: 'content', message: `Zeile ${(fatal.row ?? 0) + 1}: ${fatal.message}` },
      ]);
    return parsed.data.map((r) => r.map(cellText));
  }
  let bytes: Buffer;
  try {
    bytes = Buffer.from(file.content, 'base64');
  } catch {
    throw badRequest('Ungültige Eingabe', [{ path: 'content', message: 'kein Base64' }]);
  }
  try {
    const rows = await readSheet(bytes);
    return rows.map((r) => r.map(cellText));
  } catch {
    throw badRequest('Die XLSX-Datei kann nicht gelesen werden.', [
      { path: 'content', message: 'keine gültige XLSX-Datei (Base64-kodiert)' },
    ]);
  }
}
