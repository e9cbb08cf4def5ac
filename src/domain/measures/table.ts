import { mapHeader, parseDay, parseWhole, parseYesNo, type RowError } from '../language/table';
import { CEFR_LEVELS } from '../reference/languages';
import { MEASURE_TYPES, type MeasureType } from './fit';

/**
 * The measures catalogue as a table (CSV/XLSX): the columns of the export are the columns the import
 * reads, with German headers; every row is checked before anything is stored (all or nothing).
 */
export const MEASURE_COLUMNS = {
  title: ['Titel', 'Maßnahme', 'Massnahme', 'title'],
  type: ['Art', 'Typ', 'type'],
  provider: ['Anbieter', 'Träger', 'Traeger', 'provider'],
  description: ['Beschreibung', 'description'],
  location: ['Ort', 'Standort', 'location'],
  places: ['Plätze', 'Plaetze', 'places'],
  startDate: ['Beginn', 'start'],
  endDate: ['Ende', 'end'],
  rechtskreise: ['Rechtskreise', 'Rechtskreis', 'rechtskreise'],
  residenceKinds: ['Aufenthaltsstatus', 'Status', 'residence_kinds'],
  minAge: ['Alter ab', 'Mindestalter', 'min_age'],
  maxAge: ['Alter bis', 'Höchstalter', 'max_age'],
  minLevel: ['Deutsch ab', 'Sprachniveau', 'min_level'],
  gender: ['Nur für', 'Geschlecht', 'gender'],
  needsWorkAccess: ['Arbeitserlaubnis nötig', 'needs_work_access'],
  contactName: ['Ansprechperson', 'Kümmerer', 'contact_name'],
  contactEmail: ['E-Mail', 'contact_email'],
  contactPhone: ['Telefon', 'contact_phone'],
} as const;
export type MeasureField = keyof typeof MEASURE_COLUMNS;

export interface MeasureInput {
  title: string;
  type: MeasureType;
  provider: string;
  description: string | null;
  location: string | null;
  places: number | null;
  startDate: string | null;
  endDate: string | null;
  rechtskreise: string[];
  residenceKinds: string[];
  minAge: number | null;
  maxAge: number | null;
  minLevel: string | null;
  gender: 'f' | 'm' | null;
  needsWorkAccess: boolean;
  contactName: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
}

export const TYPE_WORDS: Record<MeasureType, string> = {
  coaching: 'Coaching',
  massnahme_45: 'Maßnahme nach § 45 SGB III',
  ausbildungsvorbereitung: 'Ausbildungsvorbereitung',
  kompetenzfeststellung: 'Kompetenzfeststellung',
  beratung: 'Beratung',
  berufssprachkurs: 'Berufssprachkurs',
  qualifizierung: 'Qualifizierung',
  anerkennung: 'Anerkennungsberatung',
  sonstiges: 'Sonstiges',
};
const RECHTSKREISE: Record<string, string> = {
  'sgb ii': 'sgb2',
  sgb2: 'sgb2',
  'sgb iii': 'sgb3_only',
  sgb3: 'sgb3_only',
  sgb3_only: 'sgb3_only',
  asylblg: 'asylblg',
};
const STATUSES = [
  'gestattung',
  'duldung',
  'aufenthaltserlaubnis',
  'niederlassungserlaubnis',
  'fiktionsbescheinigung',
  'eu_freizuegigkeit',
];
const list = (s: string) =>
  s
    .split(/[,;/]/)
    .map((x) => x.trim())
    .filter(Boolean);

export function parseMeasureTable(table: readonly string[][]): { rows: MeasureInput[]; errors: RowError[] } {
  const [header = [], ...body] = table;
  const { index } = mapHeader(header, MEASURE_COLUMNS);
  const errors: RowError[] = [];
  for (const f of ['title', 'type', 'provider'] as const) {
    if (index[f] === undefined)
      errors.push({ row: 1, column: MEASURE_COLUMNS[f][0], message: 'Spalte fehlt' });
  }
  if (errors.length > 0) return { rows: [], errors };
  const rows: MeasureInput[] = [];
  body.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (f: MeasureField) =>
      index[f] === undefined ? '' : (cells[index[f] as number] ?? '').trim();
    const err = (f: MeasureField, message: string) =>
      errors.push({ row, column: MEASURE_COLUMNS[f][0], message });
    const text = (f: MeasureField, max: number) => {
      const v = cell(f);
      if (v.length > max) err(f, `höchstens ${max} Zeichen`);
      return v === '' ? null : v.slice(0, max);
    };
    const typeWord = cell('type').toLowerCase();
    const type = (MEASURE_TYPES as readonly string[]).includes(typeWord)
      ? (typeWord as MeasureType)
      : (Object.entries(TYPE_WORDS).find(([, w]) => w.toLowerCase() === typeWord)?.[0] as
          | MeasureType
          | undefined);
    if (!type)
      err('type', `unbekannte Art „${cell('type')}“; erlaubt: ${Object.values(TYPE_WORDS).join(', ')}`);
    const day = (f: MeasureField) => {
      const v = cell(f);
      if (v === '') return null;
      const d = parseDay(v);
      if (!d) err(f, 'kein gültiges Datum (TT.MM.JJJJ)');
      return d ?? null;
    };
    const whole = (f: MeasureField, min: number, max: number) => {
      const v = cell(f);
      if (v === '') return null;
      const n = parseWhole(v);
      if (n === undefined || n < min || n > max) err(f, `ganze Zahl von ${min} bis ${max} erwartet`);
      return n ?? null;
    };
    const rk = list(cell('rechtskreise')).map((x) => {
      const k = RECHTSKREISE[x.toLowerCase()];
      if (!k) err('rechtskreise', `unbekannt: „${x}“ (SGB II, SGB III, AsylbLG)`);
      return k ?? x;
    });
    const rs = list(cell('residenceKinds')).map((x) => {
      const k = x.toLowerCase();
      if (!STATUSES.includes(k)) err('residenceKinds', `unbekannter Status „${x}“`);
      return k;
    });
    const level = cell('minLevel').toUpperCase();
    if (level !== '' && !(CEFR_LEVELS as readonly string[]).includes(level))
      err('minLevel', 'Niveau wie A2 oder B1 erwartet');
    const g = cell('gender').toLowerCase();
    const gender =
      g === ''
        ? null
        : ['f', 'frauen', 'weiblich'].includes(g)
          ? 'f'
          : ['m', 'männer', 'maenner', 'männlich'].includes(g)
            ? 'm'
            : undefined;
    if (gender === undefined) err('gender', '„Frauen“, „Männer“ oder leer');
    const work = cell('needsWorkAccess') === '' ? false : parseYesNo(cell('needsWorkAccess'));
    if (work === undefined) err('needsWorkAccess', '„ja“ oder „nein“');
    const title = text('title', 200);
    const provider = text('provider', 200);
    if (!title) err('title', 'Pflichtangabe');
    if (!provider) err('provider', 'Pflichtangabe');
    const startDate = day('startDate');
    const endDate = day('endDate');
    if (startDate && endDate && endDate < startDate) err('endDate', 'liegt vor dem Beginn');
    const minAge = whole('minAge', 0, 99);
    const maxAge = whole('maxAge', 0, 99);
    if (minAge !== null && maxAge !== null && maxAge < minAge) err('maxAge', 'kleiner als „Alter ab“');
    rows.push({
      title: title ?? '',
      type: type ?? 'sonstiges',
      provider: provider ?? '',
      description: text('description', 4000),
      location: text('location', 200),
      places: whole('places', 0, 10_000),
      startDate,
      endDate,
      rechtskreise: rk,
      residenceKinds: rs,
      minAge,
      maxAge,
      minLevel: level === '' ? null : level,
      gender: gender ?? null,
      needsWorkAccess: work ?? false,
      contactName: text('contactName', 200),
      contactEmail: text('contactEmail', 254),
      contactPhone: text('contactPhone', 50),
    });
  });
  return { rows, errors };
}

const GERMAN_RK: Record<string, string> = { sgb2: 'SGB II', sgb3_only: 'SGB III', asylblg: 'AsylbLG' };
const germanDay = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : '');

/** The catalogue as rows of the same columns (header first), for CSV and XLSX. */
export function measureTable(items: readonly MeasureInput[]): string[][] {
  const fields = Object.keys(MEASURE_COLUMNS) as MeasureField[];
  const header = fields.map((f) => MEASURE_COLUMNS[f][0]);
  const rows = items.map((m) =>
    fields.map((f) => {
      switch (f) {
        case 'type':
          return TYPE_WORDS[m.type];
        case 'startDate':
        case 'endDate':
          return germanDay(m[f]);
        case 'rechtskreise':
          return m.rechtskreise.map((r) => GERMAN_RK[r] ?? r).join(', ');
        case 'residenceKinds':
          return m.residenceKinds.join(', ');
        case 'gender':
          return m.gender === 'f' ? 'Frauen' : m.gender === 'm' ? 'Männer' : '';
        case 'needsWorkAccess':
          return m.needsWorkAccess ? 'ja' : 'nein';
        default: {
          const v = m[f];
          return v === null || v === undefined ? '' : String(v);
        }
      }
    }),
  );
  return [header, ...rows];
}
