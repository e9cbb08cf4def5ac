import { describe, expect, it } from 'vitest';
import { planLanguageFor, renderPlanDocument } from './print';

const data = {
  version: 2,
  agreedOn: '2026-12-04',
  reviewOn: '2027-06-04',
  person: 'Amal Haddad',
  agency: 'Jobcenter Kreis Herford',
  advisor: 'Jana Becker',
  content: {
    goals: [
      {
        id: 'g1',
        text: 'Arbeit in der Pflege',
        steps: [
          {
            id: 's1',
            text: 'Praktikum <Altenheim>',
            owner: 'client' as const,
            dueOn: '2027-01-15',
            status: 'open' as const,
            measureId: 'm1',
          },
        ],
      },
    ],
  },
  measures: { m1: 'Pflege-Orientierung' },
};

describe('plan print', () => {
  it('prints German and Arabic right-to-left, marks typed text as not translated, escapes it', () => {
    const html = renderPlanDocument(data, 'ar');
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<section lang="ar" dir="rtl" class="lang-ar">');
    expect(html).toContain('خطة التعاون');
    expect(html).toContain('(بالألمانية، غير مترجم)');
    expect(html).toContain('Praktikum &lt;Altenheim&gt;');
    expect(html).not.toContain('<Altenheim>');
    expect(html).toContain('<bdi>Pflege-Orientierung</bdi>');
  });

  it('prints Tigrinya in Ge’ez script, Dari with the Persian catalogue, and German alone for German readers', () => {
    expect(renderPlanDocument(data, 'ti')).toContain('ናይ ምትሕብባር መደብ');
    expect(planLanguageFor('prs')).toBe('fa');
    const de = renderPlanDocument(data, 'de');
    expect(de.match(/<section /g)).toHaveLength(1);
    expect(de).toContain('Vereinbart am <bdi>04.12.2026</bdi> zwischen <bdi>Amal Haddad</bdi>');
  });
});
