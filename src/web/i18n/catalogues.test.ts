import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Every catalogue must have every key German has, in every language it is offered in, with no empty
// value and the same {{placeholders}}. Plural keys (German _one/_other) need every plural form of the
// target language (Arabic: zero, one, two, few, many, other): i18next falls back to German otherwise.
// Catalogues are found on disk, so one added by another feature is checked without touching this file.
// The staff UI's catalogues all feed one i18next namespace (index.ts merges them), so they are compared
// merged, per language: a key may live in de.json or casefile.de.json, as long as Arabic has it somewhere.

const root = join(import.meta.dirname, '..', '..', '..');
type Tree = { [k: string]: string | Tree };

/** Staff UI (src/web/**\/i18n): German, English, Arabic. */
const WEB_DIRS = webI18nDirs();
const WEB_LANGUAGES = ['en', 'ar'];
/** What a client reads: also Farsi and Ukrainian. */
const CATALOGUE_DIRS: { dir: string; languages: string[] }[] = [
  { dir: 'src/server/modules/client-rights/document/texts', languages: ['en', 'ar', 'fa', 'uk'] },
  { dir: 'src/domain/language/letter-texts', languages: ['en', 'ar', 'fa', 'uk'] },
  { dir: 'src/domain/plan/print-texts', languages: ['en', 'ar', 'fa', 'uk', 'tr', 'ti'] },
  { dir: 'src/domain/appointments/letter-texts', languages: ['en', 'ar', 'fa', 'uk', 'tr', 'ti'] },
];

function webI18nDirs(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const path = join(dir, e.name);
      if (e.name === 'i18n') out.push(relative(root, path));
      else walk(path);
    }
  };
  walk(join(root, 'src', 'web'));
  return out.sort();
}

/** Every catalogue file of one language in these folders, merged as the app merges them. */
function merged(dirs: string[], lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const ofLang = new RegExp(`(^|\\.)${lang}\\.json$`);
  for (const dir of dirs)
    for (const file of readdirSync(join(root, dir)).filter((f) => ofLang.test(f)))
      for (const [k, v] of flatten(JSON.parse(readFileSync(join(root, dir, file), 'utf8'))))
        if (!out.has(k)) out.set(k, v);
  return out;
}

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    if (typeof v === 'string') out.set(prefix + k, v);
    else for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
  }
  return out;
}

const PLURAL = /^(.*)_(zero|one|two|few|many|other)$/;
const placeholders = (s: string) => new Set([...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]));

/** German catalogue file → its sibling in `lang` (de.json → ar.json, casefile.de.json → casefile.ar.json). */
const sibling = (file: string, lang: string) => file.replace(/(^|\.)de\.json$/, `$1${lang}.json`);

function catalogueFindings(german: Map<string, string>, target: Map<string, string>, lang: string): string[] {
  const findings: string[] = [];
  const forms = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  const pluralBases = new Set<string>();
  for (const [key, de] of german) {
    const m = PLURAL.exec(key);
    if (m) {
      if (pluralBases.has(m[1])) continue;
      pluralBases.add(m[1]);
      for (const f of forms) {
        const v = target.get(`${m[1]}_${f}`);
        if (v === undefined) findings.push(`missing ${m[1]}_${f}`);
        else if (v.trim() === '') findings.push(`empty ${m[1]}_${f}`);
        else
          for (const p of placeholders(v))
            if (!placeholders(de).has(p)) findings.push(`${m[1]}_${f}: unknown placeholder {{${p}}}`);
      }
      continue;
    }
    const v = target.get(key);
    if (v === undefined) findings.push(`missing ${key}`);
    else if (v.trim() === '') findings.push(`empty ${key}`);
    else {
      const want = [...placeholders(de)].sort().join(',');
      const got = [...placeholders(v)].sort().join(',');
      if (want !== got) findings.push(`${key}: placeholders {${got}} instead of {${want}}`);
    }
  }
  for (const key of target.keys()) {
    const m = PLURAL.exec(key);
    if (m ? !pluralBases.has(m[1]) : !german.has(key)) findings.push(`not in German: ${key}`);
  }
  return findings;
}

describe('translation catalogues', () => {
  it('finds the catalogues of the staff UI', () => {
    expect(WEB_DIRS).toContain('src/web/i18n');
    expect(WEB_DIRS).toContain('src/web/features/language/i18n');
  });

  const webGerman = merged(WEB_DIRS, 'de');
  it('staff UI: German itself has no empty value', () => {
    expect([...webGerman].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });
  for (const lang of WEB_LANGUAGES)
    it(`staff UI: ${lang} has every key German has`, () => {
      expect(catalogueFindings(webGerman, merged(WEB_DIRS, lang), lang)).toEqual([]);
    });

  for (const { dir, languages } of CATALOGUE_DIRS) {
    const germanFiles = readdirSync(join(root, dir)).filter((f) => /(^|\.)de\.json$/.test(f));
    for (const file of germanFiles) {
      const german = flatten(JSON.parse(readFileSync(join(root, dir, file), 'utf8')));
      it(`${dir}/${file}: German itself has no empty value`, () => {
        expect([...german].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
      });
      for (const lang of languages) {
        const path = join(root, dir, sibling(file, lang));
        it(`${dir}/${sibling(file, lang)} has every key of ${file}`, () => {
          expect(existsSync(path), `${path} is missing`).toBe(true);
          const target = flatten(JSON.parse(readFileSync(path, 'utf8')));
          expect(catalogueFindings(german, target, lang)).toEqual([]);
        });
      }
    }
  }

  it('reports a missing key, a missing plural form, an empty value and a lost placeholder', () => {
    const de = new Map([
      ['a', 'Hallo {{name}}'],
      ['b', 'B'],
      ['n_one', '{{count}} Fall'],
      ['n_other', '{{count}} Fälle'],
    ]);
    const ar = new Map([
      ['a', 'مرحبًا'],
      ['b', ' '],
      ['n_one', 'حالة واحدة'],
      ['n_other', '{{count}} حالة'],
      ['c', 'زائد'],
    ]);
    expect(catalogueFindings(de, ar, 'ar')).toEqual([
      'a: placeholders {} instead of {name}',
      'empty b',
      'missing n_few',
      'missing n_many',
      'missing n_two',
      'missing n_zero',
      'not in German: c',
    ]);
  });
});
