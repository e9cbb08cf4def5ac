import { describe, expect, it } from 'vitest';
import { birthDateOf, type CorrectionForm, formFieldOf, patchOf } from './fields';

const base: CorrectionForm = {
  givenNames: 'Amina',
  familyName: 'Demir',
  nameOriginal: '',
  nameVariants: ['Emine Demir'],
  gender: 'f',
  birthDatePrecision: 'year',
  birthInput: '1982',
  nationalities: ['AF'],
  phone: '',
  email: '',
  address: '',
  azrNumber: '',
  entryDate: '',
  baCustomerNumber: '',
  reason: '',
};

describe('the correction dialog sends what changed, and only that', () => {
  it('a phone number alone: no reason needed, nothing else sent', () => {
    const r = patchOf(base, { ...base, phone: ' +49 5221 1 ' }, 3);
    expect(r).toEqual({ body: { phone: '+49 5221 1', version: 3 }, identity: false, empty: false });
  });

  it('a birth date from year to day sends date and precision, and asks for a reason', () => {
    const r = patchOf(
      base,
      { ...base, birthDatePrecision: 'day', birthInput: '1982-03-04', reason: 'Urkunde' },
      1,
    );
    expect(r.body).toEqual({
      birthDate: '1982-03-04',
      birthDatePrecision: 'day',
      reason: 'Urkunde',
      version: 1,
    });
    expect(r.identity).toBe(true);
  });

  it('nothing changed is said as such', () => {
    expect(patchOf(base, { ...base }, 1).empty).toBe(true);
  });

  it.each([
    [{ birthDatePrecision: 'year', birthInput: '1984' }, '1984-01-01'],
    [{ birthDatePrecision: 'month', birthInput: '1984-03' }, '1984-03-01'],
    [{ birthDatePrecision: 'day', birthInput: '1984-03-15' }, '1984-03-15'],
    [{ birthDatePrecision: 'day', birthInput: '' }, undefined],
  ] as const)('birth %o is stored as %s', (f, expected) => {
    expect(birthDateOf(f)).toBe(expected);
  });

  it('maps server field paths onto the form', () => {
    expect(formFieldOf('birthDate')).toBe('birthInput');
    expect(formFieldOf('nationalities.0')).toBe('nationalities');
    expect(formFieldOf('reason')).toBe('reason');
  });
});
