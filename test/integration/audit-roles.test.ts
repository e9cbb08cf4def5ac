import { spawnSync } from 'node:child_process';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { type Database, openDatabase } from '../../src/db/connect';
import { migrateAsOwner } from '../../src/db/migrate';
import { grantApplicationRole } from '../../src/db/roles';
import { type RunningServer, startServer } from '../../src/server/run';
import { makeTenant, TEST_PASSWORD } from '../support/factories';
import { type Postmaster, postgresBinDir, startPostmaster } from '../support/postmaster';

// Finding 6 of the security probe: the append-only trigger only binds a role that cannot disable it. The
// server runs as an application role that owns nothing; migrations run as the owner. Checked on a
// PostgreSQL server of the test's own with real roles.
const bin = postgresBinDir();
if (!bin) console.log('skipped: audit role test — no PostgreSQL binaries under /usr/lib/postgresql');

describe.skipIf(!bin)('server as a role that owns nothing', { timeout: 240_000 }, () => {
  let pm: Postmaster;
  let ownerUrl: string;
  let appUrl: string;
  let app: Database;

  beforeAll(async () => {
    pm = await startPostmaster();
    // The SQL of docs/operations.md ("Two roles").
    pm.psql(`CREATE ROLE lotse_owner LOGIN; CREATE ROLE lotse_app LOGIN;`);
    pm.psql('CREATE DATABASE lotse OWNER lotse_owner');
    pm.psql('REVOKE ALL ON SCHEMA public FROM PUBLIC; ALTER SCHEMA public OWNER TO lotse_owner', 'lotse');
    ownerUrl = `postgres://lotse_owner@127.0.0.1:${pm.port}/lotse`;
    appUrl = `postgres://lotse_app@127.0.0.1:${pm.port}/lotse`;
    await migrateAsOwner(ownerUrl);
    const owner = await openDatabase({ url: ownerUrl });
    await grantApplicationRole(owner.db, 'lotse_app');
    await owner.close();
    app = await openDatabase({ url: appUrl });
  });
  afterAll(async () => {
    await app?.close();
    pm?.destroy();
  });

  it('the application role writes and reads audit rows but cannot change, delete or unprotect them', async () => {
    const t = await makeTenant(app.db);
    await sql`INSERT INTO audit_log (tenant_id, action, entity, outcome) VALUES (${t.tenantId}, 'read', 'person', 'allowed')`.execute(
      app.db,
    );
    const refused = async (q: string) => {
      const err = await sql
        .raw(q)
        .execute(app.db)
        .then(
          () => null,
          (e: { code?: string }) => e,
        );
      return err?.code;
    };
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update')).toBe('42501');
    expect(await refused('ALTER TABLE audit_log DISABLE TRIGGER ALL')).toBe('42501');
    expect(await refused('DROP TRIGGER audit_log_chain ON audit_log')).toBe('42501');
    expect(await refused(`UPDATE audit_log SET purpose = 'x'`)).toBe('42501');
    expect(await refused('DELETE FROM audit_log')).toBe('42501');
    expect(await refused('TRUNCATE audit_log')).toBe('42501');
    expect(await refused(`UPDATE audit_chain_head SET seq = 0`)).toBe('42501');
    expect(await refused('SET session_replication_role = replica')).toBe('42501');
    expect(await refused('CREATE TABLE sneaky (x int)')).toBe('42501');
    expect(
      await refused(
        'CREATE OR REPLACE FUNCTION audit_log_hash(p text, r audit_log) RETURNS text LANGUAGE sql AS $$ SELECT p $$',
      ),
    ).toBe('42501');
  });

  it('the server starts as the application role with migrations by the owner, and verify finds tampering', async () => {
    const config = {
      ...loadConfig({ PORT: '0', HOST: '127.0.0.1', LOTSE_LOG_LEVEL: 'silent' }),
      databaseUrl: appUrl,
      migrateDatabaseUrl: ownerUrl,
    };
    const server: RunningServer = await startServer(config, { logger: false });
    const t = await makeTenant(app.db);
    try {
      const login = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: t.users.eingangszone.email, password: TEST_PASSWORD }),
      });
      expect(login.status).toBe(200);
    } finally {
      await server.stop();
    }
    const { DATABASE_URL: _shared, ...env } = process.env;
    const verify = () =>
      spawnSync('node', ['bin/lotse.mjs', 'audit', 'verify'], {
        encoding: 'utf8',
        env: {
          ...env,
          DATABASE_URL: appUrl,
          LOTSE_MIGRATE_DATABASE_URL: ownerUrl,
          LOTSE_LOG_LEVEL: 'silent',
        },
      });
    const ok = verify();
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Kette in Ordnung, [1-9]\d* Einträge/);
    // Only the superuser can get past the trigger; verify still sees it.
    pm.psql(
      `BEGIN; SET LOCAL session_replication_role = replica;
       UPDATE audit_log SET outcome = 'denied' WHERE tenant_id = '${t.tenantId}' AND seq = 1; COMMIT;`,
      'lotse',
    );
    const broken = verify();
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(
      /Kette GEBROCHEN bei Eintrag Nr\. 1 \(id \d+\): Inhalt nachträglich geändert/,
    );
  });
});
