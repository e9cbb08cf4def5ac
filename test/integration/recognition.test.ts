import { expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// Recognition of foreign qualifications: the three-month decision period (BQFG) becomes a task in the
// advisor's inbox when it has passed; a decision closes it.

describeEachDb('recognition procedures', (env) => {
  it('tracks the decision deadline, puts an overdue decision in the inbox and closes it with the decision', async () => {
    const { app } = env();
    const db = env().database.db;
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const s = await login(app, t.users.integrationsfachkraft.email);
    const today = todayInGermany();
    const created = await app.inject({
      method: 'POST',
      url: `/api/persons/${p.id}/recognitions`,
      headers: as(s),
      payload: {
        qualification: 'Bachelor of Nursing (Damaskus)',
        country: 'SY',
        referenceOccupation: 'Pflegefachfrau / Pflegefachmann',
        regulated: true,
        authority: 'Bezirksregierung Münster',
        status: 'complete',
        appliedOn: addDays(today, -150),
        completeOn: addDays(today, -120),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const r = created.json();
    expect(r).toMatchObject({ overdue: true, legalBasis: '§ 14 Abs. 3 BQFG' });
    expect(r.decisionDueOn < today).toBe(true);

    const inbox = await app.inject({ method: 'GET', url: '/api/tasks?urgency=overdue', headers: as(s) });
    const task = inbox.json().items.find((i: { kind: string }) => i.kind === 'recognition_decision_overdue');
    expect(task).toMatchObject({ legalBasis: '§ 14 Abs. 3 BQFG', eventOn: r.decisionDueOn });
    expect(task.title).toMatch(/Entscheidung überfällig/);

    const noResult = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}/recognitions/${r.id}`,
      headers: as(s),
      payload: { version: r.version, decisionOn: today },
    });
    expect(noResult.statusCode).toBe(400);
    expect(noResult.json().issues[0].path).toBe('result');

    const decided = await app.inject({
      method: 'PATCH',
      url: `/api/persons/${p.id}/recognitions/${r.id}`,
      headers: as(s),
      payload: {
        version: r.version,
        decisionOn: today,
        result: 'partial',
        status: 'decided',
        adaptationMeasure: 'Anpassungslehrgang 6 Monate',
      },
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ overdue: false, decisionDueOn: null });
    const after = await app.inject({ method: 'GET', url: '/api/tasks?urgency=overdue', headers: as(s) });
    expect(after.json().items.some((i: { kind: string }) => i.kind === 'recognition_decision_overdue')).toBe(
      false,
    );
  });
});
