import type { Command } from 'commander';

/**
 * The CLI's commands, each loaded only when it runs. `lotse --help` needs the names and one line each —
 * not Fastify, Kysely, PGlite and the rules engine, whose loading took most of the 1.8 s the help once
 * needed. `summary` is the overview's one line; the command's own help has the long description. A test
 * loads every module and checks that it registers the names its entry promises.
 */
export interface CommandEntry {
  /** The command name(s) this entry stands for; the module may register more (backup.ts: backup, restore). */
  names: readonly string[];
  /** Usage arguments shown in the overview, e.g. "<file>". */
  args?: string;
  summary: string;
  load: () => Promise<(program: Command) => void>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    names: ['serve'],
    summary: 'API und Web-Oberfläche starten (Port 3000, PGlite in ./data oder DATABASE_URL)',
    load: async () => (await import('./commands/serve')).registerServe,
  },
  {
    names: ['migrate'],
    summary: 'Datenbankschema auf den neuesten Stand bringen',
    load: async () => (await import('./commands/migrate')).registerMigrate,
  },
  {
    names: ['seed'],
    summary: 'Daten laden',
    load: async () => (await import('./commands/seed')).registerSeed,
  },
  {
    names: ['user'],
    summary: 'Benutzerkonten verwalten',
    load: async () => (await import('./commands/user')).registerUser,
  },
  {
    names: ['settings'],
    summary: 'Einstellungen der Region: Höchstverweildauer im IP, Aufbewahrungsfristen je Rechtskreis',
    load: async () => (await import('./commands/settings')).registerSettings,
  },
  {
    names: ['rules'],
    summary: 'Rechtsregeln: Arbeitsmarktzugang, Rechtskreis, Kurse, Fristen (legal rules engine)',
    load: async () => (await import('./commands/rules')).registerRules,
  },
  {
    names: ['allocate'],
    summary: 'Kursplätze optimal zuteilen (CONTRACTS §3): liest eine Instanz, schreibt die Zuteilung',
    load: async () => (await import('./commands/allocate')).registerAllocate,
  },
  {
    names: ['duplicates'],
    summary: 'Dubletten in Personendaten finden (CONTRACTS §5)',
    load: async () => (await import('./commands/duplicates')).registerDuplicates,
  },
  {
    names: ['occupations'],
    summary:
      'Berufe suchen (ESCO, CONTRACTS §4): Tippfehler, weibliche Formen, Umgangsbezeichnungen, ar/uk/en',
    load: async () => (await import('./commands/occupations')).registerOccupations,
  },
  {
    names: ['statistics'],
    summary: 'Kennzahlen der Region zu einem Stichtag als JSON (CONTRACTS §7)',
    load: async () => (await import('./commands/statistics')).registerStatistics,
  },
  {
    names: ['audit'],
    summary: 'Audit-Protokoll prüfen',
    load: async () => (await import('./commands/audit')).registerAudit,
  },
  {
    names: ['backup'],
    args: '<file>',
    summary: 'Datensicherung schreiben (PGlite-Verzeichnis als .tar.gz, PostgreSQL-Server mit pg_dump)',
    load: async () => (await import('./commands/backup')).registerBackup,
  },
  {
    names: ['restore'],
    args: '<file>',
    summary: 'Datensicherung zurückspielen',
    load: async () => (await import('./commands/backup')).registerBackup,
  },
];

/**
 * Registers what the arguments need: the one command named in argv, fully; for anything else (no
 * command, `--help`, an unknown name) every command as a one-line entry, so the overview and commander's
 * "unknown command" hint stay complete.
 */
export async function registerFor(program: Command, argv: readonly string[]): Promise<void> {
  const name = argv.slice(2).find((a) => !a.startsWith('-'));
  const entry = COMMANDS.find((c) => name !== undefined && c.names.includes(name));
  if (entry) {
    (await entry.load())(program);
    return;
  }
  for (const c of COMMANDS) {
    for (const n of c.names) program.command(c.args ? `${n} ${c.args}` : n).description(c.summary);
  }
}
