// One contract for the wire: the web app imports the API's types and value lists from the server's schema
// modules and the domain, it does not copy them. A copy drifts silently (a new status the server sends,
// the web's list does not know); this test finds copies in the web's sources and names file and line.
//
// (a) a list of string literals in the web (an array, a tuple or a union type) with exactly the values of
//     a list the server declares (a zod enum of a schema module, a string list or union in src/domain);
// (b) an interface or object type in the web with exactly the field names of a zod object of a schema
//     module (3 fields or more);
// (c) src/web/api/types.ts mirrors nothing.
// A list that is the web's own and only happens to hold the same words says so with a comment
// `wire-contract: own — <why>` on its line or the line above.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');

function walk(dir: string, keep: (f: string) => boolean, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const f = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'fixtures' && e.name !== 'testing') walk(f, keep, out);
    } else if (keep(f)) out.push(f);
  }
  return out;
}
const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts');
const isSchemaFile = (f: string) => /(^|[/\\])([a-z-]+-)?schema\.ts$/.test(f) && isSource(f);

/** Source with comments blanked out (line breaks kept, so offsets still give the line). */
function withoutComments(src: string): string {
  return src.replace(/\/\*[\s\S]*?\*\/|(?<![:'"`\\])\/\/[^\n]*/g, (m) => m.replace(/[^\n]/g, ' '));
}
const lineAt = (src: string, index: number) => src.slice(0, index).split('\n').length;

interface Found {
  file: string;
  line: number;
  values: string[];
}

const STRING = String.raw`(?:'[^'\n]*'|"[^"\n]*")`;
const ARRAY = new RegExp(String.raw`\[\s*(${STRING}(?:\s*,\s*${STRING})+)\s*,?\s*\]`, 'g');
const UNION = new RegExp(String.raw`${STRING}(?:\s*\|\s*${STRING})+`, 'g');
const unquote = (s: string) => s.slice(1, -1);

/** Every list of two or more string literals in a source: arrays/tuples and union types. */
function stringLists(file: string, src: string): Found[] {
  const code = withoutComments(src);
  const out: Found[] = [];
  for (const m of code.matchAll(ARRAY)) {
    const values = (m[1].match(new RegExp(STRING, 'g')) ?? []).map(unquote);
    out.push({ file, line: lineAt(code, m.index), values });
  }
  for (const m of code.matchAll(UNION)) {
    const values = (m[0].match(new RegExp(STRING, 'g')) ?? []).map(unquote);
    out.push({ file, line: lineAt(code, m.index), values });
  }
  return out;
}

const DECLARED =
  /(?:\bconst\s+[A-Z][A-Z0-9_]*\s*(?::[^=]+)?=\s*|\bz\.enum\(\s*|\btype\s+\w+\s*=\s*\|?\s*)(?=['"[])/g;

/** The value lists a source declares: constants in capitals, union type aliases, z.enum([...]). */
function declaredLists(file: string, src: string): Found[] {
  const code = withoutComments(src);
  const lines = new Set([...code.matchAll(DECLARED)].map((m) => lineAt(code, m.index + m[0].length)));
  return stringLists(file, src).filter((l) => lines.has(l.line));
}

/** Interfaces and object type aliases of a source with the names of their own (top-level) fields. */
function objectTypes(file: string, src: string): (Found & { name: string })[] {
  const code = withoutComments(src);
  const out: (Found & { name: string })[] = [];
  // An interface, an object type alias, or the answer type written into a call (`api.get<{ … }>(…)`).
  const head =
    /\b(?:interface\s+(\w+)(?:<[^>{]*>)?(?:\s+extends\s+[^{]+)?|type\s+(\w+)(?:<[^>=]*>)?\s*=|api\.(\w+)<)\s*\{/g;
  for (const m of code.matchAll(head)) {
    let depth = 0;
    let i = m.index + m[0].length - 1;
    let body = '';
    for (; i < code.length; i++) {
      const c = code[i];
      if (c === '{' || c === '(' || c === '[' || c === '<') depth++;
      else if (c === '}' || c === ')' || c === ']' || (c === '>' && code[i - 1] !== '=')) depth--;
      if (depth === 0) break;
      body += depth === 1 ? c : ' ';
    }
    const fields = [...body.matchAll(/(?:^|[;,\n{])\s*(?:readonly\s+)?(\w+)\??\s*:/g)].map((f) => f[1]);
    out.push({
      file,
      line: lineAt(code, m.index),
      name: m[1] ?? m[2] ?? `the answer of api.${m[3]}`,
      values: fields,
    });
  }
  return out;
}

// ---- what the server declares -------------------------------------------------------------------------

type Def = { type: string; [k: string]: unknown };
const defOf = (s: unknown): Def | undefined => (s as { _zod?: { def?: Def } } | null)?._zod?.def ?? undefined;

/** Walks a zod schema: every enum's values and every object's field names. */
function walkZod(schema: unknown, enums: string[][], objects: string[][], seen = new Set<unknown>()): void {
  const def = defOf(schema);
  if (!def || seen.has(schema)) return;
  seen.add(schema);
  const go = (s: unknown) => walkZod(s, enums, objects, seen);
  switch (def.type) {
    case 'enum':
      enums.push(Object.values(def.entries as Record<string, unknown>).filter((v) => typeof v === 'string'));
      break;
    case 'literal':
      if ((def.values as unknown[]).length > 1) enums.push((def.values as unknown[]).map(String));
      break;
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      objects.push(Object.keys(shape));
      for (const v of Object.values(shape)) go(v);
      break;
    }
    case 'array':
      go(def.element);
      break;
    case 'union':
      for (const o of def.options as unknown[]) go(o);
      break;
    case 'intersection':
      go(def.left);
      go(def.right);
      break;
    case 'pipe':
      go(def.in);
      go(def.out);
      break;
    case 'record':
      go(def.keyType);
      go(def.valueType);
      break;
    case 'tuple':
      for (const o of def.items as unknown[]) go(o);
      break;
    case 'lazy':
      go((def.getter as () => unknown)());
      break;
    default:
      if ('innerType' in def) go(def.innerType);
  }
}

const serverDir = join(ROOT, 'src', 'server', 'modules');
const domainDir = join(ROOT, 'src', 'domain');
const webDir = join(ROOT, 'src', 'web');
const schemaFiles = walk(serverDir, isSchemaFile);
const domainFiles = walk(domainDir, isSource);

interface Declared {
  where: string;
  values: string[];
}
const key = (values: string[]) => [...new Set(values)].sort().join('\u0000');

async function serverDeclarations(): Promise<{
  lists: Map<string, Declared>;
  objects: Map<string, Declared>;
}> {
  const lists = new Map<string, Declared>();
  const objects = new Map<string, Declared>();
  const addList = (values: string[], where: string) => {
    if (new Set(values).size >= 2 && !lists.has(key(values))) lists.set(key(values), { where, values });
  };
  // The schema modules, loaded: enums built from constants or spreads count as what zod really checks.
  const modules: [string, Record<string, unknown>][] = [];
  for (const f of schemaFiles)
    modules.push([f, (await import(/* @vite-ignore */ f)) as Record<string, unknown>]);
  // Named lists first (GENDERS, EXPORT_LANGUAGES): a message names the constant to import.
  for (const [f, mod] of modules) {
    for (const [name, value] of Object.entries(mod)) {
      if (Array.isArray(value) && value.length >= 2 && value.every((v) => typeof v === 'string'))
        addList(value, `${rel(f)} (${name})`);
    }
  }
  for (const [f, mod] of modules) {
    for (const [name, value] of Object.entries(mod)) {
      const enums: string[][] = [];
      const objs: string[][] = [];
      walkZod(value, enums, objs);
      for (const e of enums) addList(e, `${rel(f)} (${name})`);
      for (const o of objs) {
        if (o.length >= 3 && !objects.has(key(o)))
          objects.set(key(o), { where: `${rel(f)} (${name})`, values: o });
      }
    }
  }
  // The domain's lists and unions, read from the sources (the domain is large; parsing is enough).
  // Only declared value lists count here (a constant in capitals, a union type, a z.enum), not data such
  // as a transition table's rows.
  for (const f of domainFiles) {
    for (const l of declaredLists(rel(f), readFileSync(f, 'utf8'))) addList(l.values, `${l.file}:${l.line}`);
  }
  return { lists, objects };
}

const webFiles = walk(webDir, isSource).filter((f) => !rel(f).startsWith('src/web/test/'));
const webSources = webFiles.map((f) => ({ file: rel(f), src: readFileSync(f, 'utf8') }));
const excused = (src: string, line: number) =>
  src
    .split('\n')
    .slice(Math.max(0, line - 2), line)
    .some((l) => l.includes('wire-contract: own'));

/** The web's copies of server lists (a) and server objects (b): one message per copy. */
function findCopies(
  sources: { file: string; src: string }[],
  lists: Map<string, Declared>,
  objects: Map<string, Declared>,
): string[] {
  const problems: string[] = [];
  for (const { file, src } of sources) {
    for (const l of stringLists(file, src)) {
      const hit = lists.get(key(l.values));
      if (hit && !excused(src, l.line))
        problems.push(
          `${l.file}:${l.line} copies the list [${l.values.join(', ')}] declared in ${hit.where}: import it from there`,
        );
    }
    for (const o of objectTypes(file, src)) {
      if (o.values.length < 3) continue;
      const hit = objects.get(key(o.values));
      if (hit && !excused(src, o.line))
        problems.push(
          `${o.file}:${o.line} declares ${o.name} with the fields of ${hit.where}: use z.infer<typeof …> of it`,
        );
    }
  }
  return problems;
}

// ---- the web bundle takes values only from files that import nothing but zod and the domain --------------

const IMPORT =
  /\b(import|export)\s+(type\s+)?(\{[^}]*\}|\*(?:\s+as\s+\w+)?|\w+(?:\s*,\s*\{[^}]*\})?)\s+from\s+'([^']+)'/g;

/** The modules a source takes values from (type-only imports and specifiers left out). */
function valueImports(src: string): string[] {
  const out: string[] = [];
  for (const m of withoutComments(src).matchAll(IMPORT)) {
    if (m[2]) continue;
    const names = m[3].startsWith('{')
      ? m[3]
          .slice(1, -1)
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean)
      : [m[3]];
    if (names.every((n) => n.startsWith('type '))) continue;
    out.push(m[4]);
  }
  return out;
}

function resolveTs(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = join(from, '..', spec);
  for (const c of [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    try {
      readFileSync(c);
      return c;
    } catch {}
  }
  return null;
}

/** Why a server file may not be bundled into the web app (a value import of non-domain code), or null. */
function serverOnly(file: string, seen = new Set<string>()): string | null {
  if (seen.has(file)) return null;
  seen.add(file);
  if (rel(file).startsWith('src/domain/')) return null;
  for (const spec of valueImports(readFileSync(file, 'utf8'))) {
    if (spec === 'zod') continue;
    const target = resolveTs(file, spec);
    if (!target) return `${rel(file)} imports ${spec}`;
    if (rel(target).startsWith('src/domain/')) continue;
    if (!isSchemaFile(target)) return `${rel(file)} imports ${rel(target)}`;
    const why = serverOnly(target, seen);
    if (why) return why;
  }
  return null;
}

describe('one contract for the wire', () => {
  test('the scan finds schema modules, domain lists and web sources at all', async () => {
    const { lists, objects } = await serverDeclarations();
    expect(schemaFiles.length).toBeGreaterThan(20);
    expect(lists.size).toBeGreaterThan(50);
    expect(objects.size).toBeGreaterThan(100);
    expect(webSources.length).toBeGreaterThan(100);
    // The detector itself: a copied list, a copied union and a copied answer are each found, with the line.
    const gender = [...lists.values()].find((d) => key(d.values) === key(['f', 'm', 'x', 'u']));
    expect(gender?.where).toContain('persons/schema.ts');
    const copy = [
      "import { z } from 'zod';",
      "const G = ['u', 'x', 'm', 'f'] as const;",
      "type D = 'withdrawn' | 'pending' | 'recognised' | 'rejected' | 'rejected_manifestly_unfounded' | 'rejected_inadmissible' | 'none';",
      'interface C { id: string; purpose: string; recipientAgency: { id: string; name: string };',
      '  dataCategories: string[]; givenOn: string; withdrawnOn: string | null; formLanguage: string;',
      '  scanRef: string | null; active: boolean }',
      "const r = api.post<{ created: number; updated: number; places: number }>('/x', {});",
      '// wire-contract: own — a made-up excuse for the test',
      "const H = ['f', 'm', 'x', 'u'];",
    ].join('\n');
    const found = findCopies([{ file: 'src/web/x.ts', src: copy }], lists, objects);
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(
      /^src\/web\/x\.ts:2 copies the list \[u, x, m, f\] declared in .*persons\/schema\.ts/,
    );
    expect(found[1]).toMatch(/^src\/web\/x\.ts:3 copies the list/);
    expect(found[2]).toMatch(
      /^src\/web\/x\.ts:4 declares C with the fields of .*consents\/schema\.ts \(consentOut\)/,
    );
    expect(found[3]).toMatch(
      /^src\/web\/x\.ts:7 declares the answer of api\.post with the fields of .*\(catalogueCommitOut\)/,
    );
  });

  test('the web declares no copy of a wire list or a wire answer', async () => {
    const { lists, objects } = await serverDeclarations();
    expect(findCopies(webSources, lists, objects)).toEqual([]);
  });

  test('values come only from schema modules that import nothing but zod and the domain', () => {
    const problems: string[] = [];
    for (const f of webFiles) {
      for (const spec of valueImports(readFileSync(f, 'utf8'))) {
        const target = resolveTs(f, spec);
        if (!target || !rel(target).startsWith('src/server/')) continue;
        const why = isSchemaFile(target) ? serverOnly(target) : `${rel(target)} is no schema module`;
        if (why) problems.push(`${rel(f)} takes values from ${rel(target)}: ${why}`);
      }
    }
    expect(problems).toEqual([]);
    expect(
      valueImports(
        "import { a, type B } from './x';\nimport type { C } from './y';\nimport { type D } from './z';",
      ),
    ).toEqual(['./x']);
  });

  test('src/web/api/types.ts mirrors nothing', () => {
    const src = readFileSync(join(webDir, 'api', 'types.ts'), 'utf8');
    expect(src).not.toMatch(/mirror/i);
    const own = objectTypes('src/web/api/types.ts', src).map((o) => `${o.name} (line ${o.line})`);
    expect(own, 'types.ts declares its own object types instead of z.infer of a schema').toEqual([]);
    expect(stringLists('src/web/api/types.ts', src), 'types.ts declares its own value lists').toEqual([]);
  });
});
