import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { DB } from '../../src/db/schema';
import { loadTenantTables, tenantGuard } from '../../src/db/tenant-guard';
import type { AgencyKind } from '../../src/domain/access/agencies';
import type { Actor } from '../../src/domain/access/person-access';
import type { Role } from '../../src/domain/access/roles';
import { HttpError } from '../../src/server/http/errors';
import { type AccessIds, requireAccess } from '../../src/server/modules/access';
import { describeEachDb } from '../support/databases';
import { makePerson, makeTenant, type TestTenant } from '../support/factories';

/** The actor of a test user, as the access hook builds it from the session. */
function actorOf(t: TestTenant, key: string, role: Role, agencyKind: AgencyKind, team: string | null): Actor {
  const u = t.users[key];
  return { userId: u.id, tenantId: t.tenantId, agencyId: u.agencyId, agencyKind, role, team };
}

/** A course of the tenant's Bildungsträger, a handover of the person and a finished allocation run. */
async function thingsOf(db: Kysely<DB>, t: TestTenant, personId: string) {
  const m = await db
    .insertInto('municipality')
    .values({ tenant_id: t.tenantId, name: 'Herford', ags: '05758012', lat: 52.11, lon: 8.67 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const place = await db
    .insertInto('course_place')
    .values({
      tenant_id: t.tenantId,
      kind: 'municipality',
      name: 'Herford',
      municipality_id: m.id,
      lat: 52.11,
      lon: 8.67,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const provider = await db
    .insertInto('course_provider')
    .values({ tenant_id: t.tenantId, agency_id: t.agencies.bildungstraeger })
    .returning('id')
    .executeTakeFirstOrThrow();
  const course = await db
    .insertInto('course')
    .values({
      tenant_id: t.tenantId,
      provider_id: provider.id,
      place_id: place.id,
      ref: 'IK-1',
      course_type: 'allgemein',
      entry_levels: ['A1'],
      target_level: 'B1',
      hours: 700,
      schedule: null,
      start_date: '2026-01-05',
      end_date: null,
      seats: 20,
      created_by: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const handover = await db
    .insertInto('handover')
    .values({
      tenant_id: t.tenantId,
      person_id: personId,
      kind: 'case',
      state: 'requested',
      from_agency_id: t.agencies.jobcenter,
      from_user_id: t.users.integrationsfachkraft.id,
      to_agency_id: t.agencies.agentur_fuer_arbeit,
      to_user_id: null,
      reason: 'Wechsel in die Arbeitsvermittlung',
      decision_reason: null,
      record: '{}',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const run = await db
    .insertInto('allocation_run')
    .values({
      tenant_id: t.tenantId,
      as_of: '2026-01-01',
      params: '{}',
      input_hash: 'x',
      instance: '{}',
      state: 'failed',
      error: null,
      created_by: null,
      confirmed_by: null,
      confirmed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { courseId: course.id, handoverId: handover.id, runId: run.id };
}

describeEachDb('requireAccess: one guard for persons, courses, handovers and allocation runs', (env) => {
  it('answers 403 without the permission, 404 for another region, 403 outside the scope, and passes in scope', async () => {
    const raw = env().database.db;
    // The guard runs on the guarded database, as the app does: every statement names the tenant.
    const db = raw.withPlugin(
      tenantGuard(await loadTenantTables(raw), (v) => {
        throw new Error(`statement without tenant_id: ${v.sql}`);
      }),
    );
    const a = await makeTenant(raw);
    const b = await makeTenant(raw);
    // Two cases of the Jobcenter team, one of the Arbeitsagentur's team; one case in the other region.
    const mine = await makePerson(raw, a, {
      ownerUserId: a.users.integrationsfachkraft.id,
      ownerAgencyId: a.agencies.jobcenter,
      team: 'team-jc',
    });
    const mine2 = await makePerson(raw, a, {
      ownerUserId: a.users.integrationsfachkraft.id,
      ownerAgencyId: a.agencies.jobcenter,
      team: 'team-jc',
    });
    const theirs = await makePerson(raw, a, {
      ownerUserId: a.users.integrationsfachkraft_aa.id,
      ownerAgencyId: a.agencies.agentur_fuer_arbeit,
      team: 'team-aa',
    });
    const elsewhere = await makePerson(raw, b);
    const inA = await thingsOf(raw, a, mine.id);
    const inB = await thingsOf(raw, b, elsewhere.id);

    const advisor = actorOf(a, 'integrationsfachkraft', 'integrationsfachkraft', 'jobcenter', 'team-jc');
    const admin = actorOf(a, 'admin', 'admin', 'kreis', null);
    const provider = actorOf(a, 'partner_bildungstraeger', 'partner', 'bildungstraeger', null);
    const sozialamt = actorOf(a, 'partner', 'partner', 'sozialamt', null);
    const language = actorOf(a, 'sprachberatung', 'sprachberatung', 'jobcenter', 'team-jc');

    const status = async (actor: Actor, permission: Parameters<typeof requireAccess>[2], ids: AccessIds) => {
      try {
        await requireAccess(db, actor, permission, ids, { action: 'test_access' });
        return 200;
      } catch (e) {
        if (e instanceof HttpError) return e.statusCode;
        throw e;
      }
    };

    // The permission first: the administration manages accounts, not cases; a Sozialamt is no course provider.
    expect(await status(admin, 'person:read', { personIds: [mine.id] })).toBe(403);
    expect(await status(admin, 'handover:manage', { handoverIds: [inA.handoverId] })).toBe(403);
    expect(await status(sozialamt, 'courses:read', { courseIds: [inA.courseId] })).toBe(403);

    // Another region's ids are not found — whatever else is named with them.
    expect(await status(advisor, 'person:read', { personIds: [mine.id, elsewhere.id] })).toBe(404);
    expect(await status(advisor, 'courses:read', { courseIds: [inB.courseId] })).toBe(404);
    expect(await status(advisor, 'handover:manage', { handoverIds: [inB.handoverId] })).toBe(404);
    expect(await status(advisor, 'allocation:run', { runIds: [inA.runId] })).toBe(403);
    expect(await status(language, 'allocation:run', { runIds: [inA.runId, inB.runId] })).toBe(404);
    // A provider reaches its own courses only; another provider's course is not found.
    expect(await status(provider, 'courses:read', { courseIds: [inA.courseId] })).toBe(200);
    const otherAgency = await raw
      .insertInto('agency')
      .values({ tenant_id: a.tenantId, kind: 'bildungstraeger', name: `Andere Schule ${a.tenantId}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await raw
      .updateTable('course_provider')
      .set({ agency_id: otherAgency.id })
      .where('tenant_id', '=', a.tenantId)
      .execute();
    expect(await status(provider, 'courses:read', { courseIds: [inA.courseId] })).toBe(404);

    // A case of another team is outside the advisor's scope: 403, as the person read answers, audited as denied.
    expect(await status(advisor, 'person:read', { personIds: [mine.id, theirs.id] })).toBe(403);
    const denied = await raw
      .selectFrom('audit_log')
      .select(['person_id', 'outcome'])
      .where('tenant_id', '=', a.tenantId)
      .where('action', '=', 'test_access')
      .execute();
    expect(denied).toEqual([{ person_id: theirs.id, outcome: 'denied' }]);
    // A handover between two other agencies does not concern the Sozialamt's partner.
    expect(await status(sozialamt, 'person:read', { handoverIds: [inA.handoverId] })).toBe(403);

    // All in scope: passes, with ids named twice counted once.
    expect(await status(advisor, 'person:read', { personIds: [mine.id, mine2.id, mine.id] })).toBe(200);
    expect(await status(advisor, 'handover:manage', { handoverIds: [inA.handoverId] })).toBe(200);
    expect(await status(language, 'allocation:run', { runIds: [inA.runId] })).toBe(200);
    expect(await status(advisor, 'person:read', {})).toBe(200);
    // An act on many persons without a row of its own is audited once per person, with its legal basis.
    await requireAccess(
      db,
      advisor,
      'person:read',
      { personIds: [mine.id, mine2.id] },
      { action: 'test_allowed', auditAllowed: true },
    );
    const allowed = await raw
      .selectFrom('audit_log')
      .select(['person_id', 'outcome', 'legal_basis'])
      .where('tenant_id', '=', a.tenantId)
      .where('action', '=', 'test_allowed')
      .execute();
    expect(allowed.map((r) => r.person_id).sort()).toEqual([mine.id, mine2.id].sort());
    expect(allowed.every((r) => r.outcome === 'allowed' && r.legal_basis?.includes('67d'))).toBe(true);
  });
});
