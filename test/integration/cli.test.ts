import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

// The CLI as an operator uses it, on a PGlite data directory of its own.
const dir = mkdtempSync(join(tmpdir(), 'lotse-cli-'));
const { DATABASE_URL: _server, ...env } = process.env;
const lotse = (...args: string[]) =>
  spawnSync('node', ['bin/lotse.mjs', ...args], {
    encoding: 'utf8',
    env: { ...env, LOTSE_DATA_DIR: dir, LOTSE_LOG_LEVEL: 'silent' },
  });

// Each step spawns a fresh process (tsx start-up, PGlite open): generous time under a loaded machine.
describe('lotse CLI (PGlite)', { timeout: 300_000 }, () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints help for every command', () => {
    const top = lotse('--help');
    expect(top.status).toBe(0);
    for (const cmd of ['serve', 'migrate', 'seed', 'user', 'settings', 'rules', 'allocate', 'duplicates'])
      expect(top.stdout).toContain(cmd);
    expect(lotse('user', 'create', '--help').stdout).toContain('--role');
  });

  it('migrates, seeds a small demo county, manages a user and runs an impact over the database', () => {
    expect(lotse('migrate').stdout).toMatch(/angewendet: 001_foundation/);
    expect(lotse('migrate').stdout).toMatch(/Schema ist aktuell/);
    const seed = lotse('seed', '--demo', '--clients', '60');
    expect(seed.status, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/60 Klientinnen und Klienten/);
    expect(seed.stdout).toContain('empfang@demo.lotse');
    const again = lotse('seed', '--demo', '--clients', '10');
    expect(again.status).toBe(2);
    // The Land: bad sizes are refused before the database is touched; a filled database is not loaded into.
    const tiny = lotse('seed', '--land', '--persons', '5');
    expect(tiny.status).toBe(2);
    expect(tiny.stderr).toContain('--persons: eine ganze Zahl von 1.000 bis 5.000.000');
    const thin = lotse('seed', '--land', '--persons', '1000', '--counties', '20');
    expect(thin.status).toBe(2);
    expect(thin.stderr).toContain('mindestens 100 Personen je Kreis');
    const land = lotse('seed', '--land', '--persons', '1000', '--counties', '2');
    expect(land.status).toBe(2);
    expect(land.stderr).toContain('Die Datenbank enthält schon Daten');
    const bad = lotse(
      'user',
      'create',
      '--email',
      'neu@demo.lotse',
      '--name',
      'Neu',
      '--role',
      'chef',
      '--agency',
      'Jobcenter Kreis Herford',
      '--password',
      'lang-genug-123',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--role/);
    const ok = lotse(
      'user',
      'create',
      '--email',
      'neu@demo.lotse',
      '--name',
      'Neu',
      '--role',
      'integrationsfachkraft',
      '--agency',
      'Jobcenter Kreis Herford',
      '--password',
      'lang-genug-123',
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(lotse('user', 'reset-password', 'neu@demo.lotse', '--password', 'kurz').status).toBe(2);
    expect(lotse('user', 'disable', 'neu@demo.lotse').status).toBe(0);
    // The region's settings: shown, changed (audited), and refused with the field named.
    expect(JSON.parse(lotse('settings', 'show').stdout)).toMatchObject({
      ipMaxStayMonths: 12,
      retentionYears: { sgb2: 10, sgb3_only: 5 },
    });
    const set = lotse('settings', 'set', '--max-stay-months', '18', '--retention-years', 'sgb3_only=6');
    expect(set.status, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      ipMaxStayMonths: 18,
      retentionYears: { sgb2: 10, sgb3_only: 6 },
    });
    const badSet = lotse('settings', 'set', '--retention-years', 'sgb9=4');
    expect(badSet.status).toBe(2);
    expect(badSet.stderr).toContain('retentionYears');
    expect(lotse('settings', 'set', '--max-stay-months', '0').stderr).toContain('ipMaxStayMonths');
    const impact = lotse('rules', 'impact', '--on', '2027-03-05');
    expect(impact.status, impact.stderr).toBe(0);
    expect(impact.stderr).toMatch(/of \d+ open cases of demo-kreis differ/);
    expect(Array.isArray(JSON.parse(impact.stdout))).toBe(true);
  });

  it('serves the seeded data and shuts down cleanly on SIGTERM, keeping the data', async () => {
    for (let round = 0; round < 2; round++) {
      const proc = spawn('node', ['bin/lotse.mjs', 'serve', '--no-demo'], {
        env: { ...env, LOTSE_DATA_DIR: dir, PORT: '0', LOTSE_LOG_LEVEL: 'silent' },
      });
      let out = '';
      proc.stdout.on('data', (d) => {
        out += d;
      });
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setInterval(() => {
          const m = /läuft auf (http:\/\/\S+)/.exec(out);
          if (m) {
            clearInterval(timer);
            resolve(m[1]);
          }
        }, 50);
        proc.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const health = await (await fetch(`${url}/api/health`)).json();
      expect(health).toMatchObject({ status: 'ok', db: 'pglite' });
      const login = await fetch(`${url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'empfang@demo.lotse', password: 'demo-lotse' }),
      });
      expect(login.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => proc.once('exit', resolve));
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(out).toMatch(/SIGTERM: fahre herunter/);
    }
  });
});
