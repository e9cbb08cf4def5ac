import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

describeEachDb('audit log', (env) => {
  const auditCount = async (personId: string, action?: string) => {
    let q = env()
      .database.db.selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId);
    if (action) q = q.where('action', '=', action);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  it('writes exactly one row for every read of a person, with who, agency and legal basis', async () => {
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t);
    const s = await login(env().app, t.users.eingangszone.email);
    const res = await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(s) });
    expect(res.statusCode).toBe(200);
    expect(await auditCount(p.id, 'read')).toBe(1);
    const row = await env()
      .database.db.selectFrom('audit_log')
      .selectAll()
      .where('person_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      user_id: t.users.eingangszone.id,
      agency_id: t.agencies.kreis,
      outcome: 'allowed',
      action: 'read',
      role: 'eingangszone',
    });
    expect(row.legal_basis).toMatch(/SGB X/);
    expect(row.request_id).toBeTruthy();
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows in the database itself', async () => {
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t);
    const s = await login(env().app, t.users.eingangszone.email);
    await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(s) });
    const db = env().database.db;
    await expect(db.deleteFrom('audit_log').where('person_id', '=', p.id).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(
      db.updateTable('audit_log').set({ action: 'nothing' }).where('person_id', '=', p.id).execute(),
    ).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    expect(await auditCount(p.id, 'read')).toBe(1);
  });

  it('shows the trail to the admin and the case owner, and refuses (and logs) everyone else', async () => {
    const t = await makeTenant(env().database.db);
    const p = await makePerson(env().database.db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
      team: 'team-jc',
    });
    const owner = await login(env().app, t.users.integrationsfachkraft.email);
    const admin = await login(env().app, t.users.admin.email);
    const desk = await login(env().app, t.users.eingangszone.email);
    await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}`, headers: as(desk) });
    const byOwner = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/audit`,
      headers: as(owner),
    });
    expect(byOwner.statusCode).toBe(200);
    expect(
      byOwner
        .json()
        .items.some(
          (i: { action: string; role: string }) => i.action === 'read' && i.role === 'eingangszone',
        ),
    ).toBe(true);
    expect(
      (await env().app.inject({ method: 'GET', url: `/api/persons/${p.id}/audit`, headers: as(admin) }))
        .statusCode,
    ).toBe(200);
    const byDesk = await env().app.inject({
      method: 'GET',
      url: `/api/persons/${p.id}/audit`,
      headers: as(desk),
    });
    expect(byDesk.statusCode).toBe(403);
    expect(await auditCount(p.id, 'read_audit')).toBe(3);
  });
});
