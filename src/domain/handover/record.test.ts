import { describe, expect, it } from 'vitest';
import { buildHandoverRecord, type HandoverFacts } from './record';

const complete: HandoverFacts = {
  person: {
    givenNames: 'Amal',
    familyName: 'Haddad',
    nameOriginal: 'أمل حداد',
    birthDate: '1991-04-02',
    birthDatePrecision: 'day',
    nationalities: ['SY'],
    azrNumber: '123456789012',
    baCustomerNumber: null,
    wohnsitzauflage: 'Herford',
    municipality: 'Herford',
    languages: [{ code: 'de', level: 'A2' }],
  },
  currentStatus: {
    kind: 'aufenthaltserlaubnis',
    paragraph: '25(2)',
    since: '2026-03-01',
    until: '2029-03-01',
    document: 'eAT',
    workAnnotation: 'Erwerbstätigkeit erlaubt',
  },
  household: [{ relation: 'child', givenNames: 'Sami', birthDate: '2022-05-05', needsChildcare: true }],
};

describe('handover record', () => {
  it('carries every section of DOMAIN.md §4 and the legal basis of the transfer', () => {
    const r = buildHandoverRecord(complete);
    expect(r.legalBasis).toMatch(/§ 69/);
    expect(r.sections.map((s) => s.key)).toEqual([
      'identity',
      'status',
      'household',
      'residence',
      'language',
      'rules',
      'measures',
      'recognition',
      'tasks',
    ]);
    expect(r.missing).toEqual([]);
  });

  it.each([
    ['azrNumber', { person: { ...complete.person, azrNumber: null } }],
    ['wohnsitzauflage', { person: { ...complete.person, wohnsitzauflage: null } }],
    ['germanLevel', { person: { ...complete.person, languages: [{ code: 'ar', level: 'muttersprache' }] } }],
    ['status', { currentStatus: null }],
    ['workAnnotation', { currentStatus: { ...complete.currentStatus!, workAnnotation: null } }],
  ])('lists %s as missing when the case lacks it', (key, patch) => {
    const r = buildHandoverRecord({ ...complete, ...patch } as HandoverFacts);
    expect(r.missing.map((m) => m.key)).toContain(key);
  });
});
