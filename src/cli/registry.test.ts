import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from './registry';

const root = join(import.meta.dirname, '..', '..');

describe('CLI command registry', () => {
  it.each(COMMANDS.map((c) => [c.names.join(', '), c] as const))(
    '%s: the module registers what the entry promises',
    async (_n, entry) => {
      const program = new Command();
      (await entry.load())(program);
      const registered = program.commands.map((c) => c.name());
      for (const n of entry.names) expect(registered).toContain(n);
    },
  );

  it('names every command once', () => {
    const names = COMMANDS.flatMap((c) => c.names);
    expect(new Set(names).size).toBe(names.length);
  });
});

// The compiled server must behave like the sources: assets found relative to their source files
// (law files, migrations), lazily loaded commands, the same output.
describe('compiled CLI (scripts/build-server.mjs)', () => {
  let out: string;
  beforeAll(() => {
    // Inside the repository, so that the bundle's package imports resolve from node_modules.
    mkdirSync(join(root, 'dist'), { recursive: true });
    out = mkdtempSync(join(root, 'dist', 'test-build-'));
    const r = spawnSync(
      process.execPath,
      ['scripts/build-server.mjs', '--outdir', out, '--strict', '--quiet'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.status, r.stderr).toBe(0);
  }, 60_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [join(out, 'lotse.mjs'), ...args], {
      cwd: tmpdir(),
      encoding: 'utf8',
      input,
    });

  it('lists every command in the overview', () => {
    const r = run(['--help']);
    expect(r.status).toBe(0);
    for (const n of COMMANDS.flatMap((c) => c.names)) expect(r.stdout).toMatch(new RegExp(`^  ${n}\\b`, 'm'));
  });

  it('evaluates the contract examples exactly as the sources do', () => {
    const examples = readFileSync(join(root, 'src/domain/rules/fixtures/rules-examples.json'), 'utf8');
    const situations = JSON.stringify(JSON.parse(examples).map((e: { situation: unknown }) => e.situation));
    const compiled = run(['rules', 'evaluate', '--input', '-'], situations);
    const sources = spawnSync(process.execPath, ['bin/lotse.mjs', 'rules', 'evaluate', '--input', '-'], {
      cwd: root,
      encoding: 'utf8',
      input: situations,
      env: { ...process.env, LOTSE_FROM_SOURCE: '1' },
    });
    expect(compiled.status, compiled.stderr).toBe(0);
    expect(JSON.parse(compiled.stdout)).toEqual(JSON.parse(sources.stdout));
  }, 60_000);

  it('an unknown command is refused with the overview hint', () => {
    const r = run(['frobnicate']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/unknown command/);
  });
});
