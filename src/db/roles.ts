import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

const ROLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Rights of the application role on a PostgreSQL server, run by the owner after each migration (new
 * tables need their grants). The application role reads and writes the tables but owns none, so it can
 * neither disable the audit log's triggers nor alter the schema; on the audit log it may only insert and
 * read, and the chain head it may only read: the trigger moves it (SECURITY DEFINER).
 */
export async function grantApplicationRole(db: Kysely<DB>, role: string): Promise<void> {
  if (!ROLE_NAME.test(role)) throw new Error(`invalid role name: ${role}`);
  const r = sql.id(role);
  await sql`GRANT USAGE ON SCHEMA public TO ${r}`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${r}`.execute(db);
  await sql`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${r}`.execute(db);
  await sql`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${r}`.execute(db);
  await sql`REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_chain_head FROM ${r}`.execute(db);
  // The migration bookkeeping: the application role only checks that the schema is current.
  await sql`REVOKE INSERT, UPDATE, DELETE ON kysely_migration, kysely_migration_lock FROM ${r}`.execute(db);
}
