import { mapHeader, parseDay, parseWhole, parseYesNo, type RowError } from '../language/table';
import { TARGET_LEVELS } from '../reference/languages';
import { eqDurationProblem } from './pipeline';
import { DRIVING_LICENCES, VACANCY_KIND_WORDS, VACANCY_KINDS, type VacancyKind } from './vocab';

/**
 * Vacancies as a table (CSV/XLSX, issue 14): German headers, every row checked before anything is stored
 * (all or nothing, like the course catalogue). The occupation is an ESCO URI or a job title that the
 * occupation search resolves; the place is a municipality of the region; an unknown employer is created.
 */
export const VACANCY_COLUMNS = {
  employer: ['Arbeitgeber', 'Betrieb', 'Firma', 'employer'],
  title: ['Stellentitel', 'Titel', 'Stelle', 'title'],
  kind: ['Art', 'Stellenart', 'kind'],
  occupation: ['Beruf', 'ESCO', 'Beruf (ESCO)', 'occupation'],
  municipality: ['Arbeitsort', 'Ort', 'Gemeinde', 'municipality'],
  startDate: ['Beginn', 'Eintritt', 'start'],
  endDate: ['Ende', 'end'],
  minLevel: ['Deutsch ab', 'Sprachniveau', 'min_level'],
  hoursMin: ['Stunden ab', 'Wochenstunden', 'hours_min'],
  hoursMax: ['Stunden bis', 'hours_max'],
  shiftWork: ['Schichtarbeit', 'Schicht', 'shift_work'],
  drivingLicence: ['Führerschein', 'Fuehrerschein', 'driving_licence'],
  openings: ['Anzahl', 'Stellen', 'openings'],
  description: ['Beschreibung', 'description'],
} as const;
export type VacancyField = keyof typeof VACANCY_COLUMNS;

export interface VacancyRow {
  row: number;
  employerName: string;
  title: string;
  kind: VacancyKind;
  escoUri: string;
  occupationLabel: string;
  municipalityId: string;
  startDate: string;
  endDate: string | null;
  minLevel: string | null;
  hoursMin: number | null;
  hoursMax: number | null;
  shiftWork: boolean;
  drivingLicence: string | null;
  openings: number;
  description: string | null;
}

export interface VacancyTableContext {
  /** ESCO URI or job title → the occupation, or undefined when nothing fits well enough. */
  occupation(text: string): { uri: string; label: string } | undefined;
  /** Municipality name of the region → its id. */
  municipality(name: string): string | undefined;
  today: string;
}

const KIND_BY_WORD = new Map<string, VacancyKind>([
  ...VACANCY_KINDS.map((k) => [k, k] as [string, VacancyKind]),
  ...Object.entries(VACANCY_KIND_WORDS).map(
    ([k, w]) => [w.toLowerCase(), k as VacancyKind] as [string, VacancyKind],
  ),
  ['arbeit', 'job'],
  ['stelle', 'job'],
  ['ausbildung', 'ausbildung'],
  ['eq', 'eq'],
  ['einstiegsqualifizierung', 'eq'],
]);

export function parseVacancyTable(
  table: readonly string[][],
  ctx: VacancyTableContext,
): { rows: VacancyRow[]; errors: RowError[] } {
  const [header = [], ...body] = table;
  const { index } = mapHeader(header, VACANCY_COLUMNS);
  const errors: RowError[] = [];
  for (const f of ['employer', 'title', 'occupation', 'municipality', 'startDate'] as const)
    if (index[f] === undefined)
      errors.push({ row: 1, column: VACANCY_COLUMNS[f][0], message: 'Spalte fehlt' });
  if (errors.length > 0) return { rows: [], errors };
  const rows: VacancyRow[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (f: VacancyField) =>
      index[f] === undefined ? '' : (cells[index[f] as number] ?? '').trim();
    const err = (f: VacancyField, message: string) =>
      errors.push({ row, column: VACANCY_COLUMNS[f][0], message });
    const text = (f: VacancyField, max: number, required = false) => {
      const v = cell(f);
      if (required && v === '') err(f, 'fehlt');
      if (v.length > max) err(f, `höchstens ${max} Zeichen`);
      return v.slice(0, max);
    };
    const whole = (f: VacancyField, min: number, max: number) => {
      const v = cell(f);
      if (v === '') return null;
      const n = parseWhole(v);
      if (n === undefined || n < min || n > max) err(f, `ganze Zahl von ${min} bis ${max} erwartet`);
      return n ?? null;
    };
    const day = (f: VacancyField) => {
      const v = cell(f);
      if (v === '') return null;
      const d = parseDay(v);
      if (!d) err(f, 'kein gültiges Datum (TT.MM.JJJJ)');
      return d ?? null;
    };
    const employerName = text('employer', 200, true);
    const title = text('title', 200, true);
    const kindWord = cell('kind').toLowerCase();
    const kind = kindWord === '' ? 'job' : KIND_BY_WORD.get(kindWord);
    if (!kind)
      err(
        'kind',
        `unbekannte Art „${cell('kind')}“; erlaubt: ${Object.values(VACANCY_KIND_WORDS).join(', ')}`,
      );
    const occText = cell('occupation');
    const occ = occText === '' ? undefined : ctx.occupation(occText);
    if (occText === '') err('occupation', 'fehlt');
    else if (!occ) err('occupation', `kein ESCO-Beruf zu „${occText.slice(0, 80)}“ gefunden`);
    const placeName = cell('municipality');
    const municipalityId = placeName === '' ? undefined : ctx.municipality(placeName);
    if (placeName === '') err('municipality', 'fehlt');
    else if (!municipalityId) err('municipality', `„${placeName.slice(0, 80)}“ ist kein Ort der Region`);
    const startDate = day('startDate');
    if (cell('startDate') === '') err('startDate', 'fehlt');
    const endDate = day('endDate');
    if (startDate && endDate && endDate < startDate) err('endDate', 'liegt vor dem Beginn');
    if (kind === 'eq' && startDate) {
      const problem = eqDurationProblem(startDate, endDate);
      if (problem) err('endDate', problem);
    }
    const levelText = cell('minLevel').toUpperCase();
    const minLevel = levelText === '' ? null : levelText;
    if (minLevel && !(TARGET_LEVELS as readonly string[]).includes(minLevel))
      err('minLevel', 'Sprachniveau A1 bis C2 erwartet');
    const hoursMin = whole('hoursMin', 1, 60);
    const hoursMax = whole('hoursMax', 1, 60);
    if (hoursMin !== null && hoursMax !== null && hoursMax < hoursMin)
      err('hoursMax', 'kleiner als „Stunden ab“');
    const shift = parseYesNo(cell('shiftWork'));
    if (shift === undefined) err('shiftWork', 'ja oder nein erwartet');
    const licence = cell('drivingLicence').toUpperCase();
    if (licence && !(DRIVING_LICENCES as readonly string[]).includes(licence))
      err('drivingLicence', `Führerscheinklasse ${DRIVING_LICENCES.join(', ')} erwartet`);
    const openings = whole('openings', 1, 500);
    const description = text('description', 4000);
    rows.push({
      row,
      employerName,
      title,
      kind: kind ?? 'job',
      escoUri: occ?.uri ?? '',
      occupationLabel: occ?.label ?? '',
      municipalityId: municipalityId ?? '',
      startDate: startDate ?? ctx.today,
      endDate,
      minLevel,
      hoursMin,
      hoursMax,
      shiftWork: shift ?? false,
      drivingLicence: licence || null,
      openings: openings ?? 1,
      description: description || null,
    });
  });
  if (rows.length === 0 && errors.length === 0)
    errors.push({ row: 2, column: '', message: 'Die Datei enthält keine Stellen.' });
  return { rows, errors };
}
