import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// Consequential defaults are explicit choices: who leads a case after the Rechtskreiswechsel is not
// presumed. Left out, the Jobcenter assigns the advisor; "keeps the case" only when chosen.
describeEachDb('explicit choices', (env) => {
  it('does not keep the advisor across a switch into SGB II unless that was chosen', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft_aa.id,
      ownerAgencyId: t.agencies.agentur_fuer_arbeit,
      team: 'team-aa',
      entryDate: '2024-03-01',
    });
    const aa = await login(env().app, t.users.integrationsfachkraft_aa.email);
    const post = (payload: Record<string, unknown>) =>
      env().app.inject({
        method: 'POST',
        url: `/api/persons/${p.id}/residence-status`,
        headers: as(aa),
        payload,
      });
    expect(
      (
        await post({
          kind: 'gestattung',
          since: '2024-03-05',
          asylumApplicationDate: '2024-03-05',
          asylumDecision: 'pending',
          livesInReceptionCentre: false,
        })
      ).statusCode,
    ).toBe(201);
    const switched = await post({
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      since: '2025-02-10',
      until: '2028-02-09',
      asylumDecision: 'recognised',
      asylumDecisionDate: '2025-01-20',
    });
    expect(switched.statusCode).toBe(201);
    const handoverId = switched.json().rechtskreisChange.handoverId;
    const h = await db
      .selectFrom('handover')
      .select(['keep_advisor', 'to_user_id'])
      .where('id', '=', handoverId)
      .executeTakeFirstOrThrow();
    expect(h).toEqual({ keep_advisor: false, to_user_id: null });
  });
});
