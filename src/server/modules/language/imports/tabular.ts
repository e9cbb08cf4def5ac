import Papa from 'papaparse';
import { readSheet } from 'read-excel-file/node';
import { z } from 'zod';
import { ROWS_PER_STEP } from '../../../../domain/language';
import { badRequest } from '../../../http/errors';
import { storedZip, unzipWithBudget, ZipRefused } from '../../../http/zip-guard';
import {
  checkRow,
  checkSharedStringsXml,
  checkSheetXml,
  checkTableShape,
  IMPORT_LIMITS,
  tooBig,
  tooManyRows,
} from './limits';

/**
 * An uploaded file inside JSON: CSV as text, XLSX as base64. The whole request body is at most 1 MiB
 * (413 above that), so the content is bounded before it is parsed.
 */
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

/**
 * CSV row by row: the parse stops at the first row past a limit instead of building every row first, and
 * pauses every few hundred rows so other requests are answered meanwhile.
 */
function readCsv(content: string): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(content.replace(/^\uFEFF/, ''), {
      skipEmptyLines: 'greedy',
      delimitersToGuess: [';', ',', '\t', '|'],
      step: (res, parser) => {
        try {
          if (res.errors.some((e) => e.type === 'Quotes'))
            throw badRequest('Die CSV-Datei ist fehlerhaft.', [
              {
                path: 'content',
                message: `Zeile ${rows.length + 1}: ein Anführungszeichen ist nicht geschlossen`,
              },
            ]);
          if (rows.length > IMPORT_LIMITS.maxRows) throw tooManyRows();
          checkRow(res.data, rows.length + 1);
          rows.push(res.data);
          if (rows.length % ROWS_PER_STEP === 0) {
            parser.pause();
            setImmediate(() => parser.resume());
          }
        } catch (err) {
          reject(err); // before abort(): abort() calls complete() at once
          parser.abort();
        }
      },
      complete: () => resolve(rows),
    });
  });
}

const XML_PART = (name: string) => name.endsWith('.xml') || name.endsWith('.xml.rels');

/** XLSX: unpacked within a byte budget, its sheets scanned, then parsed from a clean copy of those bytes. */
async function readXlsx(content: string): Promise<string[][]> {
  const unreadable = (why: string) =>
    badRequest('Die XLSX-Datei kann nicht gelesen werden.', [
      { path: 'content', message: `keine gültige XLSX-Datei (Base64-kodiert): ${why}` },
    ]);
  let parts: Map<string, Buffer>;
  try {
    parts = await unzipWithBudget(Buffer.from(content, 'base64'), {
      maxTotalBytes: IMPORT_LIMITS.maxUnpackedBytes,
      maxEntries: IMPORT_LIMITS.maxZipEntries,
      wanted: XML_PART,
    });
  } catch (err) {
    if (!(err instanceof ZipRefused)) throw err;
    throw err.reason === 'too_large' || err.reason === 'too_many_entries'
      ? tooBig(err.message)
      : unreadable(err.message);
  }
  for (const [name, data] of parts) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name)) checkSheetXml(data.toString('utf8'));
    else if (name === 'xl/sharedStrings.xml') checkSharedStringsXml(data.toString('utf8'));
  }
  try {
    const rows = await readSheet(storedZip(parts));
    return rows.map((r) => r.map(cellText));
  } catch {
    throw unreadable('Inhalt nicht lesbar');
  }
}

/** The file as rows of text cells (header first). CSV: delimiter detected (German files use ";"). */
export async function readTable(file: FileBody): Promise<string[][]> {
  const table = file.format === 'csv' ? await readCsv(file.content) : await readXlsx(file.content);
  checkTableShape(table);
  return table;
}
