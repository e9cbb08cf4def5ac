import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type Session, type TestTenant } from '../support/factories';

interface Item {
  action: string;
  outcome: string;
  user: string | null;
  person: string | null;
  ground: string | null;
  consentGivenOn: string | null;
  reason: string | null;
}

describeEachDb('audit viewer', (env) => {
  const app = () => env().app;
  const db = () => env().database.db;
  // The login route is rate limited: one session per user for the whole suite.
  const sessions = new Map<string, Promise<Session>>();
  const session = (email: string) => {
    if (!sessions.has(email)) sessions.set(email, login(app(), email));
    return sessions.get(email) as Promise<Session>;
  };
  // One region for the tests that filter by person (each makes its own person), to stay under that limit.
  let sharedTenant: Promise<TestTenant> | undefined;
  const shared = () => {
    sharedTenant ??= makeTenant(db());
    return sharedTenant;
  };

  /** A person read by the front desk (shared task), by a partner with consent and by one without. */
  async function scene(t: TestTenant) {
    const p = await makePerson(db(), t, { givenNames: 'Samira', familyName: 'Haddad' });
    await db()
      .insertInto('consent')
      .values({
        tenant_id: t.tenantId,
        person_id: p.id,
        purpose: 'beratung',
        recipient_agency_id: t.agencies.jugendamt,
        data_categories: ['identity', 'contact'],
        given_on: '2026-03-02',
      })
      .execute();
    const desk = await session(t.users.eingangszone.email);
    const youth = await session(t.users.partner_jugendamt.email);
    const volunteer = await session(t.users.partner_ehrenamt.email);
    const read = (s: typeof desk) =>
      app().inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(s) });
    expect((await read(desk)).statusCode).toBe(200);
    expect((await read(youth)).statusCode).toBe(200);
    expect((await read(volunteer)).statusCode).toBe(403);
    return p;
  }

  const get = async (t: TestTenant, url: string) => {
    const admin = await session(t.users.admin.email);
    return app().inject({ method: 'GET', url, headers: as(admin) });
  };

  it('answers who read a person: allowed on a consent with its date, allowed as shared task, denied without consent', async () => {
    const t = await shared();
    const p = await scene(t);
    const res = await get(t, `/api/audit?person=${p.id}&action=read`);
    expect(res.statusCode).toBe(200);
    const body = res.json() as { total: number; items: Item[] };
    expect(body.total).toBe(3);
    expect(body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ user: 'eingangszone', outcome: 'allowed', ground: 'shared_task' }),
        expect.objectContaining({
          user: 'partner_jugendamt',
          outcome: 'allowed',
          ground: 'consent',
          consentGivenOn: '2026-03-02',
        }),
        expect.objectContaining({ user: 'partner_ehrenamt', outcome: 'denied', reason: 'no_consent' }),
      ]),
    );
    expect(body.items.every((i) => i.person === 'Haddad, Samira')).toBe(true);
    const denied = await get(t, `/api/audit?person=${p.id}&outcome=denied`);
    expect(denied.json().items.map((i: Item) => i.user)).toEqual(['partner_ehrenamt']);
  });

  it('answers what a user did, pages, and filters by period in German days', async () => {
    const t = await makeTenant(db());
    const p = await scene(t);
    const res = await get(t, `/api/audit?user=${t.users.eingangszone.id}&limit=1`);
    const body = res.json() as { total: number; items: Item[] };
    // login + read of the person
    expect(body.total).toBe(2);
    expect(body.items).toHaveLength(1);
    const next = await get(t, `/api/audit?user=${t.users.eingangszone.id}&limit=1&offset=1`);
    expect(next.json().items).toHaveLength(1);
    expect(next.json().items[0].action).not.toBe(body.items[0].action);
    const future = await get(t, `/api/audit?person=${p.id}&from=2099-01-01&to=2099-01-31`);
    expect(future.json().total).toBe(0);
    const backwards = await get(t, `/api/audit?from=2026-05-02&to=2026-05-01`);
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().issues[0].path).toBe('query.to');
    const other = await makeTenant(db());
    const foreign = await get(t, `/api/audit?user=${other.users.eingangszone.id}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().issues[0]).toMatchObject({
      path: 'query.user',
      message: 'Benutzer nicht gefunden.',
    });
  });

  it('logs each look into the log as an act of the admin, and shows the log to the admin only', async () => {
    const t = await shared();
    const p = await scene(t);
    await get(t, `/api/audit?person=${p.id}`);
    const own = await db()
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'read_audit_log')
      .where('person_id', '=', p.id)
      .execute();
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ user_id: t.users.admin.id, person_id: p.id, outcome: 'allowed' });
    expect(own[0].legal_basis).toMatch(/Art\. 39/);
    for (const role of ['integrationsfachkraft', 'koordination']) {
      const s = await session(t.users[role].email);
      for (const url of [
        `/api/audit?person=${p.id}`,
        '/api/audit/export.csv',
        '/api/audit/persons?q=Haddad',
      ]) {
        const res = await app().inject({ method: 'GET', url, headers: as(s) });
        expect(res.statusCode, `${role} ${url}`).toBe(403);
      }
    }
  });

  it('exports CSV with German headers, German dates and the acts in words', async () => {
    const t = await shared();
    const p = await scene(t);
    const res = await get(t, `/api/audit/export.csv?person=${p.id}&action=read`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Zeitpunkt;Benutzer;Rolle;Stelle;Person;Vorgang');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d;/);
    expect(res.body).toContain('Lesen erlaubt — Einwilligung vom 02.03.2026');
    expect(res.body).toContain('Lesen verweigert — keine Einwilligung');
    expect(res.body).toContain('Lesen erlaubt — gemeinsame Aufgabe im Integration Point');
    expect(res.body).toContain(';Eingangszone;');
    expect(res.body).not.toMatch(/\d{4}-\d\d-\d\d|no_consent|eingangszone;Eingangszone;\w+_\w+/);
    const logged = await db()
      .selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'export_audit_log')
      .where('person_id', '=', p.id)
      .execute();
    expect(logged).toHaveLength(1);
  });

  it('finds a person for the picker by name in any spelling, with identity only', async () => {
    const t = await makeTenant(db());
    const p = await makePerson(db(), t, { givenNames: 'Samira', familyName: 'Haddad' });
    const res = await get(t, '/api/audit/persons?q=hadad');
    expect(res.statusCode).toBe(200);
    expect(res.json().items).toEqual([{ id: p.id, name: 'Haddad, Samira', birthYear: 1990 }]);
    const logged = await db()
      .selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'audit_person_lookup')
      .execute();
    expect(logged).toHaveLength(1);
  });
});
