import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { TEMPLATE_TAR } from '../../src/db/template';

/**
 * The build's empty, migrated PGlite database (src/db/template.ts, made by `npm ci`/`npm run build`):
 * a fresh directory starts as its copy, an in-memory database loads its tar — both fully migrated, and
 * LOTSE_PGLITE_TEMPLATE=0 falls back to initdb.
 */
const migrations = readdirSync(join(import.meta.dirname, '../../src/db/migrations')).filter((f) =>
  f.endsWith('.sql'),
).length;

const applied = async (db: Awaited<ReturnType<typeof openDatabase>>['db']) =>
  (await sql<{ n: number }>`SELECT count(*)::int AS n FROM kysely_migration`.execute(db)).rows[0].n;

describe('the PGlite template', { timeout: 120_000 }, () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('an in-memory database loads the tar and is migrated to the last migration', async () => {
    const database = await openDatabase({ dataDir: 'memory://', fromTemplate: true });
    try {
      expect(database.fromTemplate).toBe(true);
      expect(await applied(database.db)).toBe(migrations);
      await migrateToLatest(database.db);
      expect(await applied(database.db)).toBe(migrations);
    } finally {
      await database.close();
    }
  });

  it('a fresh directory starts as a copy, without the tar', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lotse-template-'));
    dirs.push(dir);
    const database = await openDatabase({ dataDir: dir, fromTemplate: true });
    try {
      expect(database.fromTemplate).toBe(true);
      expect(await applied(database.db)).toBe(migrations);
      expect(existsSync(join(dir, TEMPLATE_TAR))).toBe(false);
    } finally {
      await database.close();
    }
  });

  it('LOTSE_PGLITE_TEMPLATE=0: initdb as before, nothing migrated yet', async () => {
    process.env.LOTSE_PGLITE_TEMPLATE = '0';
    try {
      const database = await openDatabase({ dataDir: 'memory://', fromTemplate: true });
      try {
        expect(database.fromTemplate).toBe(false);
        const t = await sql<{ t: string | null }>`SELECT to_regclass('kysely_migration')::text AS t`.execute(
          database.db,
        );
        expect(t.rows[0].t).toBeNull();
      } finally {
        await database.close();
      }
    } finally {
      delete process.env.LOTSE_PGLITE_TEMPLATE;
    }
  });
});
