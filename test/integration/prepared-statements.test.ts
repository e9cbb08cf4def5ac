import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/connect';
import { dbTargets } from '../support/databases';

/**
 * Repeated statements run as server-side prepared statements (src/db/prepared.ts): checked on the
 * connection itself (pg_prepared_statements), with the answers unchanged, after a schema change, and off.
 */
for (const target of dbTargets()) {
  describe(`prepared statements [${target.name}]`, () => {
    let on: Database;
    let off: Database;
    const table = `prep_${randomUUID().replaceAll('-', '').slice(0, 12)}`;

    beforeAll(async () => {
      on = await openDatabase({ url: target.url, dataDir: 'memory://', prepare: true });
      off = await openDatabase({ url: target.url, dataDir: 'memory://', prepare: false });
      await sql`CREATE TABLE ${sql.table(table)} (a int)`.execute(on.db);
      await sql`INSERT INTO ${sql.table(table)} VALUES (1), (2), (3)`.execute(on.db);
    });
    afterAll(async () => {
      await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(on.db);
      await on.close();
      await off.close();
    });

    it('prepares a statement the second time it runs, and answers as before', async () => {
      await on.db.connection().execute(async (conn) => {
        const answers: number[][] = [];
        for (const a of [1, 2, 3, 2])
          answers.push(
            (
              await conn
                .selectFrom(table as never)
                .select('a' as never)
                .where('a' as never, '=', a as never)
                .execute()
            ).map((r) => (r as { a: number }).a),
          );
        expect(answers).toEqual([[1], [2], [3], [2]]);
        const prepared = await sql<{ name: string; statement: string }>`
          SELECT name, statement FROM pg_prepared_statements WHERE statement LIKE ${`%${table}%`}`.execute(
          conn,
        );
        expect(prepared.rows).toHaveLength(1);
        expect(prepared.rows[0].name).toMatch(/^lotse_\d+$/);
      });
    });

    it('after a schema change the prepared SELECT * fails once, then runs parsed anew', async () => {
      await on.db.connection().execute(async (conn) => {
        const star = () =>
          sql<Record<string, number>>`SELECT * FROM ${sql.table(table)} WHERE a = ${1}`.execute(conn);
        await star();
        expect((await star()).rows).toEqual([{ a: 1 }]);
        await sql`ALTER TABLE ${sql.table(table)} ADD COLUMN b int DEFAULT 7`.execute(conn);
        await expect(star()).rejects.toMatchObject({ code: '0A000' });
        expect((await star()).rows).toEqual([{ a: 1, b: 7 }]);
      });
    });

    it('with LOTSE_DB_PREPARE=0 (prepare: false) nothing is prepared', async () => {
      await off.db.connection().execute(async (conn) => {
        // Its own database on PGlite: a statement that needs no table of the other one.
        for (let i = 0; i < 3; i++)
          await sql`SELECT count(*) FROM pg_class WHERE relname = ${table} AND relpages >= ${i}`.execute(
            conn,
          );
        const prepared = await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%relpages%'`.execute(
          conn,
        );
        expect(prepared.rows[0].n).toBe(0);
      });
    });
  });
}
