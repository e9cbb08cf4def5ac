import { type Kysely, sql } from 'kysely';
import { expect, it } from 'vitest';
import { GENESIS_HASH, verifyTenantChain } from '../../src/db/audit-chain';
import type { DB } from '../../src/db/schema';
import { writeAudit, writeAuditGrouped } from '../../src/server/modules/audit/audit-writer';
import { describeEachDb } from '../support/databases';
import { makeTenant } from '../support/factories';

// Finding 6 of the security probe: the audit log must be tamper-evident. Each tenant's rows form a hash
// chain; a change made past the append-only trigger (as superuser, with triggers off) is found by verify.

async function writeRows(db: Kysely<DB>, tenantId: string, n: number): Promise<void> {
  for (let i = 0; i < n; i++)
    await writeAudit(db, null, {
      tenantId,
      action: 'read',
      entity: 'person',
      purpose: `Beratung ${i}`,
      details: { i },
    });
}

/** What someone with superuser rights could do: switch the triggers off for one transaction. */
async function asSuperuserWithoutTriggers(db: Kysely<DB>, fn: (trx: Kysely<DB>) => Promise<unknown>) {
  await db.transaction().execute(async (trx) => {
    await sql`SET LOCAL session_replication_role = replica`.execute(trx);
    await fn(trx);
  });
}

describeEachDb('audit log hash chain', (env) => {
  it('chains every row of a tenant from the genesis hash, and verify says so', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    await writeRows(db, t.tenantId, 5);
    const rows = await db
      .selectFrom('audit_log')
      .select(['seq', 'prev_hash', 'hash'])
      .where('tenant_id', '=', t.tenantId)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(rows[0]?.prev_hash).toBe(GENESIS_HASH);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.prev_hash).toBe(rows[i - 1]?.hash);
    const report = await verifyTenantChain(db, t.tenantId);
    expect(report).toMatchObject({ rows: rows.length, broken: null, headHash: rows.at(-1)?.hash });
  });

  it('finds a changed row, a deleted row and deleted rows at the end', async () => {
    const { db } = env().database;
    const changed = await makeTenant(db);
    await writeRows(db, changed.tenantId, 6);
    await asSuperuserWithoutTriggers(db, (trx) =>
      trx
        .updateTable('audit_log')
        .set({ purpose: 'verschleiert' })
        .where('tenant_id', '=', changed.tenantId)
        .where('seq', '=', 4)
        .execute(),
    );
    expect((await verifyTenantChain(db, changed.tenantId)).broken).toMatchObject({
      seq: 4,
      reason: 'changed',
    });

    const deleted = await makeTenant(db);
    await writeRows(db, deleted.tenantId, 6);
    await asSuperuserWithoutTriggers(db, (trx) =>
      trx.deleteFrom('audit_log').where('tenant_id', '=', deleted.tenantId).where('seq', '=', 3).execute(),
    );
    expect((await verifyTenantChain(db, deleted.tenantId)).broken).toMatchObject({
      seq: 3,
      reason: 'missing',
    });

    const cut = await makeTenant(db);
    await writeRows(db, cut.tenantId, 4);
    const last = await db
      .selectFrom('audit_log')
      .select(({ fn }) => fn.max('seq').as('m'))
      .where('tenant_id', '=', cut.tenantId)
      .executeTakeFirstOrThrow();
    await asSuperuserWithoutTriggers(db, (trx) =>
      trx
        .deleteFrom('audit_log')
        .where('tenant_id', '=', cut.tenantId)
        .where('seq', '=', Number(last.m))
        .execute(),
    );
    expect((await verifyTenantChain(db, cut.tenantId)).broken).toMatchObject({ reason: 'truncated' });
  });

  it('keeps one valid chain under 40 concurrent writers, and a rolled-back write leaves no gap', async () => {
    const { db } = env().database;
    const t = await makeTenant(db);
    const before = (await verifyTenantChain(db, t.tenantId)).rows;
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        writeAudit(db, null, { tenantId: t.tenantId, action: 'read', entity: 'person', details: { i } }),
      ),
    );
    await expect(
      db.transaction().execute(async (trx) => {
        await writeAudit(trx, null, { tenantId: t.tenantId, action: 'read', entity: 'person' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await writeRows(db, t.tenantId, 1);
    const report = await verifyTenantChain(db, t.tenantId);
    expect(report.broken).toBeNull();
    expect(report.rows).toBe(before + 41);
  });
  it('keeps every tenant one valid chain when concurrent reads share an INSERT (grouped audit rows), in arrival order', async () => {
    const { db } = env().database;
    const a = await makeTenant(db);
    const b = await makeTenant(db);
    const before = {
      a: (await verifyTenantChain(db, a.tenantId)).rows,
      b: (await verifyTenantChain(db, b.tenantId)).rows,
    };
    // 60 rows of two tenants at once: the first INSERT takes one row, the rest wait and share the next ones.
    await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        writeAuditGrouped(db, null, {
          tenantId: i % 3 === 0 ? b.tenantId : a.tenantId,
          action: 'read',
          entity: 'person',
          details: { i },
        }),
      ),
    );
    // A row that cannot be stored fails only its own caller; the others of its group are written.
    const mixed = await Promise.allSettled([
      writeAuditGrouped(db, null, {
        tenantId: a.tenantId,
        action: 'read',
        entity: 'person',
        details: { i: 60 },
      }),
      writeAuditGrouped(db, null, {
        tenantId: a.tenantId,
        action: 'read',
        entity: 'person',
        details: { i: 61 },
      }),
      writeAuditGrouped(db, null, {
        tenantId: a.tenantId,
        action: 'read',
        entity: 'person',
        outcome: 'maybe' as never,
      }),
      writeAuditGrouped(db, null, {
        tenantId: a.tenantId,
        action: 'read',
        entity: 'person',
        details: { i: 62 },
      }),
    ]);
    expect(mixed.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    for (const [t, n] of [
      [a, 43],
      [b, 20],
    ] as const) {
      const report = await verifyTenantChain(db, t.tenantId);
      expect(report.broken).toBeNull();
      expect(report.rows).toBe(before[t === a ? 'a' : 'b'] + n);
    }
    const order = await db
      .selectFrom('audit_log')
      .select('details')
      .where('tenant_id', '=', a.tenantId)
      .where('action', '=', 'read')
      .orderBy('seq')
      .execute();
    const is = order.map((r) => (r.details as { i: number }).i);
    expect(is).toEqual([...is].sort((x, y) => x - y));
  });
});
