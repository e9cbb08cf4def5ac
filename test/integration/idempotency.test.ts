import { expect, it } from 'vitest';
import { describeEachDb, type TestEnv } from '../support/databases';
import { as, login, makeTenant, type Session, type TestTenant } from '../support/factories';

const body = { givenNames: 'Yusuf', familyName: 'Haddad', gender: 'm', birthDate: '1994-03-12' };

const create = (env: TestEnv, s: Session, payload: object, key?: string) =>
  env.app.inject({
    method: 'POST',
    url: '/api/persons',
    headers: { ...as(s), ...(key ? { 'idempotency-key': key } : {}) },
    payload,
  });

async function personsNamed(env: TestEnv, t: TestTenant, familyName: string) {
  return env.database.db
    .selectFrom('person')
    .select('id')
    .where('tenant_id', '=', t.tenantId)
    .where('family_name', '=', familyName)
    .execute();
}

describeEachDb('Idempotency-Key on creating a person', (env) => {
  it('creates once when the same form is sent twice, one after the other and at the same time', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const first = await create(env(), desk, body, 'intake-0001-a');
    const again = await create(env(), desk, body, 'intake-0001-a');
    expect(first.statusCode, first.body).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await personsNamed(env(), t, 'Haddad')).toHaveLength(1);
    const audits = await env()
      .database.db.selectFrom('audit_log')
      .select('id')
      .where('tenant_id', '=', t.tenantId)
      .where('entity', '=', 'person')
      .where('action', '=', 'create')
      .execute();
    expect(audits).toHaveLength(1);

    const twice = { ...body, familyName: 'Doppelklick' };
    const answers = await Promise.all([1, 2, 3].map(() => create(env(), desk, twice, 'intake-0002-b')));
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(await personsNamed(env(), t, 'Doppelklick')).toHaveLength(1);

    // Without a key every request creates (as before).
    await create(env(), desk, { ...body, familyName: 'Ohne' });
    await create(env(), desk, { ...body, familyName: 'Ohne' });
    expect(await personsNamed(env(), t, 'Ohne')).toHaveLength(2);
  });

  it('answers 422 for the same key with a different body, and lets a corrected form through after a 400', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    expect((await create(env(), desk, body, 'intake-0003-c')).statusCode).toBe(201);
    const other = await create(env(), desk, { ...body, familyName: 'Anders' }, 'intake-0003-c');
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      error: 'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
      issues: [{ path: 'headers.idempotency-key' }],
    });
    expect(await personsNamed(env(), t, 'Anders')).toHaveLength(0);

    const bad = await create(env(), desk, { ...body, familyName: '' }, 'intake-0004-d');
    expect(bad.statusCode).toBe(400);
    const fixed = await create(env(), desk, { ...body, familyName: 'Korrigiert' }, 'intake-0004-d');
    expect(fixed.statusCode, fixed.body).toBe(201);
    expect(fixed.headers['idempotent-replayed']).toBeUndefined();

    const short = await create(env(), desk, body, 'kurz');
    expect(short.statusCode).toBe(400);
    expect(short.json().issues[0].path).toBe('headers.idempotency-key');
  });

  it('keeps keys per user: another user with the same key gets no replay of someone else’s answer', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const advisor = await login(env().app, t.users.integrationsfachkraft.email);
    const a = await create(env(), desk, body, 'shared-key-0005');
    const b = await create(env(), advisor, body, 'shared-key-0005');
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(b.headers['idempotent-replayed']).toBeUndefined();
    expect(b.json().id).not.toBe(a.json().id);
  });
});
