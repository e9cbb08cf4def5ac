import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

interface ListAnswer {
  total: number;
  elsewhere: number;
  items: { id: string; familyName: string; birthDate: string | null }[];
}

describeEachDb('person search: hits elsewhere and birth years', (env) => {
  const app = () => env().app;
  const db = () => env().database.db;
  let tenant: Promise<TestTenant> | undefined;
  const sessions = new Map<string, Promise<Session>>();
  const shared = () => {
    tenant ??= (async () => {
      const t = await makeTenant(db());
      const jc = { ownerAgencyId: t.agencies.jobcenter, team: 'team-jc' };
      const aa = { ownerAgencyId: t.agencies.agentur_fuer_arbeit, team: 'team-aa' };
      await makePerson(db(), t, { familyName: 'Haddad', givenNames: 'Samira', ...jc });
      await makePerson(db(), t, { familyName: 'Haddad', givenNames: 'Omar', ...aa });
      await makePerson(db(), t, { familyName: 'Haddad', givenNames: 'Lina', ...aa });
      await makePerson(db(), t, {
        familyName: 'Jahrmann',
        givenNames: 'Nur',
        birthDate: '1984-01-01',
        birthDatePrecision: 'year',
      });
      await makePerson(db(), t, {
        familyName: 'Tagmann',
        givenNames: 'Amir',
        birthDate: '1984-03-15',
        birthDatePrecision: 'day',
      });
      await makePerson(db(), t, {
        familyName: 'Monatsmann',
        givenNames: 'Ali',
        birthDate: '1984-03-01',
        birthDatePrecision: 'month',
      });
      await makePerson(db(), t, {
        familyName: 'Spaeter',
        givenNames: 'Rami',
        birthDate: '1985-06-30',
        birthDatePrecision: 'day',
      });
      return t;
    })();
    return tenant;
  };
  const search = async (who: string, query: string) => {
    const t = await shared();
    const email = t.users[who].email;
    if (!sessions.has(email)) sessions.set(email, login(app(), email));
    const s = (await sessions.get(email)) as Session;
    return app().inject({ method: 'GET', url: `/api/persons?${query}`, headers: as(s) });
  };
  const names = (a: ListAnswer) => a.items.map((i) => i.familyName).sort();

  it('says how many hits lie with other agencies — the number only, for a named search by IP staff', async () => {
    const res = await search('integrationsfachkraft', 'q=Haddad');
    expect(res.statusCode).toBe(200);
    const body = res.json() as ListAnswer;
    expect(body.total).toBe(1);
    expect(body.elsewhere).toBe(2);
    expect(res.body).not.toMatch(/Omar|Lina/);
    // A bare list would tell the size of other agencies' caseloads: no count there.
    expect(((await search('integrationsfachkraft', '')).json() as ListAnswer).elsewhere).toBe(0);
    // Whoever sees the whole region has nothing hidden; a partner agency learns nothing without consent.
    const desk = (await search('eingangszone', 'q=Haddad')).json() as ListAnswer;
    expect([desk.total, desk.elsewhere]).toEqual([3, 0]);
    const partner = (await search('partner_jugendamt', 'q=Haddad')).json() as ListAnswer;
    expect([partner.total, partner.elsewhere]).toEqual([0, 0]);
    const t = await shared();
    const logged = await db()
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'search')
      .where('user_id', '=', t.users.integrationsfachkraft.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(logged.details).toMatchObject({ results: 1, elsewhere: 2 });
  });

  it('finds a person known only by the birth year, by "1984" in the name field or a year-only date', async () => {
    const byQ = (await search('eingangszone', 'q=1984')).json() as ListAnswer;
    expect(names(byQ)).toEqual(['Jahrmann', 'Monatsmann', 'Tagmann']);
    const byYear = (await search('eingangszone', 'birthDate=1984')).json() as ListAnswer;
    expect(names(byYear)).toEqual(['Jahrmann', 'Monatsmann', 'Tagmann']);
    const withName = (await search('eingangszone', 'q=Jahrmann%201984')).json() as ListAnswer;
    expect(names(withName)).toEqual(['Jahrmann']);
  });

  it('matches a full birth date against persons known only by its month or year', async () => {
    const day = (await search('eingangszone', 'birthDate=1984-03-15')).json() as ListAnswer;
    expect(names(day)).toEqual(['Jahrmann', 'Monatsmann', 'Tagmann']);
    const otherDay = (await search('eingangszone', 'birthDate=1984-07-02')).json() as ListAnswer;
    expect(names(otherDay)).toEqual(['Jahrmann']);
    const month = (await search('eingangszone', 'birthDate=1984-03')).json() as ListAnswer;
    expect(names(month)).toEqual(['Jahrmann', 'Monatsmann', 'Tagmann']);
    const bad = await search('eingangszone', 'birthDate=84');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0]).toMatchObject({ path: 'query.birthDate' });
    expect(bad.json().issues[0].message).toMatch(/Geburtsdatum/);
  });
});
