import type { RowError } from '../../../../domain/language';
import { badRequest } from '../../../http/errors';
import { IMPORT_LIMITS } from './limits';

/**
 * Row errors as an answer of bounded size: the first ones in full, the rest counted per column. A file of
 * 100,000 broken rows once produced 50 MB of JSON; nobody reads more than the first hundred anyway.
 */
export interface ErrorDigest {
  errors: RowError[];
  errorCount: number;
  /** Rows with at least one error, all of them counted. */
  rowsWithErrors: number;
  errorsByColumn: { column: string; count: number }[];
}

export function digestErrors(all: RowError[]): ErrorDigest {
  const sorted = [...all].sort((a, b) => a.row - b.row);
  const byColumn = new Map<string, number>();
  for (const e of sorted) {
    const column = e.column || '(Zeile)';
    byColumn.set(column, (byColumn.get(column) ?? 0) + 1);
  }
  return {
    errors: sorted.slice(0, IMPORT_LIMITS.maxErrorsShown),
    errorCount: sorted.length,
    rowsWithErrors: new Set(sorted.map((e) => e.row)).size,
    errorsByColumn: [...byColumn]
      .map(([column, count]) => ({ column, count }))
      .sort((a, b) => b.count - a.count),
  };
}

/** Row errors as a 400 answer: each issue names row and column (path "rows.<row>.<column>"). */
export function rowIssues(errors: readonly RowError[]) {
  return errors.map((e) => ({
    path: `rows.${e.row}.${e.column || '(Zeile)'}`,
    message: e.message,
    row: e.row,
    column: e.column,
  }));
}

/** All or nothing: the refused import names its first errors and how many there are in all. */
export function refuseImport(all: RowError[]) {
  const d = digestErrors(all);
  const rows = d.rowsWithErrors;
  const more =
    d.errorCount > d.errors.length
      ? ` Die ersten ${d.errors.length} von ${d.errorCount} Fehlern sind aufgeführt.`
      : '';
  return badRequest(
    `Import abgelehnt: ${rows} fehlerhafte Zeile(n), nichts wurde gespeichert.${more}`,
    rowIssues(d.errors),
  );
}
