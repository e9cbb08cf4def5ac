import { describe, expect, it } from 'vitest';
import { scorePair } from './score';
import type { PersonRecord } from './types';

const person = (id: string, name: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
  id,
  names: [name],
  birthDate: '1990-05-14',
  birthDatePrecision: 'day',
  nationality: 'SY',
  gender: 'm',
  ...extra,
});

const THRESHOLD = 0.8;

// Each row: two spellings of one person that a front desk produces. All must match.
const SAME_PERSON: [string, string, Partial<PersonRecord>?][] = [
  ['Mohammed Al-Hassan', 'Muhammad Al-Hassan'],
  ['Mohammed Al-Hassan', 'Mohamad Al-Hassan'],
  ['Mohammed Al-Hassan', 'Mohamed El-Hassan'],
  ['Mohammed Al-Hassan', 'Mohammad Al Hassan'],
  ['Mohammed Al-Hassan', 'Muhammed Alhassan'],
  ['Mohammed Al-Hassan', 'Mohammed Hassan'],
  ['Abdulrahman Al-Khatib', 'Abd al-Rahman Al-Khatib'],
  ['Abdulrahman Al-Khatib', 'Abdul Rahman El-Khatib'],
  ['Abdulrahman Al-Khatib', 'Abdel Rahman Khatib'],
  ['Abdulrahman Al-Khatib', 'Abdurrahman Al-Khatib'],
  ['Abdullah Darwish', 'Abdallah Darwich'],
  ['Yusuf Al-Omar', 'Youssef Al-Omar'],
  ['Yusuf Al-Omar', 'Yousef El Omar'],
  ['Yusuf Al-Omar', 'Jusuf Al-Omar'],
  ['Mahmoud Mansour', 'Mahmud Mansur'],
  ['Nisreen Haddad', 'Nesrin Hadad', { gender: 'f' }],
  ['Zeinab Hashimi', 'Zainab Hashemi', { gender: 'f', nationality: 'AF' }],
  ['Waleed Khoury', 'Walid Khouri'],
  ['Khaled Al-Ali', 'Haled Al-Ali'],
  ['Hussein Al-Jubouri', 'Hussain Al-Juburi'],
  ['Oleksandr Shevchenko', 'Aleksandr Shevchenko', { nationality: 'UA' }],
  ['Oleksandr Shevchenko', 'Olexandr Schewtschenko', { nationality: 'UA' }],
  ['Mykhailo Kharchenko', 'Mychajlo Charchenko', { nationality: 'UA' }],
  ['Serhii Honcharenko', 'Sergej Goncharenko', { nationality: 'UA' }],
  ['Yuliia Kovalenko', 'Julia Kowalenko', { nationality: 'UA', gender: 'f' }],
  ['Andrii Melnyk', 'Andriy Melnik', { nationality: 'UA' }],
  ['Georgi Georgiev', 'Georgi Georgieff', { nationality: 'BG' }],
  ['Hüseyin Şahin', 'Hueseyin Schahin', { nationality: 'TR' }],
  ['Ahmad Karimi', 'Karimi Ahmad', { nationality: 'AF' }],
  ['Mohammed Ali Al-Hassan', 'Mohammed Al-Hassan'],
  ['Tesfay Kidane', 'Tesfai Kidane', { nationality: 'ER' }],
  ['Najibullah Popal', 'Najib Ullah Popal', { nationality: 'AF' }],
];

// Names across scripts: original script on one side, Latin on the other.
const ACROSS_SCRIPTS: [string, string, Partial<PersonRecord>?][] = [
  ['محمد الحسن', 'Mohammed Al-Hassan'],
  ['عبد الرحمن الخطيب', 'Abdulrahman Al-Khatib'],
  ['يوسف العمر', 'Youssef El-Omar'],
  ['فاطمه احمدی', 'Fatemeh Ahmadi', { nationality: 'AF', gender: 'f' }],
  ['Олександр Шевченко', 'Oleksandr Shevchenko', { nationality: 'UA' }],
  ['Георги Димитров', 'Georgi Dimitrov', { nationality: 'BG' }],
  ['ተስፋይ ኪዳነ', 'Tesfay Kidane', { nationality: 'ER' }],
];

// Look-alikes that are different people: must not match.
const DIFFERENT_PEOPLE: [PersonRecord, PersonRecord][] = [
  [person('a', 'Mohammed Ahmad'), person('b', 'Mohammed Ahmad', { birthDate: '1994-05-14' })],
  [person('a', 'Mohammed Ahmad'), person('b', 'Mohammed Ahmad', { birthDate: '1990-11-02' })],
  [
    person('a', 'Mohammed Ahmad'),
    person('b', 'Mohammed Ahmad', { birthDate: '1985-01-01', birthDatePrecision: 'year' }),
  ],
  [person('a', 'Mohammed Al-Hassan'), person('b', 'Mohammed Al-Hassan', { gender: 'f' })],
  [person('a', 'Mohammed Al-Hassan'), person('b', 'Mohammed Al-Khatib')],
  [person('a', 'Mohammed Al-Hassan'), person('b', 'Ahmad Al-Hassan')],
  [person('a', 'Fatima Al-Ali', { gender: 'f' }), person('b', 'Maryam Al-Ali', { gender: 'f' })],
  [
    person('a', 'Olena Shevchenko', { nationality: 'UA', gender: 'f' }),
    person('b', 'Olena Kovalenko', { nationality: 'UA', gender: 'f' }),
  ],
  [person('a', 'Ali Hassan'), person('b', 'Ali Hassan', { birthDate: '1991-05-14' })],
  [person('a', 'Mohammed'), person('b', 'Mohammed')],
];

describe('variant spellings of one person match', () => {
  it.each(SAME_PERSON)('%s ~ %s', (x, y, extra) => {
    const r = scorePair(person('a', x, extra), person('b', y, extra));
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
  });
});

describe('names in original script match their transliteration', () => {
  it.each(ACROSS_SCRIPTS)('%s ~ %s', (x, y, extra) => {
    const r = scorePair(person('a', x, extra), person('b', y, extra));
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('script');
  });
});

describe('look-alike different persons do not match', () => {
  it.each(
    DIFFERENT_PEOPLE.map(
      ([a, b]) => [`${a.names[0]} ${a.birthDate} ~ ${b.names[0]} ${b.birthDate}`, a, b] as const,
    ),
  )('%s', (_label, a, b) => {
    expect(scorePair(a, b).score).toBeLessThan(THRESHOLD);
  });
});

describe('birth dates', () => {
  it('a year-only date matches any date in that year', () => {
    const r = scorePair(
      person('a', 'Ahmad Rahimi', { birthDate: '1990-01-01', birthDatePrecision: 'year' }),
      person('b', 'Ahmad Rahimi', { birthDate: '1990-09-23' }),
    );
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('birthYear');
  });
  it('a year-only date does not match another year', () => {
    const r = scorePair(
      person('a', 'Ahmad Rahimi', { birthDate: '1990-01-01', birthDatePrecision: 'year' }),
      person('b', 'Ahmad Rahimi', { birthDate: '1991-03-02' }),
    );
    expect(r.score).toBeLessThan(THRESHOLD);
    expect(r.reasons).toContain('birthDate_mismatch');
  });
  it('day and month swapped still counts', () => {
    const s = scorePair(
      person('a', 'Ali Haidari', { birthDate: '1990-03-07' }),
      person('b', 'Ali Haidari', { birthDate: '1990-07-03' }),
    );
    expect(s.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(s.reasons).toContain('birthDate_swapped');
  });
  it('a missing nationality neither helps nor blocks', () => {
    const r = scorePair(person('a', 'Yusuf Al-Omar'), person('b', 'Youssef Al-Omar', { nationality: null }));
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).not.toContain('nationality');
  });
  it('many namesakes in the register lower the score of a year-only match', () => {
    const a = person('a', 'Mohammed Ahmad', { birthDate: '1990-01-01', birthDatePrecision: 'year' });
    const b = person('b', 'Mohammed Ahmad');
    expect(scorePair(a, b, { namesakes: 400 }).score).toBeLessThan(scorePair(a, b, { namesakes: 2 }).score);
  });
});
