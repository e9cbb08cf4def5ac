import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Benchmark } from './types';

const root = join(import.meta.dirname, '..');

/** Wall time of one process run, in seconds. */
function time(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  const r = spawnSync(process.execPath, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed: ${r.stderr}`);
  return (performance.now() - started) / 1000;
}

function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
}

/** Start-up of the CLI (issue 10: `lotse --help` under 0.3 s), compiled and from the sources through tsx. */
const bench: Benchmark = {
  name: 'cli',
  description:
    'lotse --help and lotse rules list: compiled build (dist/server) against the sources through tsx',
  async run() {
    const build = time(['scripts/build-server.mjs', '--quiet', '--strict']);
    const runs = 10;
    const rows = [];
    for (const [label, env] of [
      ['compiled', {}],
      ['sources (tsx)', { LOTSE_FROM_SOURCE: '1' }],
    ] as const) {
      for (const cmd of [['--help'], ['rules', 'list']]) {
        const xs = Array.from({ length: runs }, () => time(['bin/lotse.mjs', ...cmd], env));
        rows.push({
          runtime: label,
          command: `lotse ${cmd.join(' ')}`,
          runs,
          p50_s: quantile(xs, 0.5),
          p95_s: quantile(xs, 0.95),
        });
      }
    }
    return {
      title: 'CLI start-up',
      rows,
      notes: [
        `build of the server: ${build.toFixed(2)} s`,
        'target (issue 10): lotse --help under 0.3 s; baseline: the sources through tsx, same run',
      ],
    };
  },
};
export default bench;
