import { BusyError, Semaphore } from '../../../http/busy';
import { findControlChar } from '../../../http/control-chars';
import { badRequest } from '../../../http/errors';

/**
 * Limits of a course or travel-time import (docs/security.md "Uploads"). A county's catalogue has a few
 * hundred courses and a travel matrix of 60 places has 3,600 rows; the limits leave ample room for that
 * and none for a file built to exhaust the server.
 */
export const IMPORT_LIMITS = {
  /** Data rows (the header not counted). */
  maxRows: 10_000,
  maxColumns: 50,
  maxCellChars: 1_000,
  /** Sum of the XML parts of an XLSX file after unpacking (the upload itself is ≤ 1 MiB). */
  maxUnpackedBytes: 10 * 1024 * 1024,
  maxZipEntries: 200,
  /** Imports running at the same time; the next one gets 503 with Retry-After. */
  maxConcurrent: 2,
  /** Row errors returned in a preview or a refused commit; the rest are counted per column. */
  maxErrorsShown: 100,
} as const;

const importSlots = new Semaphore(
  IMPORT_LIMITS.maxConcurrent,
  () => new BusyError('Gerade laufen zu viele Importe. Bitte in einigen Sekunden erneut versuchen.', 5),
);

/** Runs an import (preview or commit) in one of the few import slots. */
export const withImportSlot = <T>(fn: () => Promise<T>): Promise<T> => importSlots.run(fn);

export const tooBig = (message: string) =>
  badRequest('Die Datei ist zu groß.', [{ path: 'content', message }]);

const fmt = (n: number) => n.toLocaleString('de-DE');
export const tooManyRows = () => tooBig(`mehr als ${fmt(IMPORT_LIMITS.maxRows)} Zeilen (ohne Kopfzeile)`);

/** Rows, columns, cell length and control characters of a table read from a file. */
export function checkTableShape(table: readonly (readonly string[])[]): void {
  if (table.length - 1 > IMPORT_LIMITS.maxRows) throw tooManyRows();
  for (let i = 0; i < table.length; i++) checkRow(table[i], i + 1);
}

export function checkRow(row: readonly string[], rowNo: number): void {
  if (row.length > IMPORT_LIMITS.maxColumns)
    throw tooBig(`Zeile ${rowNo}: mehr als ${IMPORT_LIMITS.maxColumns} Spalten`);
  for (const cell of row) {
    if (cell.length > IMPORT_LIMITS.maxCellChars)
      throw tooBig(`Zeile ${rowNo}: ein Feld ist länger als ${fmt(IMPORT_LIMITS.maxCellChars)} Zeichen`);
    if (findControlChar(cell) >= 0)
      throw badRequest('Ungültige Eingabe', [
        { path: `rows.${rowNo}`, message: `Zeile ${rowNo} enthält ein unzulässiges Steuerzeichen` },
      ]);
  }
}

const columnIndex = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/**
 * A cheap scan of a worksheet's XML before any parser builds rows: a single cell at row 1,048,576 or
 * column XFD would make the parser materialise the whole empty rectangle.
 */
export function checkSheetXml(xml: string): void {
  const maxRow = IMPORT_LIMITS.maxRows + 1;
  const maxCells = maxRow * IMPORT_LIMITS.maxColumns;
  let rows = 0;
  for (const m of xml.matchAll(/<row[\s>/][^>]*/g)) {
    rows++;
    const r = /\br="(\d+)"/.exec(m[0]);
    if (rows > maxRow || (r && Number(r[1]) > maxRow)) throw tooManyRows();
  }
  let cells = 0;
  for (const m of xml.matchAll(/<c[\s>/][^>]*/g)) {
    cells++;
    const r = /\br="([A-Z]{1,3})(\d+)"/.exec(m[0]);
    if (r && columnIndex(r[1]) > IMPORT_LIMITS.maxColumns)
      throw tooBig(`mehr als ${IMPORT_LIMITS.maxColumns} Spalten`);
    if (cells > maxCells || (r && Number(r[2]) > maxRow)) throw tooManyRows();
  }
}

/** Shared strings: no more entries than cells may exist. */
export function checkSharedStringsXml(xml: string): void {
  let n = 0;
  const max = (IMPORT_LIMITS.maxRows + 1) * IMPORT_LIMITS.maxColumns;
  for (const _ of xml.matchAll(/<si[\s>/]/g)) if (++n > max) throw tooBig('zu viele Texte in der Datei');
}
