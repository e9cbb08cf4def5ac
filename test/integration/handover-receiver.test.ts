import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

describeEachDb('handover: who may receive a case', (env) => {
  it('refuses a case handover to an employer (400 on the field, German), allows a referral there', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t);
    const desk = await login(env().app, t.users.eingangszone.email);
    const send = (kind: string, toAgencyId: string) =>
      env().app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/handovers`,
        headers: as(desk),
        payload: { kind, toAgencyId, reason: 'Übergabe nach Erstgespräch' },
      });
    for (const kind of ['case', 'rechtskreiswechsel', 'exit']) {
      for (const agency of ['arbeitgeber', 'ehrenamt', 'bildungstraeger'] as const) {
        const res = await send(kind, t.agencies[agency]);
        expect(res.statusCode, `${kind} → ${agency}`).toBe(400);
        expect(res.json().issues).toEqual([
          { path: 'toAgencyId', message: expect.stringMatching(/kann keinen Fall übernehmen/) },
        ]);
      }
    }
    const none = await db.selectFrom('handover').select('id').where('person_id', '=', p.id).execute();
    expect(none).toHaveLength(0);
    expect((await send('referral', t.agencies.arbeitgeber)).statusCode).toBe(201);
    expect((await send('case', t.agencies.jobcenter)).statusCode).toBe(201);
  });
});
