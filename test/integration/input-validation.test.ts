import { randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { knownErrorAnswer } from '../../src/server/http/known-errors';
import { describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

const person = {
  givenNames: 'Yusuf',
  familyName: 'Haddad',
  gender: 'm',
  birthDate: '1994-03-12',
};

async function municipalityOf(env: TestEnv, t: TestTenant, name = 'Herford') {
  return env.database.db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name, ags: '05758012', lat: 52.1146, lon: 8.6734 })
    .returning('id')
    .executeTakeFirstOrThrow();
}

describeEachDb('bad input is a 400 with the field path, never a 500', (env) => {
  it('refuses control characters (NUL …) in search, names and CSV cells, naming the field', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const advisor = await login(env().app, t.users.sprachberatung.email);
    const search = await env().app.inject({
      method: 'GET',
      url: '/api/persons?q=Has%00san',
      headers: as(desk),
    });
    expect(search.statusCode, search.body).toBe(400);
    expect(search.json().issues).toEqual([
      { path: 'query.q', message: 'enthält ein unzulässiges Steuerzeichen' },
    ]);

    const create = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...person, familyName: 'Had\u0000dad', nameVariants: ['ok', 'x\u0007'] },
    });
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'familyName',
      'nameVariants.1',
    ]);

    const csv = await env().app.inject({
      method: 'POST',
      url: '/api/courses/import/preview',
      headers: as(advisor),
      payload: { format: 'csv', content: 'Kursnummer;Ort\nK1;Herford\nK2;Her\u0000ford' },
    });
    expect(csv.statusCode, csv.body).toBe(400);
    expect(csv.json().issues[0]).toEqual({
      path: 'content',
      message: 'enthält ein unzulässiges Steuerzeichen (Zeile 3)',
    });
    // Tabs and line breaks are ordinary text.
    const tabs = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...person, address: 'Hauptstr. 1\r\n32052 Herford\t(Hinterhaus)' },
    });
    expect(tabs.statusCode, tabs.body).toBe(201);
  });

  it('answers 400 with the field for an unknown municipalityId or memberPersonId', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const unknown = randomUUID();
    const create = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...person, municipalityId: unknown, wohnsitzauflageMunicipalityId: unknown },
    });
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json().issues).toEqual([
      { path: 'municipalityId', message: 'unbekannte Kommune in dieser Region' },
      { path: 'wohnsitzauflageMunicipalityId', message: 'unbekannte Kommune in dieser Region' },
    ]);
    const p = await makePerson(env().database.db, t);
    const member = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/household`,
      headers: as(desk),
      payload: { relation: 'partner', givenNames: 'Amina', memberPersonId: unknown },
    });
    expect(member.statusCode, member.body).toBe(400);
    expect(member.json().issues).toEqual([
      { path: 'memberPersonId', message: 'unbekannte Person in dieser Region' },
    ]);
    const self = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/household`,
      headers: as(desk),
      payload: { relation: 'partner', givenNames: 'Amina', memberPersonId: p.id },
    });
    expect(self.statusCode).toBe(400);
    expect(self.json().issues[0].path).toBe('memberPersonId');
  });

  it('maps a foreign-key refusal of the database to 400 with the field (the net under the service checks)', async () => {
    const t = await makeTenant(env().database.db);
    const err = await env()
      .database.db.insertInto('person')
      .values({
        tenant_id: t.tenantId,
        given_names: 'A',
        family_name: 'B',
        gender: 'm',
        municipality_id: randomUUID(),
      } as never)
      .execute()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeDefined();
    expect(knownErrorAnswer(err)).toMatchObject({
      status: 400,
      body: { issues: [{ path: 'municipalityId', message: expect.stringMatching(/unbekannt/) }] },
    });
  });

  it('filters the waitlist by any course type without a 500', async () => {
    const t = await makeTenant(env().database.db);
    const advisor = await login(env().app, t.users.sprachberatung.email);
    for (const v of ['ik_allgemein', 'gibt-es-nicht', "x'; DROP TABLE person; --", '']) {
      const res = await env().app.inject({
        method: 'GET',
        url: `/api/waitlist?courseType=${encodeURIComponent(v)}`,
        headers: as(advisor),
      });
      expect(res.statusCode, `${v}: ${res.body}`).toBe(200);
      expect(res.json().items).toEqual([]);
    }
  });
});

describeEachDb('foreign ids stay inside the tenant', (env) => {
  it('refuses a municipality, Wohnsitzauflage, household member or consent recipient of another tenant', async () => {
    const db = env().database.db;
    const [mine, other] = [await makeTenant(db), await makeTenant(db)];
    const desk = await login(env().app, mine.users.eingangszone.email);
    const foreignTown = await municipalityOf(env(), other, 'Bielefeld');
    const ownTown = await municipalityOf(env(), mine);
    const foreignPerson = await makePerson(db, other);

    const create = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...person, municipalityId: foreignTown.id, wohnsitzauflageMunicipalityId: ownTown.id },
    });
    expect(create.statusCode, create.body).toBe(400);
    expect(create.json().issues).toEqual([
      { path: 'municipalityId', message: 'unbekannte Kommune in dieser Region' },
    ]);

    const ok = await env().app.inject({
      method: 'POST',
      url: '/api/persons',
      headers: as(desk),
      payload: { ...person, municipalityId: ownTown.id },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const id = ok.json().id as string;
    const patch = await env().app.inject({
      method: 'PATCH',
      url: `/api/persons/${id}`,
      headers: as(desk),
      payload: { version: 1, wohnsitzauflageMunicipalityId: foreignTown.id },
    });
    expect(patch.statusCode, patch.body).toBe(400);
    expect(patch.json().issues).toEqual([
      { path: 'wohnsitzauflageMunicipalityId', message: 'unbekannte Kommune in dieser Region' },
    ]);
    const stored = await db
      .selectFrom('person')
      .select(['wohnsitzauflage_municipality_id', 'version'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({ wohnsitzauflage_municipality_id: null, version: 1 });

    const member = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${id}/household`,
      headers: as(desk),
      payload: { relation: 'partner', givenNames: 'Amina', memberPersonId: foreignPerson.id },
    });
    expect(member.statusCode, member.body).toBe(400);
    expect(member.json().issues).toEqual([
      { path: 'memberPersonId', message: 'unbekannte Person in dieser Region' },
    ]);

    const consent = await env().app.inject({
      method: 'POST',
      url: `/api/persons/${id}/consents`,
      headers: as(desk),
      payload: {
        purpose: 'leistungsgewaehrung',
        recipientAgencyId: other.agencies.sozialamt,
        dataCategories: ['identity'],
        givenOn: todayInGermany(),
      },
    });
    expect(consent.statusCode, consent.body).toBe(400);
    expect(consent.json().issues).toEqual([
      { path: 'recipientAgencyId', message: 'unbekannte Stelle in dieser Region' },
    ]);
    const rows = await db.selectFrom('household_member').select('id').where('person_id', '=', id).execute();
    expect(rows).toEqual([]);
  });
});

/** Holds a row lock on the consent until both withdrawals wait for it: both have read "not withdrawn" by then. */
async function withdrawalsMeetingAtTheRow(
  url: string,
  consentId: string,
  send: () => Promise<LightMyRequestResponse>[],
) {
  const locker = new pg.Client({ connectionString: url });
  await locker.connect();
  try {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM consent WHERE id = $1 FOR UPDATE', [consentId]);
    const answers = Promise.all(send());
    for (let i = 0; i < 200; i++) {
      // Inside a transaction the activity view is a snapshot: clear it to see the requests arrive.
      await locker.query('SELECT pg_stat_clear_snapshot()');
      const r = await locker.query(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database() AND query ILIKE 'update%consent%'",
      );
      if (r.rows[0].n >= 2) break;
      await new Promise((res) => setTimeout(res, 50));
    }
    await locker.query('COMMIT');
    return await answers;
  } finally {
    await locker.end();
  }
}

describeEachDb('consent withdrawal under concurrency', (env, target) => {
  it('simultaneous withdrawals: one 200, the others 409, one audit row', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t);
    const desk = await login(env().app, t.users.eingangszone.email);
    for (let trial = 0; trial < 3; trial++) {
      const given = await env().app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/consents`,
        headers: as(desk),
        payload: {
          purpose: 'leistungsgewaehrung',
          recipientAgencyId: t.agencies.sozialamt,
          dataCategories: ['identity'],
          givenOn: addDays(todayInGermany(), -10 - trial),
        },
      });
      expect(given.statusCode).toBe(201);
      const consentId = (given.json() as { id: string; withdrawnOn: string | null }[]).find(
        (c) => !c.withdrawnOn,
      )!.id;
      const withdraw = () =>
        env().app.inject({
          method: 'POST',
          url: `/api/persons/${p.id}/consents/${consentId}/withdraw`,
          headers: as(desk),
          payload: {},
        });
      // PGlite runs one statement at a time; on the PostgreSQL server both requests meet at the row lock.
      const answers = target.url
        ? [
            ...(await withdrawalsMeetingAtTheRow(target.url, consentId, () => [withdraw(), withdraw()])),
            ...(await Promise.all([withdraw(), withdraw()])),
          ]
        : await Promise.all([withdraw(), withdraw(), withdraw(), withdraw()]);
      expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409, 409]);
      const refused = answers.find((a) => a.statusCode === 409)!;
      expect(refused.json().error).toMatch(
        /^Die Einwilligung wurde schon am \d\d\.\d\d\.\d{4} widerrufen\.$/,
      );
      const audits = await db
        .selectFrom('audit_log')
        .select('id')
        .where('tenant_id', '=', t.tenantId)
        .where('action', '=', 'withdraw')
        .where('consent_id', '=', consentId)
        .execute();
      expect(audits).toHaveLength(1);
    }
  });
});
