import type { Command } from 'commander';
import { ROLES, type Role } from '../../domain/access/roles';
import { HttpError } from '../../server/http/errors';
import { createUser, disableUser, resetPassword } from '../../server/modules/users/service';
import { withDatabase } from '../db';
import { fail } from '../fail';
import { resolveTenant } from '../tenant';

async function userIdByEmail(db: Parameters<Parameters<typeof withDatabase>[0]>[0]['db'], email: string) {
  const u = await db
    .selectFrom('app_user')
    .select(['id', 'tenant_id'])
    .where(({ fn }) => fn('lower', ['email']), '=', email.toLowerCase())
    .executeTakeFirst();
  if (!u) throw new HttpError(404, 'not_found', `Kein Konto mit der E-Mail-Adresse ${email}`);
  return u;
}

async function run(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof HttpError) fail(e.message);
    else throw e;
  }
}

/**
 * The new password from --password or from LOTSE_NEW_PASSWORD (which keeps it out of the process list
 * and the shell history); both set and different is a mistake worth stopping for.
 */
function newPassword(flag: string | undefined): string | null {
  const env = process.env.LOTSE_NEW_PASSWORD || undefined;
  if (flag !== undefined && env !== undefined && flag !== env) {
    fail('--password und LOTSE_NEW_PASSWORD sind beide gesetzt und verschieden: bitte nur eines angeben');
    return null;
  }
  const password = flag ?? env;
  if (password === undefined) {
    fail('Passwort fehlt: LOTSE_NEW_PASSWORD setzen oder --password angeben');
    return null;
  }
  return password;
}

export function registerUser(program: Command): void {
  const user = program.command('user').description('Benutzerkonten verwalten');
  user
    .command('create')
    .description('Konto anlegen')
    .requiredOption('--email <email>')
    .requiredOption('--name <name>', 'Anzeigename')
    .requiredOption('--role <role>', `eine von: ${ROLES.join(', ')}`)
    .requiredOption('--agency <name>', 'Name der Stelle (wie in der Datenbank)')
    .option('--tenant <slug>', 'Region (Kurzname); ohne Angabe die einzige vorhandene')
    .option('--team <team>')
    .option(
      '--password <password>',
      'mindestens 12 Zeichen; besser LOTSE_NEW_PASSWORD setzen (die Kommandozeile sehen andere Prozesse)',
    )
    .action(
      async (o: {
        email: string;
        name: string;
        role: string;
        agency: string;
        tenant?: string;
        team?: string;
        password?: string;
      }) => {
        const password = newPassword(o.password);
        if (password === null) return;
        if (!(ROLES as readonly string[]).includes(o.role))
          return fail(`--role: unbekannte Rolle "${o.role}"; erlaubt: ${ROLES.join(', ')}`);
        await withDatabase(({ db }) =>
          run(async () => {
            const tenant = await resolveTenant(db, o.tenant);
            if ('error' in tenant) return fail(tenant.error);
            const agency = await db
              .selectFrom('agency')
              .select('id')
              .where('tenant_id', '=', tenant.id)
              .where('name', '=', o.agency)
              .executeTakeFirst();
            if (!agency) return fail(`--agency: Stelle "${o.agency}" nicht gefunden`);
            const { id } = await createUser(db, {
              tenantId: tenant.id,
              agencyId: agency.id,
              email: o.email,
              displayName: o.name,
              role: o.role as Role,
              team: o.team,
              password,
            });
            process.stdout.write(`angelegt: ${o.email} (${id})\n`);
          }),
        );
      },
    );
  user
    .command('disable')
    .description('Konto sperren und alle Sitzungen beenden')
    .argument('<email>')
    .action(async (email: string) => {
      await withDatabase(({ db }) =>
        run(async () => {
          const u = await userIdByEmail(db, email);
          await disableUser(db, u.tenant_id, u.id);
          process.stdout.write(`gesperrt: ${email}\n`);
        }),
      );
    });
  user
    .command('reset-password')
    .description('Passwort neu setzen (beendet alle Sitzungen)')
    .argument('<email>')
    .option('--password <password>', 'besser LOTSE_NEW_PASSWORD setzen')
    .action(async (email: string, o: { password?: string }) => {
      const password = newPassword(o.password);
      if (password === null) return;
      await withDatabase(({ db }) =>
        run(async () => {
          const u = await userIdByEmail(db, email);
          await resetPassword(db, u.tenant_id, u.id, password);
          process.stdout.write(`Passwort neu gesetzt: ${email}\n`);
        }),
      );
    });
}
