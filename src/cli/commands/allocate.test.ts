import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import example from '../../domain/allocation/fixtures/allocation-example.json';

const dir = mkdtempSync(join(tmpdir(), 'lotse-allocate-'));
const lotse = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/lotse.mjs', 'allocate', ...args], { encoding: 'utf8', timeout: 60_000 });

describe('lotse allocate', () => {
  it('writes the optimal allocation of the example and exits 0', () => {
    const input = join(dir, 'example.json');
    const output = join(dir, 'out.json');
    writeFileSync(input, JSON.stringify(example));
    const run = lotse('--input', input, '--output', output);
    expect(run.status).toBe(0);
    const allocation = JSON.parse(readFileSync(output, 'utf8'));
    expect(allocation).toMatchObject({ score: 66260, optimal: true });
    expect(Object.keys(allocation)).toEqual(['assignments', 'unassigned', 'score', 'optimal', 'seconds']);
  }, 60_000);

  it('exits 2 naming the JSON path of invalid input', () => {
    const bad = structuredClone(example);
    bad.courses[3].seats = -4;
    const input = join(dir, 'bad.json');
    writeFileSync(input, JSON.stringify(bad));
    const run = lotse('--input', input);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('$.courses[3].seats');
    expect(run.stdout).toBe('');
  }, 60_000);

  it('exits 2 on malformed JSON and on a missing file', () => {
    const input = join(dir, 'broken.json');
    writeFileSync(input, '{"asOf": ');
    expect(lotse('--input', input).status).toBe(2);
    expect(lotse('--input', join(dir, 'absent.json')).status).toBe(2);
  }, 60_000);
});
