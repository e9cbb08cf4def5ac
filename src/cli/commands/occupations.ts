import type { Command } from 'commander';
import { searchOccupations } from '../../domain/occupations';
import { occupationIndex } from '../../server/modules/occupations/esco-index';
import { fail } from '../fail';

/** CONTRACTS §4: `lotse occupations search --lang de --limit 5 "Bäckerin"` → JSON array, best first. */
export function registerOccupations(program: Command): void {
  const occupations = program
    .command('occupations')
    .description('Berufe suchen (ESCO): Tippfehler, weibliche Formen, Umgangsbezeichnungen, ar/uk/en');
  occupations
    .command('search <text...>')
    .description('die besten ESCO-Berufe zu einer Berufsbezeichnung als JSON: [{uri, isco, label, score}]')
    .option('--lang <lang>', 'Sprache der Eingabe und der Bezeichnungen (de, en, ar, uk)', 'de')
    .option('--limit <n>', 'wie viele Berufe', '10')
    .action((text: string[], opts: { lang: string; limit: string }) => {
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1 || limit > 100)
        return fail('--limit: eine ganze Zahl von 1 bis 100');
      const query = text.join(' ').trim();
      if (!query) return fail('Bitte eine Berufsbezeichnung angeben');
      const hits = searchOccupations(occupationIndex(), query, { lang: opts.lang, limit });
      process.stdout.write(`${JSON.stringify(hits, null, 2)}\n`);
    });
  // "This service uses the ESCO classification of the European Commission." (ESCO licence)
  occupations.addHelpText('after', '\nThis service uses the ESCO classification of the European Commission.');
}
