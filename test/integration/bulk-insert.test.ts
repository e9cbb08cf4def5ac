import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertRows } from '../../src/db/bulk';
import { type Database, openDatabase } from '../../src/db/connect';
import type { DB } from '../../src/db/schema';
import { dbTargets } from '../support/databases';

/**
 * insertRows (src/db/bulk.ts) stores exactly what Kysely's insertInto(...).values(...) stores — the demo seed
 * and loaders rely on it — with one JSON parameter per statement. Temporary tables, on one pinned connection.
 */
const SHAPE = `(
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  facts jsonb,
  day date,
  at timestamptz,
  flag boolean,
  amount numeric,
  made timestamptz NOT NULL DEFAULT now()
)`;

type Conn = Kysely<DB>;

const rows = [
  {
    name: 'O\'Brien, "Zitat" und ü',
    tags: ['a', 'b,c', 'd"e'],
    facts: JSON.stringify({ code: 'uk', level: 'B1', list: [1, 2] }),
    day: '2024-02-29',
    at: new Date('2026-12-04T10:11:12.345Z'),
    flag: true,
    amount: '12.50',
  },
  { name: 'zweite', tags: [], facts: null, day: null, at: null, flag: false, amount: null },
  {
    name: 'dritte',
    tags: ['x'],
    facts: JSON.stringify('nur Text'),
    day: '1999-12-31',
    at: null,
    flag: null,
    amount: '0',
  },
];

for (const target of dbTargets()) {
  describe(`insertRows [${target.name}]`, () => {
    let database: Database;
    beforeAll(async () => {
      database = await openDatabase({ url: target.url, dataDir: 'memory://' });
    });
    afterAll(async () => {
      await database.close();
    });

    const pinned = (fn: (conn: Conn) => Promise<void>) =>
      database.db.connection().execute(async (conn) => {
        await sql`CREATE TEMP TABLE bulk_a ${sql.raw(SHAPE)}`.execute(conn);
        await sql`CREATE TEMP TABLE bulk_b ${sql.raw(SHAPE)}`.execute(conn);
        try {
          await fn(conn);
        } finally {
          await sql`DROP TABLE bulk_a, bulk_b`.execute(conn);
        }
      });
    const read = async (conn: Conn, table: string) =>
      (
        await sql<Record<string, unknown>>`
          SELECT name, tags, facts, day, at, flag, amount, made IS NOT NULL AS made, id IS NOT NULL AS id
          FROM ${sql.table(table)} ORDER BY name`.execute(conn)
      ).rows;

    it('stores every type as Kysely does: arrays, JSON text as JSON, days, instants, booleans, numbers, nulls; defaults kept', async () => {
      await pinned(async (conn) => {
        await insertRows(conn, 'bulk_a' as never, rows as never);
        await conn
          .insertInto('bulk_b' as never)
          .values(rows as never)
          .execute();
        const a = await read(conn, 'bulk_a');
        expect(a).toEqual(await read(conn, 'bulk_b'));
        expect(a).toHaveLength(3);
        const first = a.find((r) => r.name === rows[0].name);
        expect(first?.facts).toEqual({ code: 'uk', level: 'B1', list: [1, 2] });
        expect(first?.tags).toEqual(['a', 'b,c', 'd"e']);
        expect(a.find((r) => r.name === 'dritte')?.facts).toBe('nur Text');
      });
    });

    it('rows with different columns go in as with Kysely (a left-out column keeps its default per row)', async () => {
      await pinned(async (conn) => {
        const mixed = [{ name: 'mit Schlagworten', tags: ['t'] }, { name: 'ohne' }];
        await insertRows(conn, 'bulk_a' as never, mixed as never);
        await conn
          .insertInto('bulk_b' as never)
          .values(mixed as never)
          .execute();
        expect(await read(conn, 'bulk_a')).toEqual(await read(conn, 'bulk_b'));
        expect((await read(conn, 'bulk_a')).find((r) => r.name === 'ohne')?.tags).toEqual([]);
      });
    });

    it('skips conflicting rows when asked, and chunks large inputs', async () => {
      await pinned(async (conn) => {
        const id = '00000000-0000-4000-8000-000000000001';
        const many = Array.from({ length: 2500 }, (_, i) => ({
          id: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
          name: `n${i}`,
        }));
        await insertRows(conn, 'bulk_a' as never, [{ id, name: 'zuerst' }] as never);
        await insertRows(conn, 'bulk_a' as never, many as never, { chunk: 1000, onConflictDoNothing: true });
        const r = await sql<{ n: number; first: string }>`
          SELECT count(*)::int AS n, max(name) FILTER (WHERE id = ${id}) AS first FROM bulk_a`.execute(conn);
        expect(r.rows[0]).toEqual({ n: 2500, first: 'zuerst' });
      });
    });

    it('a failing chunk inside a transaction leaves no row of the earlier chunks', async () => {
      await pinned(async (conn) => {
        const bad = [...Array.from({ length: 30 }, (_, i) => ({ name: `ok${i}` })), { name: null }];
        await expect(
          conn
            .transaction()
            .execute((tx: Conn) => insertRows(tx, 'bulk_a' as never, bad as never, { chunk: 10 })),
        ).rejects.toMatchObject({ code: '23502' });
        const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM bulk_a`.execute(conn);
        expect(r.rows[0].n).toBe(0);
      });
    });
  });
}
