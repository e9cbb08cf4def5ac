#!/usr/bin/env node
// Compiles the server and CLI (src/cli/main.ts and everything it imports, without node_modules) into ES
// modules in dist/server (lotse.mjs plus one chunk per lazily loaded command, so `--help` loads little), so production starts plain JavaScript instead of compiling TypeScript
// at run time through tsx (`lotse --help` 1.8 s → well under 0.3 s). bin/lotse.mjs runs this build when it
// is newer than every source file and falls back to the sources through tsx otherwise — a stale build can
// never run. Runs on `npm ci` (prepare), `npm run build` and `npm start`.
//
// Source files find their assets (migrations, law files, data) relative to their own location with
// import.meta.url / import.meta.dirname. In one bundle these would all point into dist/, so a small plugin
// replaces them per file with the file's original location under src/ — the assets stay where they are.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `--outdir DIR` builds elsewhere (the test builds into a temporary folder, not under a running CLI's feet).
const outArg = process.argv.indexOf('--outdir');
const outdir = outArg > 0 ? resolve(process.argv[outArg + 1]) : join(root, 'dist', 'server');
const outfile = join(outdir, 'lotse.mjs');

const sourceLocation = {
  name: 'source-location',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.tsx?$/ }, (args) => {
      let text = readFileSync(args.path, 'utf8');
      const rel = relative(root, args.path).split('\\').join('/');
      if (
        text.includes('import.meta.url') ||
        text.includes('import.meta.dirname') ||
        text.includes('import.meta.filename')
      ) {
        const url = `new URL(${JSON.stringify(rel)}, __lotseRoot).href`;
        text = text
          .replaceAll('import.meta.url', url)
          .replaceAll('import.meta.filename', `__lotseFileURLToPath(${url})`)
          .replaceAll('import.meta.dirname', `__lotseDirname(__lotseFileURLToPath(${url}))`);
      }
      return { contents: text, loader: args.path.endsWith('x') ? 'tsx' : 'ts' };
    });
  },
};

try {
  const esbuild = await import('esbuild');
  const started = performance.now();
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir, { recursive: true });
  await esbuild.build({
    entryPoints: {
      lotse: join(root, 'src', 'cli', 'main.ts'),
      'pglite-template': join(root, 'src', 'db', 'make-template.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    // Chunks sit beside lotse.mjs, so one banner finds the repository root from every file.
    chunkNames: '[name]-[hash]',
    splitting: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [sourceLocation],
    banner: {
      js: [
        "import { fileURLToPath as __lotseFileURLToPath } from 'node:url';",
        "import { dirname as __lotseDirname } from 'node:path';",
        `const __lotseRoot = new URL(${JSON.stringify(`${relative(outdir, root).split('\\').join('/') || '.'}/`)}, import.meta.url);`,
      ].join('\n'),
    },
  });
  const size = statSync(outfile).size;
  writeFileSync(join(outdir, 'package.json'), '{ "type": "module" }\n');
  if (!process.argv.includes('--quiet')) {
    process.stdout.write(
      `Server gebaut: ${relative(root, outfile)} (${(size / 1024).toFixed(0)} KB, ${Math.round(performance.now() - started)} ms) — ${pathToFileURL(outfile).href}\n`,
    );
  }
  // The empty, migrated PGlite database a fresh data directory starts from (src/db/template.ts): made once
  // per change of the migrations or of PGlite, so the first `npm start` runs neither initdb nor migrations.
  if (outArg < 0 && !process.argv.includes('--no-template')) {
    const t = performance.now();
    const { makePgliteTemplate } = await import(pathToFileURL(join(outdir, 'pglite-template.mjs')).href);
    const { dir, status } = await makePgliteTemplate();
    if (status === 'made' && !process.argv.includes('--quiet'))
      process.stdout.write(
        `PGlite-Vorlage: ${relative(root, dir)} (${Math.round(performance.now() - t)} ms)\n`,
      );
  }
} catch (e) {
  // Never break `npm ci`: without a build the CLI runs the sources through tsx.
  process.stderr.write(`Server-Build übersprungen: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = process.argv.includes('--strict') ? 1 : 0;
}
