import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { refreshStatistics } from '../../../db/maintenance';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { namesOf, personKeys } from './repo';

// Names in every script and shape the matcher handles: if the key function changes its output for any
// of them, the fingerprint changes and the stored keys are rebuilt.
const PROBES = [
  'Mohammed Al-Hassan',
  'محمد الحسن',
  'Abdul Rahman El Sayed',
  'Yusuf Haddad',
  'Oleksandr Kovalenko',
  'Олександр Коваленко',
  'ዮናስ ገብረመድህን',
  'Rahmatullah Abbasi',
  'نوید رحیم فیضی',
  'Ayşe Yılmaz',
  'Иван Петров',
  // Probes for the ou/u and doubled-letter folding: a change there must rebuild the keys too.
  'Abdoulhamid Dawud',
  'Hanan Abbu Rami',
  'Youssef Sheikh',
  // Look-alike letters and invisible characters (sanitiseName): keys stored before it are rebuilt.
  'M\u043Ehammed Moham\u200Bmed',
  // More keys than the cap: the cap now keeps the first keys in sorted order (order-independent).
  'Mohammed Abdul Rahman Al Hassan Ibrahim Yusuf Gebremedhin',
];

export function nameKeysFingerprint(): string {
  return createHash('sha256')
    .update(JSON.stringify(PROBES.map((n) => personKeys([n]))))
    .digest('hex')
    .slice(0, 16);
}

/**
 * Rebuilds the stored name keys of every person when the key function changed since they were computed
 * (a new matcher version must not silently miss existing records). Idempotent; one transaction.
 */
export async function ensureNameKeys(db: Kysely<DB>, log: (m: string) => void = () => {}): Promise<number> {
  const fingerprint = nameKeysFingerprint();
  const stored = await db
    .selectFrom('app_meta')
    .select('value')
    .where('key', '=', 'name_keys')
    .executeTakeFirst();
  if (stored?.value === fingerprint) return 0;
  const count = await db.transaction().execute(async (tx) => {
    // Every region's keys are rebuilt when the key algorithm changes (a start-up task, no request).
    await tx.deleteFrom('person_name_key').modifyEnd(crossTenant('rebuild of all name keys')).execute();
    let done = 0;
    for (let last = '00000000-0000-0000-0000-000000000000'; ; ) {
      const batch = await tx
        .selectFrom('person')
        .select(['id', 'tenant_id', 'given_names', 'family_name', 'name_original', 'name_variants'])
        .where('id', '>', last)
        .where('merged_into', 'is', null)
        .orderBy('id')
        .limit(2000)
        .modifyEnd(crossTenant('rebuild of all name keys'))
        .execute();
      if (batch.length === 0) break;
      const rows = batch.flatMap((p) =>
        personKeys(
          namesOf({
            givenNames: p.given_names,
            familyName: p.family_name,
            nameOriginal: p.name_original,
            nameVariants: p.name_variants,
          }),
        ).map((key) => ({ tenant_id: p.tenant_id, key, person_id: p.id })),
      );
      // A person created concurrently may already carry its keys: keep them.
      for (let i = 0; i < rows.length; i += 5000)
        await tx
          .insertInto('person_name_key')
          .values(rows.slice(i, i + 5000))
          .onConflict((oc) => oc.doNothing())
          .execute();
      done += batch.length;
      last = batch[batch.length - 1].id;
    }
    await tx
      .insertInto('app_meta')
      .values({ key: 'name_keys', value: fingerprint })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: fingerprint, updated_at: new Date() }))
      .execute();
    return done;
  });
  if (count > 0) await refreshStatistics(db);
  if (count > 0) log(`Namensschlüssel neu berechnet für ${count} Personen`);
  return count;
}
