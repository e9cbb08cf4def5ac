import { expect, it } from 'vitest';
import { failInterruptedRuns } from '../../src/server/modules/language/allocation/service';
import { describeEachDb } from '../support/databases';
import { makeTenant } from '../support/factories';

describeEachDb('allocation runs cut off by a server stop', (env) => {
  it('marks a run left "running" for over 15 minutes as failed at start-up, but not a fresh one', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const run = (minutesAgo: number) =>
      db
        .insertInto('allocation_run')
        .values({
          tenant_id: t.tenantId,
          as_of: '2026-11-01',
          input_hash: `h${minutesAgo}`,
          instance: JSON.stringify({ clients: [], courses: [] }) as never,
          state: 'running',
          created_at: new Date(Date.now() - minutesAgo * 60_000),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const old = await run(20);
    const fresh = await run(1);
    expect(await failInterruptedRuns(db)).toBeGreaterThanOrEqual(1);
    const rows = await db
      .selectFrom('allocation_run')
      .select(['id', 'state', 'error'])
      .where('id', 'in', [old.id, fresh.id])
      .execute();
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(old.id)).toMatchObject({ state: 'failed' });
    expect(byId.get(old.id)?.error).toMatch(/Server wurde während der Berechnung beendet/);
    expect(byId.get(fresh.id)).toMatchObject({ state: 'running', error: null });
  });
});
