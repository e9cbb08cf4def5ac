import { DEMO_PROVIDER_LOGINS } from '../server/demo/language';
import { DEMO_STAFF } from '../server/demo/staff';

export function printDemoLogins(password: string): void {
  process.stdout.write(`\nDemo-Zugänge (Passwort: ${password}):\n`);
  for (const s of DEMO_STAFF.filter((x) => x.printed))
    process.stdout.write(`  ${s.email.padEnd(28)} ${s.label}\n`);
  for (const p of DEMO_PROVIDER_LOGINS)
    process.stdout.write(`  ${p.email.padEnd(28)} Bildungsträger: ${p.agency}\n`);
  process.stdout.write('\n');
}
