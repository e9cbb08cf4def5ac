import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Thin routes (issue 10.2): a route file binds HTTP to a service — parse, call one service function,
 * answer. It runs no SQL of its own: no query-builder call, no raw `sql` template, no import from
 * 'kysely' or from the db folder. Statements live in the module's repo (or service), behind it.
 */

/** Route files allowed to import from the db folder, with the reason (types only). None today. */
const DB_TYPE_IMPORTS: Record<string, string> = {};

/**
 * Route files that still run their own SQL and wait for their move, with the reason. Empty since issue
 * 10.2 was done; the list may only shrink: a file listed here that has become thin fails the test.
 */
const PENDING: Record<string, string> = {};

const root = import.meta.dirname;
const dbDir = resolve(root, '../../db');

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? routeFiles(join(dir, e.name))
      : /routes.*\.ts$/.test(e.name) && !e.name.includes('.test.')
        ? [join(dir, e.name)]
        : [],
  );
}

/** What in one source text makes a route file fat; `rel` is the file's path below modules/. */
function sqlInRoute(rel: string, source: string): string[] {
  const found: string[] = [];
  const lineOf = (i: number) => source.slice(0, i).split('\n').length;
  for (const m of source.matchAll(/\.(selectFrom|insertInto|updateTable|deleteFrom)\(/g))
    found.push(`${rel}:${lineOf(m.index)} query builder .${m[1]}(`);
  for (const m of source.matchAll(/\bsql\s*(<[^>`]*>)?\s*`/g))
    found.push(`${rel}:${lineOf(m.index)} raw sql\`…\``);
  for (const m of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*['"]([^'"]+)['"]/g)) {
    const spec = m[1];
    if (spec === 'kysely' || spec.startsWith('kysely/'))
      found.push(`${rel}:${lineOf(m.index)} imports '${spec}'`);
    else if (spec.startsWith('.')) {
      const target = resolve(dirname(join(root, rel)), spec);
      if ((target === dbDir || target.startsWith(dbDir + sep)) && !DB_TYPE_IMPORTS[rel])
        found.push(`${rel}:${lineOf(m.index)} imports the db folder ('${spec}')`);
    }
  }
  return found;
}

describe('route files run no SQL of their own', () => {
  const files = routeFiles(root).map((f) => relative(root, f).split(sep).join('/'));

  it('finds the route files', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files).toContain('persons/routes.ts');
  });

  it('finds no query builder, raw sql or db import in a route file outside the pending list', () => {
    const fat = files
      .filter((rel) => !PENDING[rel])
      .flatMap((rel) => sqlInRoute(rel, readFileSync(join(root, rel), 'utf8')));
    expect(fat).toEqual([]);
  });

  it('keeps the pending list honest: each listed file exists and still has SQL to move', () => {
    for (const rel of Object.keys({ ...PENDING, ...DB_TYPE_IMPORTS })) expect(files).toContain(rel);
    const done = Object.keys(PENDING).filter(
      (rel) => sqlInRoute(rel, readFileSync(join(root, rel), 'utf8')).length === 0,
    );
    expect(done, 'thin now: take them off PENDING').toEqual([]);
  });

  it('recognises each kind of SQL', () => {
    const src = [
      "import { sql } from 'kysely';",
      "import type { DB } from '../../../db/schema';",
      'const a = await db.selectFrom("person").selectAll().execute();',
      "await tx.insertInto('x').values({}).execute();",
      "await db.updateTable('x').set({}).execute(); await db.deleteFrom('x').execute();",
      'await sql`select 1`.execute(db); sql<number>`count(*)`;',
    ].join('\n');
    const hits = sqlInRoute('meta/routes.ts', src).map((h) => h.replace(/^meta\/routes\.ts:\d+ /, ''));
    expect(hits).toEqual(
      [
        '.selectFrom(',
        '.insertInto(',
        '.updateTable(',
        '.deleteFrom(',
        'raw sql`…`',
        'raw sql`…`',
        "imports 'kysely'",
        "imports the db folder ('../../../db/schema')",
      ].map((h) => (h.startsWith('.') ? `query builder ${h}` : h)),
    );
    expect(sqlInRoute('meta/routes.ts', "import { authOf } from '../../plugins/access-hook';")).toEqual([]);
  });
});
