import type pg from 'pg';

/**
 * Server-side prepared statements for the statements Lotse runs again and again (issue 10).
 *
 * Kysely sends every statement as text with parameters; PostgreSQL then parses and plans it anew each time.
 * For the audited person read that planning cost more than running it: with the statement prepared once per
 * connection and only Bind/Execute sent afterwards, the demo county's reads went from ~970 to ~2,200 per
 * second on the same machine (bench/server.bench.ts). postgres.js prepares every statement by default; we
 * do it for the statements that repeat:
 *
 * - a text gets a name on its second sighting, so one-off statements (bulk inserts of a seed, lists of
 *   varying length) never take a slot; at most MAX_NAMES texts per process are named, the rest run as before;
 * - only plain DML (SELECT, INSERT, UPDATE, DELETE, WITH): no DDL, SET or transaction control;
 * - pg keeps per connection which names it has parsed and sends Parse only the first time.
 *
 * After a schema change while the server runs (`lotse migrate` beside it), PostgreSQL refuses a prepared
 * `SELECT *` whose columns changed ("cached plan must not change result type", 0A000): that one statement
 * fails, and the connection then starts a new generation of names, so the next statements are parsed anew.
 *
 * LOTSE_DB_PREPARE=0 turns it off — needed behind PgBouncer in transaction mode before version 1.21.
 */
const MAX_NAMES = 400;
const MAX_TEXT = 32_000;
const DML = /^\s*(select|insert|update|delete|with)\b/i;

export class StatementNames {
  private readonly seen = new Set<string>();
  private readonly names = new Map<string, string>();

  /** The name this text runs under, or undefined to run it unprepared. */
  nameFor(text: string): string | undefined {
    const known = this.names.get(text);
    if (known !== undefined) return known;
    if (text.length > MAX_TEXT || this.names.size >= MAX_NAMES || !DML.test(text)) return undefined;
    if (!this.seen.has(text)) {
      // Bounded: when full, forget the first sightings and start counting again.
      if (this.seen.size >= 10 * MAX_NAMES) this.seen.clear();
      this.seen.add(text);
      return undefined;
    }
    this.seen.delete(text);
    const name = `lotse_${this.names.size + 1}`;
    this.names.set(text, name);
    return name;
  }

  get size(): number {
    return this.names.size;
  }
}

type QueryFn = (...args: unknown[]) => unknown;

/**
 * Makes a pooled client run repeated statements prepared. Kysely calls `client.query(text, values)`; that
 * call (and only that form) becomes `client.query({ name, text, values })`.
 */
export function prepareRepeatedStatements(client: pg.PoolClient, names: StatementNames): void {
  const plain = client.query.bind(client) as QueryFn;
  let generation = 0;
  const prepared: QueryFn = (text, values, callback) => {
    if (typeof text !== 'string' || !Array.isArray(values) || callback !== undefined)
      return plain(text, values, callback);
    const name = names.nameFor(text);
    if (name === undefined) return plain(text, values);
    const run = plain({
      name: generation === 0 ? name : `${name}_${generation}`,
      text,
      values,
    }) as Promise<unknown>;
    return run.catch((err: unknown) => {
      if ((err as { code?: string }).code === '0A000') generation++;
      throw err;
    });
  };
  (client as unknown as { query: QueryFn }).query = prepared;
}
