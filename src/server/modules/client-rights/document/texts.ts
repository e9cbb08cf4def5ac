import { EXPORT_LANGUAGES, type ExportLanguage } from '../schema';
import ar from './texts/ar.json';
import de from './texts/de.json';
import en from './texts/en.json';
import fa from './texts/fa.json';
import uk from './texts/uk.json';

/**
 * The Art. 15 document's words, one catalogue per language a client reads (written by people, checked by
 * `catalogues.test.ts`: every key German has, none empty). German is the reference; `satisfies` makes the
 * compiler refuse a catalogue whose shape differs.
 */
export type ExportTexts = typeof de;
export const EXPORT_TEXTS = { de, en, ar, fa, uk } satisfies Record<ExportLanguage, ExportTexts>;
export { EXPORT_LANGUAGES, type ExportLanguage };

export function isExportLanguage(v: string): v is ExportLanguage {
  return Object.hasOwn(EXPORT_TEXTS, v);
}

/** An HTML fragment that is already escaped (and isolated where it needs to be). */
export type Html = string & { readonly __html: true };

export const esc = (v: string): Html =>
  v.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  ) as Html;

/**
 * A value inside a sentence, isolated from the text around it (HTML <bdi>, the markup twin of Unicode
 * FSI…PDI): a number, a name or a legal reference keeps its own order in a right-to-left sentence, and
 * the sentence's punctuation stays where the language puts it. `dir` forces a direction where the first
 * strong character would guess wrong ("§ 25 Abs. 2" starts with neutrals and digits).
 */
export const bdi = (v: string, dir?: 'ltr' | 'rtl'): Html =>
  `<bdi${dir ? ` dir="${dir}"` : ''}>${esc(v)}</bdi>` as Html;

type Tree = { [k: string]: string | Tree };

function lookup(tree: Tree, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export interface Translator {
  lang: ExportLanguage;
  /** Plain text of a key (escape it yourself, or use `html`). */
  text(key: string): string;
  /** Whether the catalogue knows the key (codes outside the catalogue, e.g. a tenant's own course type). */
  has(key: string): boolean;
  /** The key's template, escaped, with each {{var}} replaced by an already safe fragment. */
  html(key: string, vars?: Record<string, Html>): Html;
}

export function translator(lang: ExportLanguage): Translator {
  const tree = EXPORT_TEXTS[lang] as Tree;
  const text = (key: string): string => {
    const v = lookup(tree, key);
    if (v === undefined) throw new Error(`export text missing: ${lang}.${key}`);
    return v;
  };
  return {
    lang,
    text,
    has: (key) => lookup(tree, key) !== undefined,
    html: (key, vars = {}) =>
      esc(text(key)).replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
        const v = vars[name];
        if (v === undefined) throw new Error(`export text ${lang}.${key}: no value for ${name}`);
        return v;
      }) as Html,
  };
}
