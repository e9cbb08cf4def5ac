import { describe, expect, it } from 'vitest';
import { changedFields, needingReason } from './field-changes';

describe('changedFields: what a correction really changes', () => {
  const before = {
    givenNames: 'Amina',
    familyName: 'Demir',
    nationalities: ['AF'],
    birthDate: '1982-01-01',
    birthDatePrecision: 'year',
    phone: null,
    nameVariants: ['Amina Demiri'],
  };

  it('records only fields whose value differs, arrays by content', () => {
    const c = changedFields(before, {
      givenNames: 'Amina',
      nationalities: ['AF'],
      phone: '+49 5221 1',
      nameVariants: ['Amina Demiri', 'Emine Demir'],
    });
    expect(c.map((x) => x.field)).toEqual(['phone', 'nameVariants']);
    expect(c[0]).toEqual({ field: 'phone', oldValue: null, newValue: '+49 5221 1' });
  });

  it('treats empty string and missing as the same empty value', () => {
    expect(changedFields({ phone: null }, { phone: '' })).toEqual([]);
  });

  it.each<[string, unknown, boolean, string]>([
    ['birthDate', '1982-03-04', true, 'identity (Art. 16 DSGVO)'],
    ['birthDatePrecision', 'day', true, 'identity'],
    ['nationalities', ['XXA'], true, 'identity: staatenlos'],
    ['familyName', 'Demiri', true, 'identity'],
    ['phone', '+49 1', false, 'contact data: no reason'],
  ])('%s changed → reason needed: %s (%s)', (field, value, needs) => {
    const c = changedFields(before, { [field]: value });
    expect(c).toHaveLength(1);
    expect(needingReason(c).length > 0).toBe(needs);
  });
});
