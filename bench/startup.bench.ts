import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Benchmark } from './types';

const root = join(import.meta.dirname, '..');
/** Issue 10: the demo on PGlite answers HTTP within 5 s of the process start on a fresh data directory. */
const TARGET_S = 5;

interface Start {
  /** Process start to the first 200 of /api/health. */
  seconds: number;
  /** CPU seconds the server process used until then (Linux /proc; null elsewhere). */
  cpu: number | null;
  /** The server's own phases (ms), from its 'start-up' log line. */
  phases: Record<string, number>;
  /** The demo seed's progress lines, each with the time of its part. */
  seedLines: string[];
}

function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

async function stop(proc: ChildProcess): Promise<void> {
  const done = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGTERM');
  await done;
}

/** Starts `lotse serve` as `npm start` does (compiled server) on dataDir and waits until it answers HTTP. */
async function start(dataDir: string): Promise<Start> {
  const port = 3300 + Math.floor(Math.random() * 300);
  const started = performance.now();
  // PGlite with the default demo behaviour, whatever the calling shell points at.
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of ['DATABASE_URL', 'LOTSE_MIGRATE_DATABASE_URL', 'LOTSE_DEMO']) delete env[k];
  const proc = spawn(process.execPath, ['bin/lotse.mjs', 'serve'], {
    cwd: root,
    env: { ...env, LOTSE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOTSE_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  proc.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
  });
  try {
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`server exited with ${proc.exitCode}: ${out.slice(-2000)}`);
      try {
        const r = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (r.ok) break;
      } catch {
        /* not up yet */
      }
      await new Promise((r) => setTimeout(r, 10));
    }
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuSeconds(proc.pid);
    // The 'start-up' line is written just before listen() returns; give the pipe a moment.
    await new Promise((r) => setTimeout(r, 100));
    let phases: Record<string, number> = {};
    const seedLines: string[] = [];
    for (const line of out.split('\n')) {
      if (line.startsWith('{')) {
        try {
          const j = JSON.parse(line) as { msg?: string; phases?: Record<string, number> };
          if (j.msg === 'start-up' && j.phases) phases = j.phases;
        } catch {
          /* not a log line */
        }
      } else if (line.startsWith('  ') && /\d s\)$/.test(line)) seedLines.push(line.trim());
    }
    return { seconds, cpu, phases, seedLines };
  } finally {
    await stop(proc);
  }
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)];
}

const bench: Benchmark = {
  name: 'startup',
  description:
    'npm start on PGlite: process start to the first HTTP answer on a fresh data directory (initdb, migrations, demo seed) and again on the same data',
  async run() {
    // As `npm start`: the compiled server (bin/lotse.mjs falls back to tsx on a stale build).
    const build = spawnSync(process.execPath, ['scripts/build-server.mjs', '--quiet', '--strict'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stderr}`);
    const runs = Number(process.env.LOTSE_BENCH_STARTUP_RUNS ?? 3);
    const rows: Record<string, string | number>[] = [];
    const firsts: number[] = [];
    const seconds: number[] = [];
    let seedLines: string[] = [];
    for (let i = 0; i < runs; i++) {
      const dir = mkdtempSync(join(tmpdir(), 'lotse-startup-'));
      try {
        const first = await start(dir);
        const again = await start(dir);
        firsts.push(first.seconds);
        seconds.push(again.seconds);
        seedLines = first.seedLines;
        for (const [label, s] of [
          ['first (fresh dir, demo seed)', first],
          ['second (same dir)', again],
        ] as const) {
          const row: Record<string, string | number> = {
            run: i + 1,
            start: label,
            'to HTTP (s)': s.seconds,
            'CPU (s)': s.cpu ?? '',
          };
          for (const [phase, ms] of Object.entries(s.phases)) row[`${phase} (ms)`] = ms;
          rows.push(row);
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    const m1 = median(firsts);
    const m2 = median(seconds);
    return {
      title: `Start-up of the demo on PGlite (median of ${runs}: first ${m1.toFixed(2)} s, second ${m2.toFixed(2)} s)`,
      rows,
      notes: [
        `target (issue 10): first start under ${TARGET_S} s — ${m1 < TARGET_S ? 'MET' : 'NOT MET'} (median ${m1.toFixed(2)} s)`,
        "phases: the server's own clock (run.ts); 'process' is Node's start and module loading before it",
        'demo seed parts (last run):',
        ...seedLines.map((l) => `  ${l}`),
      ],
    };
  },
};
export default bench;
