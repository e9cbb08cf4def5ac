import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import examples from '../../domain/rules/fixtures/rules-examples.json';
import { registerRules } from './rules';

const dir = mkdtempSync(join(tmpdir(), 'lotse-rules-cli-'));
function file(name: string, content: unknown): string {
  const p = join(dir, name);
  writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content));
  return p;
}

async function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    err += String(s);
    return true;
  });
  process.exitCode = 0;
  const program = new Command().exitOverride();
  registerRules(program);
  try {
    await program.parseAsync(['node', 'lotse', ...args]);
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
  const code = Number(process.exitCode ?? 0);
  process.exitCode = 0;
  return { out, err, code };
}

afterEach(() => {
  process.exitCode = 0;
});

describe('lotse rules', () => {
  const situations = file(
    'examples.json',
    examples.map((x) => x.situation),
  );

  it('evaluate: decisions in input order, contract fields only, exit 0', async () => {
    const r = await run('rules', 'evaluate', '--input', situations);
    expect(r.code).toBe(0);
    const decisions = JSON.parse(r.out) as Record<string, unknown>[];
    expect(decisions.map((d) => d.id)).toEqual(examples.map((x) => x.situation.id));
    for (const [i, d] of decisions.entries()) expect(d).toMatchObject(examples[i].expected);
    expect(Object.keys(decisions[0])).toEqual([
      'id',
      'employment',
      'permitFrom',
      'baConsent',
      'benefits',
      'agency',
      'rules',
      'explanation',
    ]);
  });

  it('evaluate --extended adds courses and deadlines', async () => {
    const r = await run('rules', 'evaluate', '--extended', '--input', situations);
    const decisions = JSON.parse(r.out) as Record<string, unknown>[];
    expect(decisions[0]).toHaveProperty('courses.integrationCourse.status');
    expect(decisions[0]).toHaveProperty('deadlines');
  });

  it('evaluate: invalid input → exit 2 naming the JSON path', async () => {
    const bad = file('bad.json', [
      { id: 'a' },
      { id: 'b' },
      { id: 'c' },
      { id: 'd', status: { since: '2024-02-30' } },
    ]);
    const r = await run('rules', 'evaluate', '--input', bad);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('$[3].status.since: invalid date');
  });

  it('evaluate: broken JSON → exit 2', async () => {
    const r = await run('rules', 'evaluate', '--input', file('broken.json', '[{'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^\$: invalid JSON/);
  });

  it('impact --on lists changed situations with before/after', async () => {
    const r = await run('rules', 'impact', '--input', situations, '--on', '2024-02-27');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.out) as { id: string; before: unknown; after: unknown }[];
    expect(rows.map((x) => x.id)).toEqual(['v3']);
    expect(r.err).toContain('1 of 7 situations differ between 2024-02-26 and 2024-02-27');
  });

  it('impact: bad date → exit 2', async () => {
    const r = await run('rules', 'impact', '--input', situations, '--on', '27.02.2024');
    expect(r.code).toBe(2);
    expect(r.err).toContain('--on: invalid date');
  });

  it('list prints every rule with basis and validity', async () => {
    const r = await run('rules', 'list');
    expect(r.out).toContain('gestattung.ae_6m');
    expect(r.out).toContain('2024-02-27');
    const json = await run('rules', 'list', '--json');
    expect((JSON.parse(json.out) as { id: string }[]).some((x) => x.id === 'ik.admission_stop')).toBe(true);
  });
});
