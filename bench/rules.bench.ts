import { cpus, loadavg } from 'node:os';
import { mulberry32 } from '../src/domain/reference/random';
import { evaluate, evaluateExtended, impact, type Situation, validateSituations } from '../src/domain/rules';
import { formatDay, parseDay } from '../src/domain/rules/dates';
import type { Benchmark } from './types';

/**
 * Rules engine throughput (issue 4): 1,000,000 seeded synthetic situations through `evaluate`
 * (target < 10 s), an impact run over 3,500 clients (target < 2 s, the demo county's size), and
 * for scale the extended evaluation and input validation on 100,000.
 */

const FIRST = parseDay('2015-01-01');
const LAST = parseDay('2027-06-30');
const NATIONALITIES = [
  'SY',
  'AF',
  'IQ',
  'ER',
  'TR',
  'IR',
  'SO',
  'GH',
  'GE',
  'MD',
  'RS',
  'AL',
  'UA',
  'NG',
  'RO',
];
const TITLES = ['25(1)', '25(2)', '25(3)', '25(5)', '25b', '23(1)', '24', '104c', '16g'];

function generator(seed: number) {
  const rnd = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const maybe = <T>(p: number, v: T): T | undefined => (rnd() < p ? v : undefined);
  let n = 0;
  return (asOfOverride?: string): Situation => {
    const asOfDay = asOfOverride ? parseDay(asOfOverride) : FIRST + Math.floor(rnd() * (LAST - FIRST));
    const start = asOfDay - Math.floor(rnd() * 2200);
    const since = formatDay(start);
    const nationality = pick(NATIONALITIES);
    const r = rnd();
    const base = { id: `s${++n}`, asOf: asOfOverride ?? formatDay(asOfDay), nationality, entryDate: since };
    const extras = {
      germanLevel: pick(['A0', 'A1', 'A2', 'B1', 'B2'] as const),
      employed: maybe(0.8, rnd() < 0.3),
    };
    if (r < 0.35) {
      return {
        ...base,
        ...extras,
        status: {
          kind: 'gestattung',
          since,
          livesInReceptionCentre: maybe(0.95, rnd() < 0.3),
          asylumApplicationDate: since,
          asylumDecision: pick([
            'pending',
            'pending',
            'pending',
            'rejected',
            'rejected_manifestly_unfounded',
            'recognised',
          ]),
          decisionDate: maybe(0.5, formatDay(asOfDay - 20)),
        },
      };
    }
    if (r < 0.6) {
      return {
        ...base,
        ...extras,
        status: {
          kind: 'duldung',
          paragraph: pick(['60a', '60a', '60a', '60b', '60c', '60d']),
          since,
          livesInReceptionCentre: maybe(0.9, rnd() < 0.1),
          ownFaultObstacle: maybe(0.9, rnd() < 0.2),
          identityUnclear: maybe(0.9, rnd() < 0.1),
          asylumDecision: pick(['rejected', 'withdrawn', 'none']),
          asylumApplicationDate: maybe(0.7, since),
        },
      };
    }
    if (r < 0.9) {
      const paragraph = pick(TITLES);
      return {
        ...base,
        ...extras,
        nationality: paragraph === '24' ? 'UA' : nationality,
        status: {
          kind: 'aufenthaltserlaubnis',
          paragraph,
          since,
          registered: maybe(0.9, rnd() < 0.9),
          becauseOfWar: maybe(0.8, rnd() < 0.5),
        },
      };
    }
    const kind = pick([
      'niederlassungserlaubnis',
      'eu_freizuegigkeit',
      'fiktionsbescheinigung',
      'none',
    ] as const);
    return {
      ...base,
      ...extras,
      status: { kind, since, paragraph: kind === 'fiktionsbescheinigung' ? '25(2)' : undefined },
    };
  };
}

function rssMb(): number {
  return Math.round(process.resourceUsage().maxRSS / 1024);
}

/** CPU seconds of this process since `since` — unlike wall time, not inflated by other processes. */
function cpuSeconds(since: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(since);
  return (u.user + u.system) / 1e6;
}

interface Measured {
  seconds: number;
  cpu: number;
}

function measure(body: () => void): Measured {
  const c = process.cpuUsage();
  const t = performance.now();
  body();
  return { seconds: (performance.now() - t) / 1000, cpu: cpuSeconds(c) };
}

function row(task: string, size: number, m: Measured, target: string, verdict: string) {
  return {
    task,
    size,
    seconds: Number(m.seconds.toFixed(3)),
    'cpu s': Number(m.cpu.toFixed(3)),
    'situations/s': Math.round(size / m.seconds),
    'µs/situation': Number(((m.seconds * 1e6) / size).toFixed(2)),
    'peak RSS MB': rssMb(),
    target,
    verdict,
  };
}

const bench: Benchmark = {
  name: 'rules',
  description: 'legal rules engine: 1M situations evaluated, impact over 3,500 clients',
  async run() {
    const rows = [];
    // Warm-up so the JIT has compiled the evaluator before timing.
    const warm = generator(7);
    for (let i = 0; i < 20_000; i++) evaluate(warm());

    // 1M in chunks of 100k: generation is not timed, and memory stays flat.
    const total = 1_000_000;
    const chunk = 100_000;
    const next = generator(42);
    const all: Measured = { seconds: 0, cpu: 0 };
    let genSeconds = 0;
    const counts: Record<string, number> = {};
    for (let done = 0; done < total; done += chunk) {
      const g0 = performance.now();
      const batch: Situation[] = new Array(chunk);
      for (let i = 0; i < chunk; i++) batch[i] = next();
      genSeconds += (performance.now() - g0) / 1000;
      const m = measure(() => {
        for (let i = 0; i < chunk; i++) {
          const d = evaluate(batch[i]);
          counts[d.employment] = (counts[d.employment] ?? 0) + 1;
        }
      });
      all.seconds += m.seconds;
      all.cpu += m.cpu;
    }
    const mix = Object.entries(counts)
      .map(([k, v]) => `${k} ${((100 * v) / total).toFixed(0)}%`)
      .join(', ');
    rows.push(row('evaluate (contract decision)', total, all, '< 10 s', all.seconds < 10 ? 'ok' : 'SLOW'));

    const ext = generator(43);
    const extBatch = Array.from({ length: chunk }, () => ext());
    const mExt = measure(() => {
      for (const s of extBatch) evaluateExtended(s);
    });
    rows.push(row('evaluateExtended (courses, deadlines)', chunk, mExt, '—', 'info'));

    const json = JSON.parse(JSON.stringify(extBatch)) as unknown;
    let valid = false;
    const mVal = measure(() => {
      valid = validateSituations(json).ok;
    });
    rows.push(row('validate JSON input (zod)', chunk, mVal, '—', valid ? 'info' : 'INVALID'));

    const county = generator(44);
    const clients = Array.from({ length: 3_500 }, () => county('2024-01-01'));
    let changed = 0;
    const mImp = measure(() => {
      changed = impact(clients, '2024-02-27').length;
    });
    rows.push(
      row(
        'impact on 2024-02-27 (2 evaluations each)',
        clients.length,
        mImp,
        '< 2 s',
        mImp.seconds < 2 ? 'ok' : 'SLOW',
      ),
    );

    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ');
    return {
      title: 'Rules engine',
      rows,
      notes: [
        `employment mix of the 1M synthetic situations (seed 42): ${mix}`,
        `generating the 1M situations took ${genSeconds.toFixed(2)} s (not included above)`,
        `impact: ${changed} of ${clients.length} clients differ between 2024-02-26 and 2024-02-27`,
        `load average ${load} on ${cpus().length} cores: wall "seconds" include time lost to other processes, "cpu s" do not`,
        'baseline named by issue 4: 1,000,000 situations < 10 s; impact over the demo county < 2 s',
      ],
    };
  },
};

export default bench;
