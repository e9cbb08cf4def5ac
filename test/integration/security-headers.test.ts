import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { type Database, openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { buildApp, type LotseApp, VERSION } from '../../src/server/app';

// `upgrade-insecure-requests` and HSTS belong behind HTTPS only: over plain HTTP in a county's LAN the
// browser would rewrite every script to https:// and show a blank page.

let database: Database;
const apps: Record<'http' | 'https', LotseApp | undefined> = { http: undefined, https: undefined };

beforeAll(async () => {
  database = await openDatabase({ dataDir: 'memory://' });
  await migrateToLatest(database.db);
  for (const mode of ['http', 'https'] as const) {
    const config = loadConfig({
      LOTSE_LOG_LEVEL: 'silent',
      LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
      LOTSE_SECURE_COOKIES: mode === 'https' ? '1' : '0',
    });
    apps[mode] = await buildApp({ db: database.db, dbKind: database.kind, config, version: VERSION });
  }
});
afterAll(async () => {
  await apps.http?.close();
  await apps.https?.close();
  await database?.close();
});

async function headersOf(mode: 'http' | 'https') {
  const app = apps[mode];
  if (!app) throw new Error('app not ready');
  const res = await app.inject({ method: 'GET', url: '/api/health' });
  expect(res.statusCode).toBe(200);
  return res.headers;
}

describe('security headers', () => {
  it.each([
    // mode, upgrade-insecure-requests sent, HSTS sent
    ['http', false, false],
    ['https', true, true],
  ] as const)('over %s: upgrade-insecure-requests %s, HSTS %s', async (mode, upgrade, hsts) => {
    const h = await headersOf(mode);
    const csp = String(h['content-security-policy']);
    // The rest of the policy is the same in both modes.
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp.includes('upgrade-insecure-requests')).toBe(upgrade);
    expect(h['strict-transport-security'] !== undefined).toBe(hsts);
    if (hsts) expect(h['strict-transport-security']).toMatch(/max-age=31536000/);
  });
});
