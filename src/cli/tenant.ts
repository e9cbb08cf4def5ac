import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/**
 * The region a CLI command works on: the one named by `--tenant <slug>`, or the only one there is.
 * Returns the message for `--tenant` when that is ambiguous or unknown (the command exits 2 with it).
 */
export async function resolveTenant(
  db: Kysely<DB>,
  slug: string | undefined,
): Promise<{ id: string; slug: string } | { error: string }> {
  let tq = db.selectFrom('tenant').select(['id', 'slug']);
  if (slug) tq = tq.where('slug', '=', slug);
  const tenants = await tq.execute();
  if (tenants.length === 1) return tenants[0];
  return {
    error: slug
      ? `--tenant: Region "${slug}" nicht gefunden`
      : '--tenant: mehrere Regionen vorhanden, bitte angeben',
  };
}
