import type { Command } from 'commander';
import { tenantSettingsPatchSchema } from '../../domain/settings/tenant-settings';
import { readSettings, updateSettings } from '../../server/modules/settings/service';
import { withDatabase } from '../db';
import { fail } from '../fail';
import { resolveTenant } from '../tenant';

/** "sgb2=10,sgb3_only=5" → { sgb2: 10, sgb3_only: 5 }; validation of keys and ranges is the schema's. */
function parseYears(value: string): Record<string, number> {
  return Object.fromEntries(
    value
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [k, v] = pair.split('=');
        return [k.trim(), Number(v)];
      }),
  );
}

/** `lotse settings show|set`: the region's maximum IP stay and retention periods, as on the admin API. */
export function registerSettings(program: Command): void {
  const settings = program
    .command('settings')
    .description('Einstellungen der Region: Höchstverweildauer im IP, Aufbewahrungsfristen je Rechtskreis');
  settings
    .command('show')
    .description('Einstellungen anzeigen (JSON)')
    .option('--tenant <slug>', 'Region (Kurzname); ohne Angabe die einzige vorhandene')
    .action(async (o: { tenant?: string }) => {
      await withDatabase(async ({ db }) => {
        const tenant = await resolveTenant(db, o.tenant);
        if ('error' in tenant) return fail(tenant.error);
        process.stdout.write(`${JSON.stringify(await readSettings(db, tenant.id), null, 2)}\n`);
      });
    });
  settings
    .command('set')
    .description('Einstellungen ändern (wird im Audit-Log vermerkt)')
    .option('--tenant <slug>', 'Region (Kurzname); ohne Angabe die einzige vorhandene')
    .option('--max-stay-months <n>', 'Höchstverweildauer im IP in Monaten (1–60)')
    .option('--retention-years <list>', 'z. B. sgb2=10,sgb3_only=5,asylblg=5,none=5 (1–30 Jahre)')
    .action(async (o: { tenant?: string; maxStayMonths?: string; retentionYears?: string }) => {
      const parsed = tenantSettingsPatchSchema.safeParse({
        ipMaxStayMonths: o.maxStayMonths === undefined ? undefined : Number(o.maxStayMonths),
        retentionYears: o.retentionYears === undefined ? undefined : parseYears(o.retentionYears),
      });
      if (!parsed.success)
        return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
      await withDatabase(async ({ db }) => {
        const tenant = await resolveTenant(db, o.tenant);
        if ('error' in tenant) return fail(tenant.error);
        const after = await updateSettings(db, null, tenant.id, parsed.data, null);
        process.stdout.write(`${JSON.stringify(after, null, 2)}\n`);
      });
    });
}
