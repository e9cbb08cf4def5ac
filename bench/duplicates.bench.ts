import {
  findDuplicates,
  keysOfPrepared,
  nameKeys,
  type PersonRecord,
  type PreparedPerson,
  preparePerson,
  scorePrepared,
} from '../src/domain/duplicates';
import { DEFAULT_THRESHOLD } from '../src/domain/duplicates/find';
import { generatePersons, toPersonRecord } from '../src/domain/people';
import type { Benchmark } from './types';

const SIZE = 100_000;
const DUPLICATES = 2_000;
const LOOKALIKES = 2_000;
const SEEDS = ['lotse-dup-1', 'lotse-dup-2'];
const PROBES = 2_000;

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function quality(predicted: { a: string; b: string }[], truth: Set<string>) {
  let tp = 0;
  for (const p of predicted) if (truth.has(pairKey(p.a, p.b))) tp++;
  return {
    precision: predicted.length === 0 ? 1 : tp / predicted.length,
    recall: truth.size === 0 ? 1 : tp / truth.size,
  };
}

/** Baseline: what a plain system does — exact (case-insensitive) Latin name and exact date. */
function exactBaseline(records: PersonRecord[]): { a: string; b: string }[] {
  const groups = new Map<string, string[]>();
  for (const r of records) {
    const k = `${(r.names[0] ?? '').toLowerCase()}#${r.birthDate}`;
    const g = groups.get(k);
    if (g) g.push(r.id);
    else groups.set(k, [r.id]);
  }
  const out: { a: string; b: string }[] = [];
  for (const g of groups.values())
    for (let i = 0; i < g.length; i++) for (let j = i + 1; j < g.length; j++) out.push({ a: g[i], b: g[j] });
  return out;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Intake check in memory: nameKeys → key index lookup → scorePair on the candidates. */
function intakeLatency(records: PersonRecord[], threshold: number) {
  const prepared = records.map(preparePerson);
  const index = new Map<string, number[]>();
  const keysOf = prepared.map(keysOfPrepared);
  prepared.forEach((_p, i) => {
    for (const k of keysOf[i]) {
      const list = index.get(k);
      if (list) list.push(i);
      else index.set(k, [i]);
    }
  });
  const times: number[] = [];
  let candidatesTotal = 0;
  const step = Math.floor(records.length / PROBES);
  for (let n = 0; n < PROBES; n++) {
    const probeIndex = n * step;
    const probe = records[probeIndex];
    const t0 = performance.now();
    const keys = nameKeys(probe.names);
    const me = preparePerson(probe);
    const candidates = new Set<number>();
    for (const k of keys) for (const i of index.get(k) ?? []) if (i !== probeIndex) candidates.add(i);
    const hits: { p: PreparedPerson; score: number }[] = [];
    const probeKeys = new Set(keys);
    for (const i of candidates) {
      // Register context as the database-backed check has it: records sharing the rarest common key.
      let namesakes = Number.POSITIVE_INFINITY;
      for (const k of keysOf[i])
        if (probeKeys.has(k)) namesakes = Math.min(namesakes, index.get(k)?.length ?? 0);
      const s = scorePrepared(me, prepared[i], { namesakes: Number.isFinite(namesakes) ? namesakes : 2 });
      if (s.score >= threshold) hits.push({ p: prepared[i], score: s.score });
    }
    hits.sort((x, y) => y.score - x.score);
    times.push(performance.now() - t0);
    candidatesTotal += candidates.size;
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95), meanCandidates: candidatesTotal / PROBES };
}

/** Thresholds scanned for the best one (a threshold is a deployment choice; the default is fixed). */
const GRID = Array.from({ length: 19 }, (_, k) => Math.round((0.05 + 0.05 * k) * 100) / 100);
const TARGET = { precision: 0.95, recall: 0.9 };
const meets = (q: { precision: number; recall: number }) =>
  q.precision >= TARGET.precision && q.recall >= TARGET.recall;

/** Best threshold: highest recall with precision ≥ target, else the highest F1. */
function bestThreshold(pairs: { a: string; b: string; score: number }[], truth: Set<string>) {
  type Point = { threshold: number; precision: number; recall: number; pairs: number };
  let best: Point | null = null;
  let bestF1: Point | null = null;
  let f1Max = -1;
  for (const threshold of GRID) {
    const selected = pairs.filter((p) => p.score >= threshold);
    const q = { threshold, ...quality(selected, truth), pairs: selected.length };
    if (q.precision >= TARGET.precision && (!best || q.recall > best.recall)) best = q;
    const f1 = (2 * q.precision * q.recall) / (q.precision + q.recall || 1);
    if (f1 > f1Max) [f1Max, bestF1] = [f1, q];
  }
  return (best ?? bestF1) as Point;
}

const bench: Benchmark = {
  name: 'duplicates',
  description: `duplicate detection on ${SIZE.toLocaleString('en')} generated persons with ${DUPLICATES} injected duplicates and ${LOOKALIKES} look-alikes (issue 3)`,
  async run() {
    const rows: Record<string, string | number | boolean>[] = [];
    const verdicts: string[] = [];
    for (const seed of SEEDS) {
      const data = generatePersons({ count: SIZE, seed, duplicates: DUPLICATES, lookalikes: LOOKALIKES });
      const records = data.persons.map(toPersonRecord);
      const truth = new Set(data.duplicatePairs.map(([a, b]) => pairKey(a, b)));

      const base = quality(exactBaseline(records), truth);
      rows.push({
        seed,
        method: 'baseline: exact name + date',
        records: records.length,
        precision: base.precision,
        recall: base.recall,
      });

      const t0 = performance.now();
      const pairs = findDuplicates(records, { threshold: DEFAULT_THRESHOLD });
      const seconds = (performance.now() - t0) / 1000;
      const rss = Math.round(process.resourceUsage().maxRSS / 1024);
      const intake = intakeLatency(records, DEFAULT_THRESHOLD);
      const q = quality(pairs, truth);
      // False pairs whose names agree exactly after normalisation: namesakes the fields cannot tell apart.
      const namesakes = (selected: { a: string; b: string; reasons: string[] }[]) =>
        selected.filter((p) => !truth.has(pairKey(p.a, p.b)) && p.reasons[0] === 'name').length;
      rows.push({
        seed,
        method: `findDuplicates ≥ ${DEFAULT_THRESHOLD} (default)`,
        records: records.length,
        pairs: pairs.length,
        precision: q.precision,
        recall: q.recall,
        'false: same name': namesakes(pairs),
        target: meets(q),
        seconds,
        'intake p50 ms': intake.p50,
        'intake p95 ms': intake.p95,
        'candidates/probe': intake.meanCandidates,
        'peak RSS MB': rss,
      });

      // The same matcher on the earlier generator rule (30 % of duplicates year-only whatever the
      // nationality), so that the share of the figures owed to that realism change stays visible.
      const uniform = generatePersons({
        count: SIZE,
        seed,
        duplicates: DUPLICATES,
        lookalikes: LOOKALIKES,
        uniformDuplicateYearOnly: true,
      });
      const uniformTruth = new Set(uniform.duplicatePairs.map(([a, b]) => pairKey(a, b)));
      const uq = quality(
        findDuplicates(uniform.persons.map(toPersonRecord), { threshold: DEFAULT_THRESHOLD }),
        uniformTruth,
      );
      rows.push({
        seed,
        method: `findDuplicates ≥ ${DEFAULT_THRESHOLD}, earlier data: 30 % year-only everywhere`,
        records: uniform.persons.length,
        precision: uq.precision,
        recall: uq.recall,
        target: meets(uq),
      });

      const all = findDuplicates(records, { threshold: GRID[0] });
      const best = bestThreshold(all, truth);
      const selected = all.filter((p) => p.score >= best.threshold);
      rows.push({
        seed,
        method: `findDuplicates ≥ ${best.threshold} (best)`,
        records: records.length,
        pairs: best.pairs,
        precision: best.precision,
        recall: best.recall,
        'false: same name': namesakes(selected),
        target: meets(best),
      });
      verdicts.push(
        `${seed}: default ${meets(q) ? 'meets' : 'misses'} the targets; best threshold ${best.threshold} ${meets(best) ? 'meets' : 'misses'} them`,
      );
    }
    const ok = rows.filter((r) => String(r.method).includes('(default)')).every((r) => r.target === true);
    return {
      title: 'Duplicate detection: precision, recall, runtime, intake latency (in memory)',
      rows,
      notes: [
        `targets (issue 3): precision ≥ ${TARGET.precision}, recall ≥ ${TARGET.recall}; intake check p95 < 200 ms (database-backed p95 is measured elsewhere)`,
        'best = highest recall with precision ≥ 0.95 among thresholds 0.05 … 0.95, else the highest F1',
        'data: year-only (01.01.YYYY) dates in ~30 % of the duplicates of AF SY IQ ER IR (AF 35 %), 5 % of UA TR BG (passports with full dates);',
        'the "earlier data" row scores the same matcher on the former rule (30 % for every nationality) for comparison',
        'intake = nameKeys + lookup in an in-memory key index + scorePair on every candidate with the block size of the rarest shared key as context; 2,000 probes',
        'seconds and peak RSS: findDuplicates at the default threshold; RSS is the whole process so far (generator included)',
        '"false: same name" = reported pairs that are not injected duplicates although their names agree exactly after',
        'normalisation (mostly two namesakes born the same year, one with a year-only date).',
        ...verdicts,
        `verdict: ${ok ? 'targets met on both seeds at the default threshold' : 'TARGETS NOT MET at the default threshold'}`,
      ],
    };
  },
};

export default bench;
