import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

describeEachDb('GET /api/occupations/search', (env) => {
  it('answers ESCO occupations best first for any signed-in role, with the ESCO notice', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.arbeitgeberservice.email);
    const res = await env().app.inject({
      method: 'GET',
      url: `/api/occupations/search?q=${encodeURIComponent('Lkw Fahrerin')}&lang=de&limit=3`,
      headers: as(s),
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.items).toHaveLength(3);
    expect(body.items[0]).toMatchObject({
      isco: '8332',
      label: 'Lastkraftwagenfahrer/Lastkraftwagenfahrerin',
      score: 1,
    });
    expect(body.notice).toBe('This service uses the ESCO classification of the European Commission.');
  });

  it('refuses without a session, and names the field of bad input in German', async () => {
    expect(
      (await env().app.inject({ method: 'GET', url: '/api/occupations/search?q=Koch' })).statusCode,
    ).toBe(401);
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({
      method: 'GET',
      url: '/api/occupations/search?q=&lang=xx',
      headers: as(s),
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['query.q', 'query.lang']));
  });
});
