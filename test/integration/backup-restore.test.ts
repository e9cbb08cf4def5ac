import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Kysely, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAllChains } from '../../src/db/audit-chain';
import { openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import type { DB } from '../../src/db/schema';
import { writeAudit } from '../../src/server/modules/audit/audit-writer';
import { makePerson, makeTenant } from '../support/factories';
import { postgresBinDir, startPostmaster } from '../support/postmaster';

// `lotse backup` / `lotse restore` on both databases: the restored database has the same rows in every
// table and every audit chain verifies; new audit rows continue the restored chain.
const work = mkdtempSync(join(tmpdir(), 'lotse-backup-'));
const { DATABASE_URL: _shared, ...baseEnv } = process.env;
const lotse = (env: Record<string, string>, ...args: string[]) =>
  spawnSync('node', ['bin/lotse.mjs', ...args], {
    encoding: 'utf8',
    env: { ...baseEnv, LOTSE_LOG_LEVEL: 'silent', ...env },
  });

/** Row count and a digest of every row's text, per table. */
async function snapshot(db: Kysely<DB>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
  const out: Record<string, string> = {};
  for (const { name } of tables.rows) {
    const r = await sql<{ n: number; digest: string }>`
      SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '')) AS digest
      FROM ${sql.table(name)} t`.execute(db);
    out[name] = `${r.rows[0]?.n}:${r.rows[0]?.digest}`;
  }
  return out;
}

async function fill(db: Kysely<DB>): Promise<void> {
  const t = await makeTenant(db);
  for (let i = 0; i < 5; i++) await makePerson(db, t, { familyName: `Sicherung${i}` });
  for (let i = 0; i < 20; i++)
    await writeAudit(db, null, {
      tenantId: t.tenantId,
      action: 'read',
      entity: 'person',
      details: { i, ü: 'ä' },
    });
}

async function expectChainsValid(db: Kysely<DB>): Promise<void> {
  const reports = await verifyAllChains(db);
  expect(reports.filter((r) => r.rows > 0).length).toBeGreaterThan(0);
  expect(reports.filter((r) => r.broken)).toEqual([]);
}

describe('backup and restore', { timeout: 300_000 }, () => {
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('PGlite: round trip through lotse backup / lotse restore gives identical data and valid chains', async () => {
    const dirA = join(work, 'a');
    const dirB = join(work, 'b');
    const file = join(work, 'pglite-backup.tar.gz');
    const a = await openDatabase({ dataDir: dirA });
    await migrateToLatest(a.db);
    await fill(a.db);
    const before = await snapshot(a.db);
    await a.close();

    const backup = lotse({ LOTSE_DATA_DIR: dirA }, 'backup', file);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/Sicherung geschrieben/);
    expect(backup.stdout).toMatch(/Audit-Ketten in Ordnung/);
    const restore = lotse({ LOTSE_DATA_DIR: dirB }, 'restore', file);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/Audit-Ketten in Ordnung/);

    const b = await openDatabase({ dataDir: dirB });
    try {
      expect(await snapshot(b.db)).toEqual(before);
      await expectChainsValid(b.db);
      const tenant = await b.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow();
      await writeAudit(b.db, null, { tenantId: tenant.id, action: 'read', entity: 'person' });
      await expectChainsValid(b.db);
    } finally {
      await b.close();
    }
    // A server-format restore into PGlite is refused with the reason.
    const wrong = lotse({ LOTSE_DATA_DIR: dirB }, 'restore', join(process.cwd(), 'package.json'));
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/keine Lotse-Datensicherung/);
  });

  it.skipIf(!postgresBinDir())('PostgreSQL server: round trip with pg_dump / pg_restore', async () => {
    const pm = await startPostmaster();
    try {
      pm.psql('CREATE DATABASE lotse_a');
      pm.psql('CREATE DATABASE lotse_b');
      const file = join(work, 'server-backup.dump');
      const a = await openDatabase({ url: pm.url('lotse_a') });
      await migrateToLatest(a.db);
      await fill(a.db);
      const before = await snapshot(a.db);
      await a.close();

      const backup = lotse({ DATABASE_URL: pm.url('lotse_a') }, 'backup', file);
      expect(backup.status, backup.stderr).toBe(0);
      const restore = lotse({ DATABASE_URL: pm.url('lotse_b') }, 'restore', file);
      expect(restore.status, restore.stderr).toBe(0);
      expect(restore.stdout).toMatch(/Audit-Ketten in Ordnung/);
      // Never into a database that has tables.
      const again = lotse({ DATABASE_URL: pm.url('lotse_b') }, 'restore', file);
      expect(again.status).toBe(2);
      expect(again.stderr).toMatch(/nicht leer/);

      const b = await openDatabase({ url: pm.url('lotse_b') });
      try {
        expect(await snapshot(b.db)).toEqual(before);
        await expectChainsValid(b.db);
        const tenant = await b.db.selectFrom('tenant').select('id').executeTakeFirstOrThrow();
        await writeAudit(b.db, null, { tenantId: tenant.id, action: 'read', entity: 'person' });
        await expectChainsValid(b.db);
      } finally {
        await b.close();
      }
    } finally {
      pm.destroy();
    }
  });
});
