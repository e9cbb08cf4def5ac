import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { hasPermission, ROLES } from '../../src/domain/access/roles';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant, type Session } from '../support/factories';

// Generated from the app's own route table: a new route is covered the moment it is registered.
describeEachDb('every API route is closed without a session and without the permission', (env) => {
  const fill = (url: string) => url.replace(/:(\w+)/g, () => randomUUID());

  it('answers 401 without a session on every non-public route', async () => {
    const routes = env().app.routeTable.filter((r) => !r.access.public);
    expect(routes.length).toBeGreaterThan(8);
    for (const r of routes) {
      const res = await env().app.inject({
        method: r.method as 'GET',
        url: fill(r.url),
        payload: r.method === 'GET' ? undefined : {},
      });
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(401);
    }
  });

  it('answers 403 for every role that lacks the route permission', async () => {
    const t = await makeTenant(env().database.db);
    const sessions = new Map<string, Session>();
    for (const role of ROLES) sessions.set(role, await login(env().app, t.users[role].email));
    let checked = 0;
    for (const r of env().app.routeTable.filter((x) => x.access.permission)) {
      for (const role of ROLES.filter((x) => !hasPermission(x, r.access.permission!))) {
        const res = await env().app.inject({
          method: r.method as 'GET',
          url: fill(r.url),
          headers: as(sessions.get(role)!),
          payload: r.method === 'GET' ? undefined : {},
        });
        expect(res.statusCode, `${role}: ${r.method} ${r.url}`).toBe(403);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('declares every personal-data route as such, with a permission or an owner check', async () => {
    const personal = env().app.routeTable.filter((r) => r.url.includes('/persons'));
    for (const r of personal) expect(r.access.personal, `${r.method} ${r.url}`).toBe(true);
  });
});
