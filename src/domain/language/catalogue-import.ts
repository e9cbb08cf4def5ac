import type { CourseTypeInfo } from './course-types';
import { CEFR, type Cefr, isCefr, levelRank } from './levels';
import {
  mapHeader,
  normalizeKey,
  parseDay,
  parseWhole,
  parseYesNo,
  ROWS_PER_STEP,
  type RowError,
  runToEnd,
  type Steps,
} from './table';

/** Course catalogue import (CSV or XLSX, one course per row), validated row by row before anything is stored. */
export const CATALOGUE_COLUMNS = {
  ref: ['Kursnummer', 'Kurs-Nr', 'Kursnr', 'ref', 'course_ref'],
  provider: ['Träger', 'Traeger', 'Bildungsträger', 'provider'],
  type: ['Kursart', 'Kurstyp', 'type', 'course_type'],
  entryLevels: ['Einstiegsniveau', 'Eingangsniveau', 'entry_levels'],
  targetLevel: ['Zielniveau', 'target_level'],
  hours: ['UE', 'Unterrichtseinheiten', 'hours'],
  schedule: ['Zeiten', 'Unterrichtszeiten', 'schedule'],
  startDate: ['Beginn', 'Kursbeginn', 'start', 'start_date'],
  endDate: ['Ende', 'Kursende', 'end', 'end_date'],
  seats: ['Plätze', 'Plaetze', 'seats'],
  childcare: ['Kinderbetreuung', 'childcare'],
  womenOnly: ['Nur Frauen', 'Frauenkurs', 'women_only'],
  municipality: ['Ort', 'Kommune', 'municipality'],
  venue: ['Standort', 'Kursort', 'venue'],
  address: ['Adresse', 'Anschrift', 'address'],
} as const;
export type CatalogueField = keyof typeof CATALOGUE_COLUMNS;
const REQUIRED: CatalogueField[] = ['ref', 'type', 'entryLevels', 'startDate', 'seats', 'municipality'];

export interface CatalogueRow {
  row: number;
  ref: string;
  providerId: string;
  type: string;
  entryLevels: Cefr[];
  targetLevel: Cefr | null;
  hours: number;
  schedule: string | null;
  startDate: string;
  endDate: string | null;
  seats: number;
  childcare: boolean;
  womenOnly: boolean;
  municipalityId: string;
  /** An existing place, or a new venue to create (name + address) in the municipality. */
  placeId: string | null;
  newVenue: { name: string; address: string | null } | null;
}

export interface CatalogueContext {
  courseTypes: readonly CourseTypeInfo[];
  municipalities: readonly { id: string; name: string }[];
  places: readonly { id: string; name: string; municipalityId: string; kind: 'municipality' | 'venue' }[];
  providers: readonly { id: string; name: string }[];
  /** Set for a provider's own import: every row belongs to it, a different Träger column is an error. */
  ownProviderId?: string;
}

/** Splits "A0, A1" / "A0|A1" / "A0-A2" into levels (a range includes both ends). */
export function parseLevels(s: string): Cefr[] | undefined {
  const t = s.trim().toUpperCase();
  if (t === '') return undefined;
  const range = /^(A0|A1|A2|B1|B2|C1|C2)\s*(?:-|–|BIS)\s*(A0|A1|A2|B1|B2|C1|C2)$/.exec(t);
  if (range) {
    const [a, b] = [levelRank(range[1] as Cefr), levelRank(range[2] as Cefr)];
    return a <= b ? CEFR.slice(a, b + 1) : undefined;
  }
  const parts = t.split(/[\s,;|/]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every(isCefr)) return undefined;
  return [...new Set(parts as Cefr[])].sort((x, y) => levelRank(x) - levelRank(y));
}

export function parseCatalogue(
  table: readonly (readonly string[])[],
  ctx: CatalogueContext,
): { rows: CatalogueRow[]; errors: RowError[] } {
  return runToEnd(catalogueSteps(table, ctx));
}

/** parseCatalogue as steps of ROWS_PER_STEP rows. */
export function* catalogueSteps(
  table: readonly (readonly string[])[],
  ctx: CatalogueContext,
): Steps<{ rows: CatalogueRow[]; errors: RowError[] }> {
  const errors: RowError[] = [];
  const rows: CatalogueRow[] = [];
  if (table.length === 0) return { rows, errors: [{ row: 1, column: '', message: 'Die Datei ist leer.' }] };
  const header = table[0].map((h) => h.trim());
  const { index } = mapHeader(header, CATALOGUE_COLUMNS);
  const missing = REQUIRED.filter((f) => index[f] === undefined);
  if (!ctx.ownProviderId && index.provider === undefined) missing.push('provider');
  if (missing.length > 0) {
    for (const f of missing)
      errors.push({
        row: 1,
        column: CATALOGUE_COLUMNS[f][0],
        message: 'Pflichtspalte fehlt in der Kopfzeile',
      });
    return { rows, errors };
  }
  const types = new Map<string, CourseTypeInfo>();
  for (const t of ctx.courseTypes) {
    types.set(normalizeKey(t.id), t);
    types.set(normalizeKey(t.label.de), t);
  }
  const municipalities = new Map(ctx.municipalities.map((m) => [normalizeKey(m.name), m]));
  const places = new Map(ctx.places.map((p) => [normalizeKey(p.name), p]));
  const providers = new Map(ctx.providers.map((p) => [normalizeKey(p.name), p]));
  const seenRefs = new Map<string, number>();
  const newVenues = new Map<string, string>();

  for (let i = 1; i < table.length; i++) {
    if (i % ROWS_PER_STEP === 0) yield;
    const line = table[i];
    if (line.every((c) => c.trim() === '')) continue;
    const rowNo = i + 1;
    const errs: RowError[] = [];
    const cell = (f: CatalogueField) => (index[f] === undefined ? '' : (line[index[f]!] ?? '').trim());
    const col = (f: CatalogueField) => (index[f] === undefined ? CATALOGUE_COLUMNS[f][0] : header[index[f]!]);
    const fail = (f: CatalogueField, message: string) => errs.push({ row: rowNo, column: col(f), message });
    for (const f of REQUIRED) if (cell(f) === '') fail(f, 'darf nicht leer sein');

    let providerId = ctx.ownProviderId ?? '';
    if (cell('provider') !== '') {
      const p = providers.get(normalizeKey(cell('provider')));
      if (!p) fail('provider', `unbekannter Träger „${cell('provider')}“`);
      else if (ctx.ownProviderId && p.id !== ctx.ownProviderId)
        fail('provider', 'Sie können nur Kurse Ihres eigenen Trägers einspielen');
      else providerId = p.id;
    } else if (!ctx.ownProviderId) fail('provider', 'darf nicht leer sein');

    const type = types.get(normalizeKey(cell('type')));
    if (cell('type') !== '' && !type)
      fail('type', `unbekannte Kursart „${cell('type')}“ (z. B. ik_allgemein, bsk_b2, job_bsk)`);
    const entryLevels = cell('entryLevels') === '' ? undefined : parseLevels(cell('entryLevels'));
    if (cell('entryLevels') !== '' && !entryLevels)
      fail('entryLevels', 'ungültige Niveaus (A0–C2, z. B. „A1, A2“)');
    let targetLevel: Cefr | null = type?.defaultTargetLevel ?? null;
    if (cell('targetLevel') !== '') {
      const t = cell('targetLevel').toUpperCase();
      if (!isCefr(t) || t === 'A0') fail('targetLevel', 'ungültiges Zielniveau (A1–C2)');
      else targetLevel = t;
    }
    if (
      entryLevels &&
      targetLevel &&
      levelRank(targetLevel) <= levelRank(entryLevels[entryLevels.length - 1])
    )
      fail('targetLevel', 'Zielniveau muss über dem höchsten Einstiegsniveau liegen');
    let hours = type?.defaultHours ?? 0;
    if (cell('hours') !== '') {
      const h = parseWhole(cell('hours'));
      if (h === undefined || h < 1 || h > 2000) fail('hours', 'UE: ganze Zahl 1–2000');
      else hours = h;
    }
    const startDate = cell('startDate') === '' ? undefined : parseDay(cell('startDate'));
    if (cell('startDate') !== '' && !startDate)
      fail('startDate', 'kein gültiges Datum (JJJJ-MM-TT oder TT.MM.JJJJ)');
    let endDate: string | null = null;
    if (cell('endDate') !== '') {
      const e = parseDay(cell('endDate'));
      if (!e) fail('endDate', 'kein gültiges Datum (JJJJ-MM-TT oder TT.MM.JJJJ)');
      else if (startDate && e < startDate) fail('endDate', 'liegt vor dem Beginn');
      else endDate = e;
    }
    const seats = cell('seats') === '' ? undefined : parseWhole(cell('seats'));
    if (cell('seats') !== '' && (seats === undefined || seats < 0 || seats > 1000))
      fail(
        'seats',
        seats !== undefined && seats < 0 ? 'darf nicht negativ sein' : 'Plätze: ganze Zahl 0–1000',
      );
    const flag = (f: 'childcare' | 'womenOnly') => {
      const v = parseYesNo(cell(f));
      if (v === undefined) fail(f, 'ja oder nein');
      return v ?? false;
    };
    const childcare = flag('childcare');
    const womenOnly = flag('womenOnly');
    const municipality = municipalities.get(normalizeKey(cell('municipality')));
    if (cell('municipality') !== '' && !municipality)
      fail('municipality', `unbekannte Kommune „${cell('municipality')}“`);

    let placeId: string | null = null;
    let newVenue: CatalogueRow['newVenue'] = null;
    if (municipality) {
      const venueName = cell('venue');
      if (venueName === '') {
        const centre = ctx.places.find(
          (p) => p.kind === 'municipality' && p.municipalityId === municipality.id,
        );
        placeId = centre?.id ?? null;
        if (!centre) newVenue = { name: municipality.name, address: null };
      } else {
        const known = places.get(normalizeKey(venueName));
        if (known && known.municipalityId !== municipality.id)
          fail('venue', `Standort „${venueName}“ liegt in einer anderen Kommune`);
        else if (known) placeId = known.id;
        else {
          const other = newVenues.get(normalizeKey(venueName));
          if (other && other !== municipality.id)
            fail('venue', `Standort „${venueName}“ liegt in einer anderen Kommune`);
          newVenues.set(normalizeKey(venueName), municipality.id);
          newVenue = { name: venueName, address: cell('address') || null };
        }
      }
    }
    const ref = cell('ref');
    if (ref !== '' && providerId) {
      const key = `${providerId}|${ref}`;
      const first = seenRefs.get(key);
      if (first !== undefined) fail('ref', `Kursnummer doppelt in der Datei (zuerst in Zeile ${first})`);
      else seenRefs.set(key, rowNo);
    }
    if (errs.length > 0 || !type || !entryLevels || !startDate || seats === undefined || !municipality) {
      errors.push(...errs);
      continue;
    }
    rows.push({
      row: rowNo,
      ref,
      providerId,
      type: type.id,
      entryLevels,
      targetLevel,
      hours,
      schedule: cell('schedule') || null,
      startDate,
      endDate,
      seats,
      childcare,
      womenOnly,
      municipalityId: municipality.id,
      placeId,
      newVenue,
    });
  }
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, column: '', message: 'Die Datei enthält keine Kurse.' });
  return { rows, errors };
}
