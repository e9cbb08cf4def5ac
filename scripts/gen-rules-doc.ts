// Writes docs/rules.md from the law data: `npx tsx scripts/gen-rules-doc.ts`.
// scripts/gen-rules-doc.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderRulesDoc } from '../src/domain/rules';

export const RULES_DOC_PATH = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'rules.md');

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(RULES_DOC_PATH, renderRulesDoc());
  console.log(`wrote ${RULES_DOC_PATH}`);
}
