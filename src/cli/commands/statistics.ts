import type { Command } from 'commander';
import { statisticsQuery } from '../../server/modules/statistics/schema';
import { regionIndicators } from '../../server/modules/statistics/service';
import { withDatabase } from '../db';
import { fail } from '../fail';
import { resolveTenant } from '../tenant';

/** CONTRACTS §7: the same JSON as GET /api/statistics/indicators; small cells suppressed as outside the agency. */
export function registerStatistics(program: Command): void {
  program
    .command('statistics')
    .description('Kennzahlen der Region zu einem Stichtag als JSON (CONTRACTS §7; kleine Zellen unterdrückt)')
    .requiredOption('--as-of <date>', 'Stichtag JJJJ-MM-TT')
    .option('--municipality <id>', 'nur eine Kommune (ID)')
    .option('--gender <g>', 'm, f oder x')
    .option('--nationality <cc>', 'Staatsangehörigkeit (ISO-Code)')
    .option('--rechtskreis <rk>', 'asylblg, sgb2 oder sgb3_only')
    .option('--age-group <group>', 'Altersgruppe, z. B. 18-24')
    .option('--tenant <slug>', 'Region (Kurzname); ohne Angabe die einzige vorhandene')
    .action(
      async (o: {
        asOf: string;
        municipality?: string;
        gender?: string;
        nationality?: string;
        rechtskreis?: string;
        ageGroup?: string;
        tenant?: string;
      }) => {
        const parsed = statisticsQuery.safeParse({
          asOf: o.asOf,
          municipality: o.municipality,
          gender: o.gender,
          nationality: o.nationality,
          rechtskreis: o.rechtskreis,
          ageGroup: o.ageGroup,
        });
        if (!parsed.success)
          return fail(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n'));
        await withDatabase(async ({ db }) => {
          const tenant = await resolveTenant(db, o.tenant);
          if ('error' in tenant) return fail(tenant.error);
          const out = await regionIndicators(db, tenant.id, parsed.data, { suppress: true });
          process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        });
      },
    );
}
