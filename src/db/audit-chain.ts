import { createHash } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import type { DB } from './schema';

export const GENESIS_HASH = '0'.repeat(64);

export type BreakReason =
  /** The row's content no longer gives its stored hash: it was changed. */
  | 'changed'
  /** The row does not point to the hash of the row before it: a row before it was changed or replaced. */
  | 'link'
  /** A number in the chain is missing: a row was deleted. */
  | 'missing'
  /** The chain ends before its recorded head: rows at the end were deleted. */
  | 'truncated';

export interface ChainReport {
  tenantId: string;
  rows: number;
  /** The hash of the last row: write it down elsewhere (daily) to detect a rewritten chain too. */
  headHash: string;
  broken: null | { seq: number; id: number | null; reason: BreakReason };
}

const BATCH = 5000;

/**
 * Walks a tenant's chain in order and recomputes every hash in this process (the database only supplies
 * each row's canonical text), so a replaced hash function in the database would not hide a change.
 */
export async function verifyTenantChain(db: Kysely<DB>, tenantId: string): Promise<ChainReport> {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await sql<{ id: number; seq: number; prev_hash: string; hash: string; canonical: string }>`
      SELECT l.id, l.seq, l.prev_hash, l.hash, audit_log_canonical(l) AS canonical
      FROM audit_log l WHERE l.tenant_id = ${tenantId} AND l.seq >= ${expectedSeq}
      ORDER BY l.seq LIMIT ${BATCH}`.execute(db);
    for (const r of batch.rows) {
      const seq = Number(r.seq);
      const broken = (reason: BreakReason, at = seq, id: number | null = Number(r.id)) => ({
        tenantId,
        rows,
        headHash: prev,
        broken: { seq: at, id, reason },
      });
      if (seq !== expectedSeq) return broken('missing', expectedSeq, null);
      if (r.prev_hash !== prev) return broken('link');
      const hash = createHash('sha256')
        .update(r.prev_hash + r.canonical, 'utf8')
        .digest('hex');
      if (hash !== r.hash) return broken('changed');
      prev = r.hash;
      expectedSeq++;
      rows++;
    }
    if (batch.rows.length < BATCH) break;
  }
  const head = await db
    .selectFrom('audit_chain_head')
    .select(['seq', 'hash'])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  if (head && (Number(head.seq) !== rows || head.hash !== prev))
    return { tenantId, rows, headHash: prev, broken: { seq: rows + 1, id: null, reason: 'truncated' } };
  return { tenantId, rows, headHash: prev, broken: null };
}

/** Every tenant with audit rows (or a chain head). */
export async function verifyAllChains(db: Kysely<DB>): Promise<ChainReport[]> {
  const tenants = await db.selectFrom('tenant').select('id').orderBy('slug').execute();
  const out: ChainReport[] = [];
  for (const t of tenants) out.push(await verifyTenantChain(db, t.id));
  return out;
}
