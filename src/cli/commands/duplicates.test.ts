import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'lotse-dup-'));
function run(input: unknown, ...args: string[]) {
  const file = join(dir, `in-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, typeof input === 'string' ? input : JSON.stringify(input));
  return spawnSync('node', ['bin/lotse.mjs', 'duplicates', '--input', file, ...args], { encoding: 'utf8' });
}

describe('lotse duplicates', () => {
  it('writes the pairs for a valid input, exit 0 (CONTRACTS §5 example)', () => {
    const r = run([
      {
        id: 'p1',
        names: ['Mohammed Al-Hassan', 'محمد الحسن'],
        birthDate: '1990-01-01',
        birthDatePrecision: 'year',
        nationality: 'SY',
        gender: 'm',
      },
      {
        id: 'p7',
        names: ['Muhammad El Hassan'],
        birthDate: '1990-03-07',
        birthDatePrecision: 'day',
        nationality: 'SY',
        gender: 'm',
      },
      {
        id: 'p9',
        names: ['Olena Kovalenko'],
        birthDate: '1988-04-02',
        birthDatePrecision: 'day',
        nationality: 'UA',
        gender: 'f',
      },
    ]);
    expect(r.status).toBe(0);
    const pairs = JSON.parse(r.stdout) as { a: string; b: string; score: number; reasons: string[] }[];
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 'p1', b: 'p7' });
    expect(pairs[0].score).toBeGreaterThan(0.8);
  }, 30_000);

  it('exits 2 naming the JSON path of an invalid date', () => {
    const r = run([
      { id: 'a', names: ['Ali Hassan'] },
      { id: 'b', names: ['Ali Hasan'], birthDate: '1990-02-30' },
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('$[1].birthDate: invalid date');
  }, 30_000);

  it('exits 2 on a bad code, missing names, duplicate ids, broken JSON, bad threshold', () => {
    expect(run([{ id: 'a', names: ['X Y'], nationality: 'Syria' }]).stderr).toContain('$[0].nationality');
    expect(run([{ id: 'a', names: [] }]).stderr).toContain('$[0].names');
    expect(
      run([
        { id: 'a', names: ['X Y'] },
        { id: 'a', names: ['X Z'] },
      ]).stderr,
    ).toContain('$[1].id');
    expect(run({ id: 'a' }).status).toBe(2);
    const broken = run('[{');
    expect(broken.status).toBe(2);
    expect(broken.stderr).toContain('$: invalid JSON');
    expect(run([], '--threshold', '7').status).toBe(2);
  }, 60_000);
});
