import { describe, expect, it } from 'vitest';
import {
  buildHandoverRecord,
  type HandoverFacts,
  paragraphCitation,
  rechtskreisChangeReason,
} from './record';

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
      'germanLevel',
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

describe('what the receiving agency reads', () => {
  it('a recorded DTZ A2 is the German level, even when intake recorded no German', () => {
    const r = buildHandoverRecord({
      ...complete,
      person: {
        ...complete.person,
        languages: [{ code: 'ar', level: 'muttersprache' }],
        germanLevel: { level: 'A2', source: 'assessment', on: '2026-02-10' },
      },
    });
    expect(r.missing.map((m) => m.key)).not.toContain('germanLevel');
  });

  it('the decision is the result in words: no rule ids, no person id, no JSON of the engine', () => {
    const r = buildHandoverRecord({
      ...complete,
      decision: {
        id: 'b7f0c2de-0000-4000-8000-000000000000',
        employment: 'allowed',
        benefits: 'sgb2',
        agency: 'JC',
        permitFrom: null,
        rules: ['title.by_law', 'sgb2.title'],
        explanation: { de: 'Die Aufenthaltserlaubnis erlaubt jede Beschäftigung.', en: 'x' },
        courses: { integrationCourse: { status: 'entitled' } },
      } as HandoverFacts['decision'],
    });
    const content = r.sections.find((s) => s.key === 'rules')?.content;
    expect(content).toEqual({
      employment: 'allowed',
      permitFrom: null,
      benefits: 'sgb2',
      agency: 'JC',
      explanation: 'Die Aufenthaltserlaubnis erlaubt jede Beschäftigung.',
    });
  });

  it.each([
    ['25(2)', '§ 25 Abs. 2 AufenthG'],
    ['24', '§ 24 AufenthG'],
    ['60a', '§ 60a AufenthG'],
    ['25(4a)', '§ 25 Abs. 4a AufenthG'],
  ])('cites %s as %s', (p, words) => expect(paragraphCitation(p)).toBe(words));

  it.each([
    [
      'asylblg',
      'Rechtskreiswechsel vom AsylbLG ins SGB II: neuer Aufenthaltsstatus Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG seit 28.11.2026',
    ],
    [
      'review',
      'Rechtskreiswechsel ins SGB II (bisheriger Rechtskreis war nicht geklärt): neuer Aufenthaltsstatus Aufenthaltserlaubnis nach § 25 Abs. 2 AufenthG seit 28.11.2026',
    ],
  ])('the reason of a Rechtskreiswechsel from %s is a sentence (§ 16 SGB I, SGB II)', (from, text) => {
    const reason = rechtskreisChangeReason({
      from,
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: '2026-11-28',
    });
    expect(reason).toBe(text);
    expect(reason).not.toMatch(/→|review|asylblg|\d{4}-\d{2}-\d{2}/);
  });
});
