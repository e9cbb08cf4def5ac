import { prepareName } from '../duplicates/prepare';

/**
 * Search keys of a person's names: one per phonetic skeleton of every name token, in any script
 * ("Mohammed", "Muhammad" and "محمد" all give t:mhmd). Stored beside the matcher's blocking keys, they
 * let a name search find every spelling with one index probe per query token.
 */
export function nameTokenKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const n of names)
    for (const t of prepareName(n).tokens) for (const s of t.skeletons) if (s) keys.add(`t:${s}`);
  return [...keys].sort();
}

/** The keys of each token of a query: a person matches when every token finds one of its keys. */
export function queryTokenKeys(query: string): string[][] {
  return prepareName(query)
    .tokens.map((t) => [...new Set(t.skeletons.filter(Boolean).map((s) => `t:${s}`))])
    .filter((k) => k.length > 0);
}
