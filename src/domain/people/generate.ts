import type { PersonRecord } from '../duplicates/types';
import { formatIso, randomBirthDate, randomDayIn } from './birth-dates';
import {
  duplicateYearOnlyShareOf,
  languagesFor,
  NATIONALITY_MIX,
  type NationalityProfile,
} from './nationalities';
import { NAME_POOLS } from './pools';
import { bulgarianPatronymic, ukrainianPatronymic } from './pools/patronymic';
import { createRng, type Rng, zipfWeights } from './random';
import type { GeneratedPerson, NameEntry, NamePool } from './types';
import { articleVariant, driftSpelling, spellingVariant, typo } from './variants';

export interface GenerateOptions {
  /** Total number of records returned, injected duplicates and look-alikes included. */
  count: number;
  seed: number | string;
  /** Second records of existing persons with variant spellings and reduced birth dates (ground truth). */
  duplicates?: number;
  /** Different persons with the same or a variant name as an existing one (born in another year or on another day). */
  lookalikes?: number;
  /** Reference date for ages; default 2025-01-01. */
  asOf?: string;
  /** Prefix of generated ids; default "p". */
  idPrefix?: string;
  /** Nationality mix; default NATIONALITY_MIX. */
  mix?: NationalityProfile[];
  /**
   * The earlier rule, for comparison only: 30 % of duplicates get a year-only date whatever the
   * nationality. Default false: the share follows the nationality (see duplicateYearOnlyShareOf).
   */
  uniformDuplicateYearOnly?: boolean;
}

export interface GeneratedData {
  /** In random order. */
  persons: GeneratedPerson[];
  /** [original id, duplicate id] of every injected duplicate. */
  duplicatePairs: [string, string][];
}

/** The drawn identity behind a person; kept to derive duplicates and look-alikes. */
interface Identity {
  given: NameEntry[];
  family: NameEntry;
  pool: NamePool;
  profile: NationalityProfile;
}

const weightCache = new Map<number, number[]>();
function zipf(n: number, exponent: number): number[] {
  const key = n * 1000 + Math.round(exponent * 100);
  let w = weightCache.get(key);
  if (!w) {
    w = zipfWeights(n, exponent);
    weightCache.set(key, w);
  }
  return w;
}

// Given names are skewed (roughly every tenth Arab man is a Mohammed) with a long tail of rare
// ones; family names have a long, flat tail (the most common one covers about 2 %).
const GIVEN_EXPONENT = 0.8;
const FAMILY_EXPONENT = 0.4;

function fatherName(pool: NamePool, father: NameEntry, male: boolean): NameEntry {
  if (pool.patronymic === 'ukrainian') return ukrainianPatronymic(father, male);
  if (pool.patronymic === 'bulgarian') return bulgarianPatronymic(father, male);
  return father;
}

function drawIdentity(profile: NationalityProfile, male: boolean, rng: Rng): Identity {
  const pool = NAME_POOLS[profile.pool];
  const givenList = male ? pool.male : pool.female;
  const drawGiven = () => rng.weighted(givenList, zipf(givenList.length, GIVEN_EXPONENT));
  const drawMale = (exponent: number) => rng.weighted(pool.male, zipf(pool.male.length, exponent));
  const given = [drawGiven()];
  // An own second given name (Turkish "Mehmet Ali").
  if (rng.chance(pool.secondGivenShare)) given.push(drawGiven());
  // Tigrinya: the father's given name is the surname.
  const father = pool.familyFromFather ? drawMale(FAMILY_EXPONENT) : undefined;
  if (rng.chance(pool.fatherNameShare)) {
    // The father's name (or a patronymic from it) as a further given name, then the grandfather's.
    given.push(fatherName(pool, father ?? drawMale(GIVEN_EXPONENT), male));
    if (rng.chance(pool.grandfatherNameShare ?? 0)) given.push(drawMale(GIVEN_EXPONENT));
  }
  let family: NameEntry;
  if (father) family = father;
  else {
    const f = rng.weighted(pool.family, zipf(pool.family.length, FAMILY_EXPONENT));
    family = male ? f.m : f.f;
  }
  return { given, family, pool, profile };
}

function fullName(given: string[], family: string): string {
  return [...given, family].filter(Boolean).join(' ');
}

function personFrom(
  id: string,
  who: Identity,
  male: boolean,
  birth: ReturnType<typeof randomBirthDate>,
  rng: Rng,
): GeneratedPerson {
  const givenOriginal = who.given.map((g) => g.original);
  return {
    id,
    givenNames: who.given.map((g) => g.latin),
    familyName: who.family.latin,
    namesOriginal: {
      givenNames: givenOriginal,
      familyName: who.family.original,
      full: fullName(givenOriginal, who.family.original),
    },
    script: who.pool.script,
    originalLanguage: who.pool.language,
    birthDate: formatIso(birth),
    birthDatePrecision: birth.precision,
    gender: male ? 'm' : 'f',
    nationality: who.profile.code,
    languages: languagesFor(who.profile, who.pool.language, rng),
  };
}

/**
 * A second record of the same person as another desk would write it: variant spellings,
 * articles, order, a dropped second given name (the father's or grandfather's name), only one script, a reduced or swapped birth
 * date, sometimes no nationality.
 */
function duplicateOf(
  base: GeneratedPerson,
  who: Identity,
  id: string,
  rng: Rng,
  uniformYearOnly: boolean,
): GeneratedPerson {
  let given = who.given.map((g) => (rng.chance(0.55) ? spellingVariant(g, rng) : g.latin));
  let family = rng.chance(0.5) ? spellingVariant(who.family, rng) : who.family.latin;
  family = articleVariant(family, rng);
  if (rng.chance(0.2)) given = given.map((g) => driftSpelling(g, rng));
  if (rng.chance(0.05)) family = typo(family, rng);
  let givenOriginal = [...(base.namesOriginal?.givenNames ?? [])];
  let familyOriginal = base.namesOriginal?.familyName ?? '';
  const drop = rng.next();
  if (given.length > 1 && drop < 0.5) {
    // Only the first given name: the father's name (or own second name) left out.
    given = given.slice(0, 1);
    givenOriginal = givenOriginal.slice(0, 1);
  } else if (given.length > 2 && drop < 0.65) {
    // The grandfather's name left out.
    given = given.slice(0, -1);
    givenOriginal = givenOriginal.slice(0, -1);
  }
  if (rng.chance(0.12)) {
    // Given and family name entered into the wrong fields.
    [given, family] = [[family], given[0]];
    [givenOriginal, familyOriginal] = [[familyOriginal], givenOriginal[0]];
  }
  const nonLatin = who.pool.script !== 'Latn';
  const r = rng.next();
  const mode = !nonLatin ? (r < 0.5 ? 'both' : 'latin') : r < 0.35 ? 'both' : r < 0.8 ? 'latin' : 'original';

  const birth = {
    year: Number(base.birthDate.slice(0, 4)),
    month: Number(base.birthDate.slice(5, 7)),
    day: Number(base.birthDate.slice(8, 10)),
  };
  let birthDate = base.birthDate;
  let precision = base.birthDatePrecision;
  // Year-only (01.01.YYYY) mostly where people arrive without documents: ~30 % of the second
  // records of Afghans, Syrians, Iraqis, Eritreans, Somalis, Iranians, 5 % of those of Ukrainians,
  // Turks, Bulgarians, whose passports carry the full date (see duplicateYearOnlyShareOf).
  const yearOnly = uniformYearOnly
    ? 0.3
    : (who.profile.duplicateYearOnlyShare ??
      duplicateYearOnlyShareOf(who.profile.code, who.profile.yearOnlyShare));
  const d = rng.next();
  if (precision === 'day') {
    if (d < yearOnly) {
      birthDate = `${birth.year}-01-01`;
      precision = 'year';
    } else if (d < yearOnly + 0.12 && birth.day <= 12 && birth.day !== birth.month) {
      birthDate = formatIso({ year: birth.year, month: birth.day, day: birth.month });
    }
  } else if (d < 0.3) {
    // The second desk saw a document with the full date.
    birthDate = formatIso(randomDayIn(birth.year, rng));
    precision = 'day';
  }
  return {
    ...base,
    id,
    givenNames: mode === 'original' ? [] : given,
    familyName: mode === 'original' ? '' : family,
    namesOriginal:
      mode === 'latin'
        ? undefined
        : {
            givenNames: givenOriginal,
            familyName: familyOriginal,
            full: fullName(givenOriginal, familyOriginal),
          },
    birthDate,
    birthDatePrecision: precision,
    nationality: rng.chance(0.1) ? undefined : base.nationality,
  };
}

/** A different person whose name equals or resembles the base person's: born in another year or on another day. */
function lookalikeOf(base: GeneratedPerson, who: Identity, id: string, rng: Rng): GeneratedPerson {
  const year = Number(base.birthDate.slice(0, 4));
  let birthDate: string;
  let precision = base.birthDatePrecision;
  if (base.birthDatePrecision === 'day' && rng.chance(0.3)) {
    // Same year, clearly another day (not a day/month swap).
    let other = randomDayIn(year, rng);
    const [bm, bd] = [Number(base.birthDate.slice(5, 7)), Number(base.birthDate.slice(8, 10))];
    while (Math.abs(other.month - bm) < 2 || (other.month === bd && other.day === bm))
      other = randomDayIn(year, rng);
    birthDate = formatIso(other);
  } else {
    const shift = rng.int(2, 15) * (rng.chance(0.5) ? 1 : -1);
    if (precision === 'day') birthDate = formatIso(randomDayIn(year + shift, rng));
    else {
      birthDate = `${year + shift}-01-01`;
      precision = 'year';
    }
  }
  const given = who.given.map((g) => (rng.chance(0.3) ? spellingVariant(g, rng) : g.latin));
  return {
    ...base,
    id,
    givenNames: given,
    familyName: rng.chance(0.3) ? spellingVariant(who.family, rng) : who.family.latin,
    birthDate,
    birthDatePrecision: precision,
    languages: languagesFor(who.profile, who.pool.language, rng),
  };
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/**
 * Deterministic synthetic persons for demo data, tests and benchmarks. The same options give
 * the same persons. Ids are `${idPrefix}000001` … in creation order (output order is shuffled).
 */
export function generatePersons(options: GenerateOptions): GeneratedData {
  const rng = createRng(options.seed);
  const mix = options.mix ?? NATIONALITY_MIX;
  const duplicates = options.duplicates ?? 0;
  const lookalikes = options.lookalikes ?? 0;
  const baseCount = options.count - duplicates - lookalikes;
  if (baseCount < Math.max(1, duplicates)) throw new RangeError('count must exceed duplicates + lookalikes');
  const asOfYear = Number((options.asOf ?? '2025-01-01').slice(0, 4));
  const prefix = options.idPrefix ?? 'p';
  let next = 0;
  const newId = () => `${prefix}${String(++next).padStart(6, '0')}`;

  const persons: GeneratedPerson[] = [];
  const identities: Identity[] = [];
  const shares = mix.map((m) => m.share);
  for (let i = 0; i < baseCount; i++) {
    const profile = rng.weighted(mix, shares);
    const male = rng.chance(profile.maleShare);
    const who = drawIdentity(profile, male, rng);
    const birth = randomBirthDate(asOfYear, profile.yearOnlyShare, profile.monthOnlyShare, rng);
    persons.push(personFrom(newId(), who, male, birth, rng));
    identities.push(who);
  }

  // Distinct originals, so every duplicate pair is one person seen exactly twice.
  const order = Array.from({ length: baseCount }, (_, i) => i);
  shuffle(order, rng);
  const duplicatePairs: [string, string][] = [];
  for (let k = 0; k < duplicates; k++) {
    const i = order[k];
    const dup = duplicateOf(
      persons[i],
      identities[i],
      newId(),
      rng,
      options.uniformDuplicateYearOnly ?? false,
    );
    persons.push(dup);
    duplicatePairs.push([persons[i].id, dup.id]);
  }
  for (let k = 0; k < lookalikes; k++) {
    const i = order[(duplicates + k) % baseCount];
    persons.push(lookalikeOf(persons[i], identities[i], newId(), rng));
  }
  shuffle(persons, rng);
  return { persons, duplicatePairs };
}

/** The matcher's view of a generated person (CONTRACTS §5): every recorded spelling as one name. */
export function toPersonRecord(p: GeneratedPerson): PersonRecord {
  const names: string[] = [];
  const latin = fullName(p.givenNames, p.familyName);
  if (latin) names.push(latin);
  if (p.namesOriginal && p.namesOriginal.full !== latin) names.push(p.namesOriginal.full);
  return {
    id: p.id,
    names,
    birthDate: p.birthDate,
    birthDatePrecision: p.birthDatePrecision,
    nationality: p.nationality ?? null,
    gender: p.gender,
  };
}
