import { expect, it } from 'vitest';
import { EXPORT_LANGUAGES, EXPORT_TEXTS } from '../../src/server/modules/client-rights/document/texts';
import { describeEachDb } from '../support/databases';
import { exportFixture } from '../support/export-fixture';
import { as, login, makeTenant } from '../support/factories';

// The Art. 15 answer as a document a client can read (Art. 12 GDPR): plain words in the reader's
// language, dates as the reader writes them, no database codes, who read the file in sentences.

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;
// Codes as stored in the database (case-sensitive: "Muttersprache" is a word, "muttersprache" a code).
const RAW_CODES = [
  'aufenthaltserlaubnis',
  'sgb2',
  'sprachkurs',
  'ik_allgemein',
  'muttersprache',
  'integrationsfachkraft',
  'jobcenter',
  'XXA',
  '25(2)',
  '[object Object]',
  'undefined',
  'null',
  'given_names',
  'birth_date',
];
const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');

describeEachDb('Art. 15 export as a readable document', (env) => {
  async function setup() {
    const db = env().database.db;
    const t = await makeTenant(db);
    // Real names for the offices, as a county has them (the factory's names are codes).
    for (const [kind, name] of [
      ['jobcenter', 'Jobcenter Musterkreis'],
      ['sozialamt', 'Sozialamt Musterkreis'],
      ['bildungstraeger', 'Volkshochschule Musterstadt'],
    ] as const)
      await db.updateTable('agency').set({ name }).where('id', '=', t.agencies[kind]).execute();
    const advisor = t.users.integrationsfachkraft;
    await db
      .updateTable('app_user')
      .set({ display_name: 'Petra Schmidt' })
      .where('id', '=', advisor.id)
      .execute();
    const { personId } = await exportFixture(db, t.tenantId, {
      userId: advisor.id,
      agencyId: t.agencies.jobcenter,
      team: 'team-jc',
    });
    const s = await login(env().app, advisor.email);
    // A read of the file, so that the access section has something besides the export itself.
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${personId}`, headers: as(s) })).statusCode,
    ).toBe(200);
    return { db, t, s, personId };
  }

  it('speaks the reader’s language in every section, with no id, ISO date or code', async () => {
    const { s, personId } = await setup();
    for (const lang of EXPORT_LANGUAGES) {
      const res = await env().app.inject({
        method: 'GET',
        url: `/api/persons/${personId}/export?format=html&lang=${lang}`,
        headers: as(s),
      });
      expect(res.statusCode, lang).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      const body = res.body;
      expect(body, lang).toContain(
        `<html lang="${lang}" dir="${lang === 'ar' || lang === 'fa' ? 'rtl' : 'ltr'}">`,
      );
      expect(body).not.toMatch(/<script/i);
      const words = text(body);
      expect(words, lang).not.toMatch(UUID);
      expect(words, lang).not.toMatch(ISO_DATE);
      for (const code of RAW_CODES) expect(words.includes(code), `${lang}: raw "${code}"`).toBe(false);
      // Codes that are English words are codes only in the other languages.
      if (lang !== 'en')
        for (const code of ['referral', 'requested', 'waiting', 'child'])
          expect(words.includes(code), `${lang}: raw "${code}"`).toBe(false);
      // Every section heading in the reader's language.
      for (const heading of Object.values(EXPORT_TEXTS[lang].section)) expect(words, lang).toContain(heading);
      // The legal reference of the title, isolated left-to-right as one unit.
      expect(body, lang).toContain('<bdi dir="ltr">§ 25 Abs. 2 AufenthG</bdi>');
      // Staff's free text stays as typed and is marked as not translated for other readers.
      const marked = `Rückenleiden, kein schweres Heben</bdi> <span class="untranslated">${EXPORT_TEXTS[lang].doc.notTranslated}</span>`;
      expect(body.includes(marked), lang).toBe(lang !== 'de');
    }
  });

  it('writes dates and values as the reader does, and who read the file in sentences', async () => {
    const { s, personId } = await setup();
    const get = async (lang: string) =>
      text(
        (
          await env().app.inject({
            method: 'GET',
            url: `/api/persons/${personId}/export?format=html&lang=${lang}`,
            headers: as(s),
          })
        ).body,
      );
    const de = await get('de');
    expect(de).toContain('Aufenthaltserlaubnis seit 10. Januar 2024');
    expect(de).toContain('gültig bis 9. Januar 2027');
    expect(de).toContain('Geburtsdatum1990'); // year only: no invented day
    expect(de).toContain('Syrien, staatenlos');
    expect(de).toContain('Arabisch: Muttersprache');
    expect(de).toContain('Deutsch: Niveau A2');
    expect(de).toContain('Kind: Yusuf Haddad');
    expect(de).toContain('Jobcenter (Bürgergeld, SGB II)');
    expect(de).toMatch(
      /Sie haben am 1\. Februar 2024 eingewilligt, dass Volkshochschule Musterstadt Daten über Sie bekommt\. Zweck: Sprachkurs\. Daten: Angaben zur Person, Sprachen\./,
    );
    expect(de).toMatch(
      /Am \d{1,2}\. \S+ \d{4} hat eine Integrationsfachkraft des Jobcenters Ihre Akte gelesen \(Grund: gemeinsame Aufgabe der Stellen im Integration Point; §§ 67d, 69 Abs\. 1 Nr\. 1 SGB X\)\./,
    );
    expect(de).toMatch(
      /hat eine Integrationsfachkraft des Jobcenters diese Auskunft erstellt \(Grund: Ihr Antrag auf Auskunft/,
    );
    expect(de).toContain('Seit 1. März 2024 auf der Warteliste für: Integrationskurs.');

    const en = await get('en');
    expect(en).toContain('Residence permit since 10 January 2024');
    expect(en).toContain('Syria, stateless');
    expect(en).toMatch(
      /On \d{1,2} \S+ \d{4}, an integration specialist of the Jobcenter read your file \(reason:/,
    );

    const ar = await get('ar');
    expect(ar).toContain('تصريح الإقامة منذ 10 يناير 2024');
    expect(ar).toContain('سوريا، عديم الجنسية');
    expect(ar).toContain('اطّلع على ملفك أحد أخصائيي الاندماج في مركز العمل (جوب سنتر)');

    const fa = await get('fa');
    expect(fa).toContain('۱۰ ژانویهٔ ۲۰۲۴'); // Gregorian calendar, Persian digits
    expect(fa).toContain('پرونده شما را خوانده است');

    const uk = await get('uk');
    expect(uk).toContain('Дозвіл на проживання з 10 січня 2024 р.');
    expect(uk).toContain('фахівець(-чиня) з інтеграції Джобцентру переглянув(-ла) вашу справу');
  });

  it('decides access once and writes exactly one audit row per export; JSON stays for machines', async () => {
    const { db, t, s, personId } = await setup();
    const exportRows = async (outcome: 'allowed' | 'denied') =>
      (
        await db
          .selectFrom('audit_log')
          .select('id')
          .where('tenant_id', '=', t.tenantId)
          .where('person_id', '=', personId)
          .where('action', '=', 'export')
          .where('outcome', '=', outcome)
          .execute()
      ).length;
    expect(await exportRows('allowed')).toBe(0);
    for (const [i, url] of [
      `/api/persons/${personId}/export?format=html&lang=ar`,
      `/api/persons/${personId}/export?format=html&lang=uk`,
      `/api/persons/${personId}/export`,
    ].entries()) {
      const res = await env().app.inject({ method: 'GET', url, headers: as(s) });
      expect(res.statusCode).toBe(200);
      expect(await exportRows('allowed')).toBe(i + 1);
    }
    const json = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${personId}/export?format=json`,
      headers: as(s),
    });
    expect(json.headers['content-disposition']).toMatch(/attachment/);
    expect(json.json().person).toMatchObject({ given_names: 'Amina', birth_date_precision: 'year' });
    expect(json.json().accessLog.at(-1)).toMatchObject({ action: 'export', agencyKind: 'jobcenter' });

    // An advisor of another agency without the case in scope: refused, and that refusal is one row.
    const other = await login(env().app, t.users.integrationsfachkraft_aa.email);
    const refused = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${personId}/export?format=html&lang=de`,
      headers: as(other),
    });
    expect(refused.statusCode).toBe(403);
    expect(await exportRows('denied')).toBe(1);
    expect(await exportRows('allowed')).toBe(4);
  });
});
