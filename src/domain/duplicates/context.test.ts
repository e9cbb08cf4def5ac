import { describe, expect, it } from 'vitest';
import { countTokens, tokenCount } from './frequency';
import { preparePerson } from './prepare';
import { scorePair, scorePrepared } from './score';
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
const yearOnly = { birthDate: '1990-01-01', birthDatePrecision: 'year' as const };
const THRESHOLD = 0.8;

describe('all given-name tokens count', () => {
  it('a missing father’s name is weak evidence against, a different one strong evidence against', () => {
    const full = person('a', 'Mohammed Ahmad Al-Hassan');
    const missing = scorePair(full, person('b', 'Mohammed Al-Hassan')).score;
    const conflicting = scorePair(full, person('b', 'Mohammed Omar Al-Hassan')).score;
    expect(missing).toBeGreaterThanOrEqual(THRESHOLD);
    expect(conflicting).toBeLessThan(THRESHOLD);
    expect(conflicting).toBeLessThan(missing);
  });
  it('an agreeing father’s (and grandfather’s) name adds evidence', () => {
    const two = scorePair(person('a', 'Zahra Ahmadi', yearOnly), person('b', 'Zahra Ahmadi')).score;
    const three = scorePair(
      person('a', 'Zahra Hussain Ahmadi', yearOnly),
      person('b', 'Zahra Hussain Ahmadi'),
    ).score;
    expect(three).toBeGreaterThan(two);
  });
  it('a Ukrainian patronymic in one record only does not block a match', () => {
    const r = scorePair(
      person('a', 'Olena Ivanivna Kovalenko', { nationality: 'UA', gender: 'f' }),
      person('b', 'Olena Kovalenko', { nationality: 'UA', gender: 'f' }),
    );
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
    expect(r.reasons).toContain('name_partial');
  });
  it('a year-only date is weaker evidence than the full date', () => {
    const day = scorePair(person('a', 'Ahmad Rahimi'), person('b', 'Ahmad Rahimi')).score;
    const year = scorePair(person('a', 'Ahmad Rahimi', yearOnly), person('b', 'Ahmad Rahimi')).score;
    expect(year).toBeLessThan(day);
  });
});

describe('token frequencies from the register', () => {
  // A register with many Zahra Ahmadis (and many Zahras and Ahmadis) and one Nazifa Ghafoori.
  const register: PersonRecord[] = [];
  for (let i = 0; i < 40; i++)
    register.push(person(`z${i}`, 'Zahra Ahmadi', { gender: 'f', nationality: 'AF' }));
  for (let i = 0; i < 400; i++)
    register.push(
      person(`o${i}`, `Other${String.fromCharCode(97 + (i % 26))} Name${i}`, { nationality: 'AF' }),
    );
  register.push(person('n1', 'Nazifa Ghafoori', { gender: 'f', nationality: 'AF' }));
  const people = register.map(preparePerson);
  const counts = countTokens(people);
  const context = { tokenCounts: counts, registerSize: people.length };

  it('counts a token once per record, overall, as given name, as family name and per nationality', () => {
    const zahra = people[0].names[0].tokens[0];
    const ahmadi = people[0].names[0].tokens[1];
    expect(tokenCount(zahra, counts)).toBe(40);
    expect(tokenCount(zahra, counts, 'first')).toBe(40);
    expect(tokenCount(zahra, counts, 'last')).toBe(1);
    expect(tokenCount(ahmadi, counts, 'last', 'AF')).toBe(40);
    expect(tokenCount(ahmadi, counts, 'last', 'SY')).toBe(1);
  });

  it('agreement on a rare name is strong evidence, on a common one weak (year-only dates)', () => {
    const f = { gender: 'f' as const, nationality: 'AF' };
    const common = scorePrepared(
      preparePerson(person('a', 'Zahra Ahmadi', { ...f, ...yearOnly })),
      preparePerson(person('b', 'Zahra Ahmadi', f)),
      context,
    ).score;
    const rare = scorePrepared(
      preparePerson(person('a', 'Nazifa Ghafoori', { ...f, ...yearOnly })),
      preparePerson(person('b', 'Nazifa Ghafoori', f)),
      context,
    ).score;
    expect(rare).toBeGreaterThanOrEqual(THRESHOLD);
    expect(common).toBeLessThan(THRESHOLD);
  });

  it('a full date still identifies among namesakes', () => {
    const f = { gender: 'f' as const, nationality: 'AF' };
    const r = scorePrepared(
      preparePerson(person('a', 'Zahra Ahmadi', f)),
      preparePerson(person('b', 'Zahra Ahmadi', f)),
      context,
    );
    expect(r.score).toBeGreaterThanOrEqual(THRESHOLD);
  });

  it('context is optional and never raises a score', () => {
    const a = preparePerson(person('a', 'Zahra Ahmadi', yearOnly));
    const b = preparePerson(person('b', 'Zahra Ahmadi'));
    expect(scorePrepared(a, b, context).score).toBeLessThanOrEqual(scorePrepared(a, b).score);
    expect(scorePrepared(a, b, context).score).toBe(scorePrepared(b, a, context).score);
  });
});
