import type { BirthDatePrecision, Gender } from '../duplicates/types';

export type { BirthDatePrecision, Gender };

/** ISO 15924 script of a name in its original writing. */
export type NameScript = 'Arab' | 'Cyrl' | 'Ethi' | 'Latn';

/** One name as written in its own script, the usual Latin transliteration, and other spellings seen at desks. */
export interface NameEntry {
  latin: string;
  original: string;
  /** Other Latin spellings of the same name (Muhammad, Mohamad …), used to inject realistic duplicates. */
  variants: string[];
}

/** A family name with its masculine and feminine forms (identical for most languages). */
export interface FamilyEntry {
  m: NameEntry;
  f: NameEntry;
}

/** Names of one naming tradition. Entries are ordered from most to least common. */
export interface NamePool {
  id: 'arabic' | 'persian' | 'tigrinya' | 'ukrainian' | 'bulgarian' | 'turkish';
  script: NameScript;
  /** ISO 639-1 language of the original spelling. */
  language: string;
  male: NameEntry[];
  female: NameEntry[];
  family: FamilyEntry[];
  /** Tigrinya: no family names; the father's given name serves as the surname. */
  familyFromFather?: boolean;
  /** Share of persons recorded with an own second given name (Turkish "Mehmet Ali"). */
  secondGivenShare: number;
  /**
   * Share of persons whose record carries the father's given name as a further given name
   * (Arabic "Mohammed Ahmad Al-Hassan", Afghan "Zahra Ghulam Ahmadi"), or, with `patronymic`,
   * a patronymic formed from it (Ukrainian "Olena Ivanivna", Bulgarian "Georgi Ivanov").
   */
  fatherNameShare: number;
  /** Of those with the father's name, the share that also carry the grandfather's (Arabic). */
  grandfatherNameShare?: number;
  /** How the father's name is written: as it is, or as a patronymic of the language. */
  patronymic?: 'ukrainian' | 'bulgarian';
}

/** CEFR level or native speaker. */
export type LanguageLevel = 'native' | 'A1' | 'A2' | 'B1' | 'B2' | 'C1' | 'C2';

export interface LanguageSkill {
  /** ISO 639-1. */
  code: string;
  level: LanguageLevel;
}

/** A synthetic person with the fields of a person record. */
export interface GeneratedPerson {
  id: string;
  /** Latin given names in order; empty when the record holds only the original script. */
  givenNames: string[];
  /** Latin family name; empty when the record holds only the original script. */
  familyName: string;
  /** The name in original script, absent when only a Latin spelling was recorded. */
  namesOriginal?: { givenNames: string[]; familyName: string; full: string };
  /** Script and language of the original name. */
  script: NameScript;
  originalLanguage: string;
  /** ISO date; with precision "year" it is YYYY-01-01 (the 01.01.YYYY convention). */
  birthDate: string;
  birthDatePrecision: BirthDatePrecision;
  gender: Gender;
  /** ISO 3166-1 alpha-2, absent when unknown. */
  nationality?: string;
  languages: LanguageSkill[];
}
