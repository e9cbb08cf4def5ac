import { normalizeKey, parseWhole, ROWS_PER_STEP, type RowError, runToEnd, type Steps } from './table';

/**
 * Travel-time matrix import (CSV). Two layouts:
 * - long: columns von;nach;minuten (from;to;minutes), one pair per row;
 * - wide: first header cell empty or "von"/"from", the other header cells are destination places,
 *   each row starts with the origin; an empty cell means "no entry" (the estimate stays).
 * Places are named as in Lotse: a municipality (its centre) or a course venue.
 */
export interface TravelImportEntry {
  row: number;
  fromId: string;
  toId: string;
  minutes: number;
}

const FROM = ['von', 'from', 'start'];
const TO = ['nach', 'to', 'ziel'];
const MINUTES = ['minuten', 'minutes', 'min', 'fahrzeit'];

export function parseTravelMatrix(
  table: readonly (readonly string[])[],
  places: readonly { id: string; name: string }[],
): { entries: TravelImportEntry[]; errors: RowError[] } {
  return runToEnd(travelMatrixSteps(table, places));
}

/** parseTravelMatrix as steps of ROWS_PER_STEP rows. */
export function* travelMatrixSteps(
  table: readonly (readonly string[])[],
  places: readonly { id: string; name: string }[],
): Steps<{ entries: TravelImportEntry[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const entries: TravelImportEntry[] = [];
  if (table.length < 2)
    return { entries, errors: [{ row: 1, column: '', message: 'Die Datei enthält keine Fahrzeiten.' }] };
  const byName = new Map(places.map((p) => [normalizeKey(p.name), p.id]));
  const header = table[0].map((h) => h.trim());
  const keys = header.map(normalizeKey);
  const seen = new Map<string, number>();
  const add = (row: number, column: string, fromId: string, toId: string, raw: string) => {
    const minutes = parseWhole(raw);
    if (minutes === undefined || minutes < 0 || minutes > 1440) {
      errors.push({
        row,
        column,
        message:
          minutes !== undefined && minutes < 0 ? 'darf nicht negativ sein' : 'Minuten: ganze Zahl 0–1440',
      });
      return;
    }
    const key = `${fromId}|${toId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      errors.push({ row, column, message: `Verbindung doppelt (zuerst in Zeile ${first})` });
      return;
    }
    seen.set(key, row);
    entries.push({ row, fromId, toId, minutes });
  };
  const place = (row: number, column: string, name: string): string | undefined => {
    const id = byName.get(normalizeKey(name));
    if (!id)
      errors.push({
        row,
        column,
        message: name.trim() === '' ? 'darf nicht leer sein' : `unbekannter Ort „${name.trim()}“`,
      });
    return id;
  };
  const fi = keys.findIndex((k) => FROM.includes(k));
  const ti = keys.findIndex((k) => TO.includes(k));
  const mi = keys.findIndex((k) => MINUTES.includes(k));
  if (fi >= 0 && ti >= 0 && mi >= 0) {
    for (let i = 1; i < table.length; i++) {
      if (i % ROWS_PER_STEP === 0) yield;
      const line = table[i];
      if (line.every((c) => c.trim() === '')) continue;
      const row = i + 1;
      const from = place(row, header[fi], line[fi] ?? '');
      const to = place(row, header[ti], line[ti] ?? '');
      if (from && to) add(row, header[mi], from, to, line[mi] ?? '');
    }
    return { entries, errors };
  }
  if (keys[0] !== '' && !FROM.includes(keys[0])) {
    return {
      entries,
      errors: [
        {
          row: 1,
          column: header[0],
          message: 'Kopfzeile: entweder „von;nach;minuten“ oder eine Matrix mit leerer erster Zelle',
        },
      ],
    };
  }
  const destinations = header.map((h, j) => (j === 0 ? undefined : place(1, h, h)));
  for (let i = 1; i < table.length; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const line = table[i];
    if (line.every((c) => c.trim() === '')) continue;
    const row = i + 1;
    const from = place(row, header[0] || 'von', line[0] ?? '');
    if (!from) continue;
    for (let j = 1; j < header.length; j++) {
      const raw = (line[j] ?? '').trim();
      const to = destinations[j];
      if (raw === '' || !to) continue;
      add(row, header[j], from, to, raw);
    }
  }
  return { entries, errors };
}
