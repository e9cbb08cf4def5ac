import type { Command } from 'commander';
import { type BreakReason, verifyAllChains, verifyTenantChain } from '../../db/audit-chain';
import { withDatabase } from '../db';
import { fail } from '../fail';
import { resolveTenant } from '../tenant';

const REASON: Record<BreakReason, string> = {
  changed: 'Inhalt nachträglich geändert',
  link: 'Verweis auf den vorigen Eintrag stimmt nicht (vorheriger Eintrag ersetzt oder eingefügt)',
  missing: 'Eintrag fehlt (gelöscht)',
  truncated: 'Einträge am Ende fehlen (gelöscht)',
};

/** `lotse audit verify`: walks each region's hash chain; exit 1 at the first broken link. */
export function registerAudit(program: Command): void {
  const audit = program.command('audit').description('Audit-Protokoll prüfen');
  audit
    .command('verify')
    .description('Hash-Kette des Audit-Protokolls prüfen (jede Region; Exit 1 beim ersten Bruch)')
    .option('--tenant <slug>', 'nur diese Region (Kurzname)')
    .option('--json', 'Ergebnis als JSON')
    .action(async (o: { tenant?: string; json?: boolean }) => {
      await withDatabase(async ({ db }) => {
        const slugs = new Map(
          (await db.selectFrom('tenant').select(['id', 'slug']).execute()).map((t) => [t.id, t.slug]),
        );
        let reports: Awaited<ReturnType<typeof verifyAllChains>>;
        if (o.tenant) {
          const tenant = await resolveTenant(db, o.tenant);
          if ('error' in tenant) return fail(tenant.error);
          reports = [await verifyTenantChain(db, tenant.id)];
        } else reports = await verifyAllChains(db);
        if (o.json) process.stdout.write(`${JSON.stringify(reports, null, 2)}\n`);
        for (const r of reports) {
          const region = slugs.get(r.tenantId) ?? r.tenantId;
          if (o.json) continue;
          if (r.broken)
            process.stdout.write(
              `${region}: Kette GEBROCHEN bei Eintrag Nr. ${r.broken.seq}` +
                `${r.broken.id === null ? '' : ` (id ${r.broken.id})`}: ${REASON[r.broken.reason]}; ` +
                `${r.rows} Einträge davor in Ordnung\n`,
            );
          else
            process.stdout.write(
              `${region}: Kette in Ordnung, ${r.rows} Einträge, letzter Hash ${r.headHash}\n`,
            );
        }
        if (reports.some((r) => r.broken)) process.exitCode = 1;
      });
    });
}
