import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

// A caseworker who types too much gets a German message on the field, never zod's English default
// ("Too big: expected string to have <=200 characters").
describeEachDb('validation messages in German', (env) => {
  it('names the field and the limit in German', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const r = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { givenNames: 'x'.repeat(5000), familyName: 'Haddad', gender: 'f' },
    });
    expect(r.statusCode).toBe(400);
    const issues: { path: string; message: string }[] = r.json().issues;
    expect(issues).toContainEqual({ path: 'givenNames', message: 'höchstens 200 Zeichen' });
    expect(JSON.stringify(issues)).not.toMatch(/Too big|expected|Invalid|Required/);
  });
});
