import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

describeEachDb('system routes and error mapping', (env, target) => {
  it('answers health with the database kind', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', db: target.name });
    expect(res.json().version).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('publishes an OpenAPI 3 document that lists every /api route of the route table', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    for (const r of env().app.routeTable.filter((x) => x.url !== '/api/openapi.json')) {
      const path = r.url.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[r.method.toLowerCase()], `${r.method} ${r.url}`).toBeDefined();
    }
  });

  it('answers unknown API routes with 404 JSON', async () => {
    const res = await env().app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
  });

  it('answers malformed JSON and oversized bodies with 4xx, never 500', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const bad = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { ...as(s), 'content-type': 'application/json' },
      payload: '{"givenNames": ',
    });
    expect(bad.statusCode).toBe(400);
    const big = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: { ...as(s), 'content-type': 'application/json' },
      payload: JSON.stringify({ givenNames: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(big.statusCode).toBe(413);
  });

  it('names the field of a validation error', async () => {
    const t = await makeTenant(env().database.db);
    const s = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({ method: 'GET', url: '/api/persons?limit=5000', headers: as(s) });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('query.limit');
  });
});
