import { describe, expect, it } from 'vitest';
import { LETTER_LANGUAGES, renderPlacementLetter } from './letter';

const data = {
  date: '2026-11-22',
  recipient: { name: 'Rania Haddad', address: 'Hauptstraße 5, 32052 Herford' },
  course: {
    typeLabel: 'Allgemeiner Integrationskurs',
    ref: 'SR-25/2',
    provider: 'Sprachschule Ravensberg',
    place: 'Herford',
    address: null,
    startDate: '2027-01-04',
    schedule: 'Mo–Fr 8:30–12:45',
    hours: 700,
    childcare: false,
  },
  sender: { agency: 'Jobcenter Kreis Herford', advisor: 'Frank Fachkraft' },
};

describe('client letter in the reader’s language', () => {
  it('is offered in German, English, Arabic, Farsi and Ukrainian', () => {
    expect(LETTER_LANGUAGES.sort()).toEqual(['ar', 'de', 'en', 'fa', 'uk']);
  });

  it.each([
    // language, direction, course start as the reader writes it
    ['ar', 'rtl', '4 يناير 2027'],
    ['fa', 'rtl', '۴ ژانویهٔ ۲۰۲۷'],
    ['uk', 'ltr', '4 січня 2027 р.'],
    ['en', 'ltr', '4 January 2027'],
  ])('%s: direction %s, start date "%s", German section first', (lang, dir, start) => {
    const html = renderPlacementLetter(data, lang);
    expect(html).toContain(`<section lang="${lang}" dir="${dir}">`);
    expect(html).toContain(`<bdi>${start}</bdi>`);
    expect(html).toContain('<bdi>04.01.2027</bdi>'); // the binding German section keeps its date
    expect(html.indexOf('<section lang="de"')).toBeLessThan(html.indexOf(`<section lang="${lang}"`));
  });

  it('isolates names and numbers instead of reordering the sentence by hand', () => {
    const ar = renderPlacementLetter(data, 'ar');
    // The Latin name sits in its own isolate; the Arabic comma follows it, outside.
    expect(ar).toContain('<p>مرحباً <bdi>Rania Haddad</bdi>،</p>');
    // The course number, which has a slash and digits, is isolated left-to-right.
    expect(ar).toContain('<bdi>Allgemeiner Integrationskurs</bdi> (<bdi dir="ltr">SR-25/2</bdi>)');
    expect(ar).toContain(
      'للاستفسار يرجى التواصل مع <bdi>Frank Fachkraft</bdi>, <bdi>Jobcenter Kreis Herford</bdi>.',
    );
    const fa = renderPlacementLetter(data, 'fa');
    expect(fa).toContain('<p><bdi>Rania Haddad</bdi> گرامی،</p>');
    expect(fa).toContain('<bdi>۷۰۰</bdi>');
  });
});
