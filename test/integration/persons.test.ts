import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

const valid = {
  givenNames: 'Yusuf',
  familyName: 'Haddad',
  gender: 'm',
  birthDate: '1994-03-12',
  nationalities: ['SY'],
  languages: [{ code: 'ar', level: 'muttersprache' }],
};

describeEachDb('person records', (env) => {
  it('creates a person and audits the creation', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(s),
      payload: { ...valid, nameOriginal: 'يوسف حداد' },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      givenNames: 'Yusuf',
      nameOriginal: 'يوسف حداد',
      version: 1,
      nationalities: ['SY'],
    });
    const rows = await env()
      .database.db.selectFrom('audit_log')
      .select('action')
      .where('person_id', '=', res.json().id)
      .execute();
    // One act, one row (issue 10.5): the answer of the create is not a second, unasked read.
    expect(rows.map((r) => r.action)).toEqual(['create']);
  });

  it('audits an update once, and a refused update (409) as the read of the current record it shows', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(s),
      payload: valid,
    });
    const id = created.json().id as string;
    const actions = async () =>
      (
        await env()
          .database.db.selectFrom('audit_log')
          .select('action')
          .where('person_id', '=', id)
          .orderBy('id')
          .execute()
      ).map((r) => r.action);
    const ok = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: as(s),
      payload: { phone: '+49 5221 1234', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(await actions()).toEqual(['create', 'update']);
    const stale = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: as(s),
      payload: { phone: '+49 5221 9999', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(await actions()).toEqual(['create', 'update', 'read']);
  });

  it.each([
    ['birthDate', { birthDate: '1990-02-30' }, /gültiges Datum/],
    ['birthDate', { birthDate: addDays(todayInGermany(), 1) }, /Zukunft/],
    ['nationalities.0', { nationalities: ['XY'] }, /Ländercode/],
    ['languages.0.code', { languages: [{ code: 'qq', level: 'A1' }] }, /Sprachcode/],
    ['languages.0.level', { languages: [{ code: 'de', level: 'Z9' }] }, /.+/],
    ['givenNames', { givenNames: '   ' }, /leer/],
    ['gender', { gender: 'q' }, /.+/],
  ])('answers 400 naming %s', async (path, patch, message) => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(s),
      payload: { ...valid, ...patch },
    });
    expect(res.statusCode).toBe(400);
    const issue = res.json().issues.find((i: { path: string }) => i.path === path);
    expect(issue, JSON.stringify(res.json())).toBeDefined();
    expect(issue.message).toMatch(message);
  });

  it('answers 409 with the current version when two people edit the same person, losing nothing', async () => {
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t);
    const a = await login(env().app, t.users.eingangszone.email);
    const first = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      headers: as(a),
      payload: { version: 1, phone: '+49 5221 1234' },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const second = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}`,
      headers: as(a),
      payload: { version: 1, phone: '+49 5221 9999' },
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().current).toMatchObject({ version: 2, contact: { phone: '+49 5221 1234' } });
  });

  // Issue 8, defect 1: the update schema kept the create schema's defaults, so a PATCH of the phone
  // alone emptied nationalities, spellings and languages and reset a year-only birth date to "day".
  it.each([
    ['phone', { phone: '+49 5221 4711' }],
    ['languages', { languages: [{ code: 'de', level: 'A2' }] }],
    ['address', { address: 'Hauptstraße 1, 32052 Herford' }],
  ])('a PATCH of %s alone changes that field alone', async (field, change) => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const created = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(s),
      payload: {
        ...valid,
        birthDate: '1984-01-01',
        birthDatePrecision: 'year',
        nameVariants: ['Yousef Hadad', 'Jusuf Haddad'],
      },
    });
    expect(created.statusCode).toBe(201);
    const before = created.json();
    const res = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${before.id}`,
      headers: as(s),
      payload: { version: before.version, ...change },
    });
    expect(res.statusCode).toBe(200);
    const after = res.json();
    for (const key of [
      'nationalities',
      'nameVariants',
      'birthDate',
      'birthDatePrecision',
      'givenNames',
      'familyName',
      'gender',
    ]) {
      expect(after[key], key).toEqual(before[key]);
    }
    if (field !== 'languages') expect(after.languages).toEqual(before.languages);
    else expect(after.languages).toEqual([{ code: 'de', level: 'A2' }]);
    expect(after.version).toBe(before.version + 1);
  });

  it('finds people by a fuzzy name, by number and with paging', async () => {
    const t = await makeTenant(env().database.db);
    await makePerson(env().database.db, t, {
      givenNames: 'Muhammad',
      familyName: 'Al-Hassan',
      azrNumber: '123456789',
    });
    await makePerson(env().database.db, t, {
      givenNames: 'Olena',
      familyName: 'Kovalenko',
      nationalities: ['UA'],
    });
    const s = await login(env().app, t.users.eingangszone.email);
    const byName = await env().app.inject({
      method: 'GET',
      url: `/api/persons?q=${encodeURIComponent('Hasan')}`,
      headers: as(s),
    });
    expect(byName.json().items.map((i: { familyName: string }) => i.familyName)).toEqual(['Al-Hassan']);
    const byNumber = await env().app.inject({
      method: 'GET',
      url: '/api/persons?number=123456789',
      headers: as(s),
    });
    expect(byNumber.json().total).toBe(1);
    const page = await env().app.inject({
      method: 'GET',
      url: '/api/persons?limit=1&offset=1',
      headers: as(s),
    });
    expect(page.json()).toMatchObject({ total: 2 });
    expect(page.json().items).toHaveLength(1);
  });
});

describeEachDb('name keys stay in step with the key function', (env) => {
  it('rebuilds stored keys when their fingerprint differs, and not again after that', async () => {
    const { ensureNameKeys, nameKeysFingerprint } = await import('../../src/server/modules/persons/reindex');
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, { givenNames: 'Yusuf', familyName: 'Haddad' });
    await db.deleteFrom('person_name_key').where('person_id', '=', p.id).execute();
    await db
      .insertInto('app_meta')
      .values({ key: 'name_keys', value: 'outdated' })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: 'outdated' }))
      .execute();
    expect(await ensureNameKeys(db)).toBeGreaterThan(0);
    expect(
      (
        await db
          .selectFrom('app_meta')
          .select('value')
          .where('key', '=', 'name_keys')
          .executeTakeFirstOrThrow()
      ).value,
    ).toBe(nameKeysFingerprint());
    expect(await ensureNameKeys(db)).toBe(0);
    const s = await login(env().app, t.users.eingangszone.email);
    const found = await env().app.inject({ method: 'GET', url: '/api/persons?q=Youssef', headers: as(s) });
    expect(found.json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });
});
