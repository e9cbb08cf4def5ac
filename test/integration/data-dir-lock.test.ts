import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect';
import { DataDirLockedError, LOCK_FILE } from '../../src/db/dir-lock';
import { migrateToLatest } from '../../src/db/migrate';
import { makeTenant, TEST_PASSWORD } from '../support/factories';
import { spawnLotse } from '../support/lotse-process';

// Finding 4 of the security probe: `lotse user create` on the data directory of a running PGlite server
// destroyed data. The directory is locked; the second process refuses and says what to do.
const dir = mkdtempSync(join(tmpdir(), 'lotse-lock-'));
const { DATABASE_URL: _server, ...env } = process.env;
const lotse = (...args: string[]) =>
  spawnSync('node', ['bin/lotse.mjs', ...args], {
    encoding: 'utf8',
    env: { ...env, LOTSE_DATA_DIR: dir, LOTSE_LOG_LEVEL: 'silent' },
  });
const createUser = (email: string, agency: string) =>
  lotse(
    'user',
    'create',
    '--email',
    email,
    '--name',
    'Neu',
    '--role',
    'integrationsfachkraft',
    '--agency',
    agency,
    '--password',
    'lang-genug-123',
  );

async function loginOk(base: string, email: string): Promise<number> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  return res.status;
}

describe('PGlite data directory lock', { timeout: 300_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses the CLI beside a running server, keeps the data, and works once the server is stopped', async () => {
    const setup = await openDatabase({ dataDir: dir });
    await migrateToLatest(setup.db);
    const t = await makeTenant(setup.db);
    const agency = await setup.db
      .selectFrom('agency')
      .select('name')
      .where('tenant_id', '=', t.tenantId)
      .executeTakeFirstOrThrow();
    await setup.close();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    const server = await spawnLotse({ LOTSE_DATA_DIR: dir });
    const base = server.url.replace('localhost', '127.0.0.1');
    try {
      const refused = createUser('neu@lock.test', agency.name);
      expect(refused.status).toBe(3);
      expect(refused.stderr).toMatch(/wird bereits von einem anderen Lotse-Prozess benutzt/);
      expect(refused.stderr).toMatch(/Beenden Sie zuerst den Server/);
      expect(refused.stderr).toMatch(/Stop the server first/);
      expect(refused.stderr).not.toMatch(/at .*\.ts:\d+/);
      // In-process too: a second open of the directory is refused before PGlite touches it.
      await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
      expect(await loginOk(base, t.users.eingangszone.email)).toBe(200);
    } finally {
      await server.stop();
    }
    expect(server.output()).not.toMatch(/unhandled error/);
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);

    const ok = createUser('neu@lock.test', agency.name);
    expect(ok.status, ok.stderr).toBe(0);
    const again = await openDatabase({ dataDir: dir });
    const users = await again.db
      .selectFrom('app_user')
      .select('email')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    await again.close();
    expect(users.map((u) => u.email)).toEqual(
      expect.arrayContaining([t.users.eingangszone.email, 'neu@lock.test']),
    );
  });

  it('takes over the lock of a process that is gone (kill -9, power loss) on this host', async () => {
    const gone = spawnSync('node', ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    const stale = {
      pid: Number(gone.stdout),
      host: hostname(),
      since: '2026-01-01T00:00:00Z',
      command: 'serve',
    };
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify(stale));
    const database = await openDatabase({ dataDir: dir });
    await database.close();
    // A lock of another host is never guessed stale.
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ ...stale, host: 'other-host' }));
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    rmSync(join(dir, LOCK_FILE));
  });
});
