import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LAW, renderRulesDoc } from '../src/domain/rules';
import { RULES_DOC_PATH } from './gen-rules-doc';

const RULES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'domain', 'rules');

describe('docs/rules.md', () => {
  it('is up to date with the law data (run `npx tsx scripts/gen-rules-doc.ts`)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('lists every rule with its basis and validity', () => {
    const doc = renderRulesDoc();
    for (const r of DEFAULT_LAW.rules) {
      expect(doc).toContain(`\`${r.id}\``);
      expect(doc).toContain(r.validFrom);
    }
  });
});

describe('law as data', () => {
  it('keeps legal dates out of the decision logic (only law-default*.ts hold them)', () => {
    const logic = readdirSync(RULES_DIR).filter(
      (f) =>
        f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('law-default') && f !== 'rules-doc.ts',
    );
    expect(logic.length).toBeGreaterThan(10);
    for (const f of logic) {
      const code = readFileSync(join(RULES_DIR, f), 'utf8')
        .split('\n')
        .filter((l) => !/^\s*(\/\/|\/\*|\*)/.test(l))
        .join('\n');
      expect(code.match(/\d{4}-\d{2}-\d{2}|\d{2}\.\d{2}\.\d{4}/g), f).toBeNull();
    }
  });

  it('keeps the domain free of I/O and console', () => {
    for (const f of readdirSync(RULES_DIR).filter((x) => x.endsWith('.ts') && !x.endsWith('.test.ts'))) {
      const code = readFileSync(join(RULES_DIR, f), 'utf8');
      expect(code, f).not.toMatch(/from 'node:|console\./);
    }
  });
});
