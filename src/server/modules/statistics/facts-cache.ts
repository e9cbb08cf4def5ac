import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { StatisticsFacts } from '../../../domain/statistics';
import {
  emptyOwn,
  type OwnFacts,
  registerTimelines,
  type Timeline,
  timelineFrom,
  timelineOf,
} from '../../../domain/statistics/timelines';
import { changesSince, lastChangeId, loadStatisticsFacts, pruneChanges } from './repo';

/**
 * Each region's statistics facts, kept in memory and brought up to date from the change log
 * (022_statistics_changes.sql) instead of loaded for every dashboard: at Land scale a region holds tens of
 * thousands of persons and a million facts, far too many to read per request, while between two requests
 * only a handful of persons change.
 *
 * Correctness under new facts: before every use the log is asked for rows newer than the last one applied
 * — and, because a transaction may commit a change row with a lower id after a higher one is visible, for
 * every row of the last WINDOW seconds; rows not applied yet are applied (reloading those persons' facts:
 * idempotent). A transaction open longer than the window could slip through, so an entry older than
 * MAX_AGE is reloaded from scratch. Many processes: each has its own cache, the log is shared.
 */
const WINDOW_SECONDS = 120;
const MAX_AGE_MS = 30 * 60_000;
/** Above this share of changed persons a full reload is cheaper than reloading them one set at a time. */
const FULL_RELOAD_SHARE = 0.2;

/** Computes once per version of a region's facts (results must be derived from those facts only). */
export type Memo = <T>(key: string, compute: () => T) => T;
/** An aggregate built once per region and kept current through changes (see Incremental). */
export type Aggregate = <T extends Incremental>(key: string, build: () => T) => T;
const MEMO_LIMIT = 2000;

interface Entry {
  loadedAt: number;
  lastUsed: number;
  lastId: string;
  recent: Set<string>;
  persons: Map<string, StatisticsFacts['persons'][number]>;
  /** Every fact of a person, by person: replaced whole when the person changes. */
  own: Map<string, OwnFacts>;
  courses: StatisticsFacts['courses'];
  /** Bumped whenever the facts change: part of the keys of computed results. */
  version: number;
  facts: StatisticsFacts | null;
  /** Results computed from this version's facts (a dashboard's month ends, tables per day and filter). */
  memo: Map<string, unknown>;
  /** Each person's timeline, rebuilt for the changed persons only. */
  lines: Map<string, Timeline>;
  /** Aggregates kept across versions: a changed person's contribution is taken out and put in again. */
  aggregates: Map<string, Incremental>;
}

/** A result that is a sum of per-person contributions (e.g. the dashboard's TrendAggregate). */
export interface Incremental {
  apply(p: StatisticsFacts['persons'][number], t: Timeline, sign: 1 | -1): void;
}
const AGGREGATE_LIMIT = 500;

/** By database (tests and restores may hold the same region ids in two databases), then by region. */
interface Cache {
  generation: number;
  entries: Map<string, Entry>;
  pending: Map<string, Promise<Entry>>;
  reloading: Set<string>;
}
const caches = new WeakMap<object, Cache>();
let generation = 0;
function cacheOf(db: Kysely<DB>) {
  let c = caches.get(db);
  if (!c || c.generation !== generation) {
    c = { generation, entries: new Map(), pending: new Map(), reloading: new Set() };
    caches.set(db, c);
  }
  return c;
}

/** Sorts loaded facts into the per-person slots of an entry (replacing those persons' slots). */
function absorb(entry: Entry, loaded: StatisticsFacts, personIds: Iterable<string>): void {
  // Persons changed in place keep their position (the order decides ties in the subtraction check).
  const present = new Set(loaded.persons.map((p) => p.id));
  for (const id of personIds) {
    if (!present.has(id)) entry.persons.delete(id);
    entry.own.delete(id);
  }
  for (const p of loaded.persons) entry.persons.set(p.id, p);
  const slot = (id: string) => {
    let o = entry.own.get(id);
    if (!o) {
      o = emptyOwn();
      entry.own.set(id, o);
    }
    return o;
  };
  for (const e of loaded.enrolments) slot(e.personId).enrolments.push(e);
  for (const a of loaded.assessments) slot(a.personId).assessments.push(a);
  for (const w of loaded.waits) slot(w.personId).waits.push(w);
  for (const h of loaded.handovers) slot(h.personId).handovers.push(h);
  for (const h of loaded.hires ?? []) slot(h.personId).hires.push(h);
  for (const x of loaded.offers ?? []) slot(x.personId).offers.push(x);
  for (const x of loaded.permits ?? []) slot(x.personId).permits.push(x);
  for (const x of loaded.measures ?? []) slot(x.personId).measures.push(x);
  const touched = new Set<string>(personIds);
  for (const p of loaded.persons) touched.add(p.id);
  for (const id of touched) {
    const o = entry.own.get(id);
    if (o) entry.lines.set(id, timelineFrom(o));
    else entry.lines.delete(id);
  }
}

async function fullLoad(db: Kysely<DB>, tenantId: string, previous?: Entry): Promise<Entry> {
  // The id first: changes written while loading are applied again on the next use (idempotent).
  const lastId = await lastChangeId(db, tenantId);
  const loaded = await loadStatisticsFacts(db, tenantId);
  const entry: Entry = {
    loadedAt: Date.now(),
    lastUsed: Date.now(),
    lastId,
    recent: new Set(),
    persons: new Map(),
    own: new Map(),
    courses: loaded.courses,
    version: (previous?.version ?? 0) + 1,
    facts: null,
    memo: new Map(),
    lines: new Map(),
    aggregates: new Map(),
  };
  absorb(entry, loaded, []);
  await pruneChanges(db, tenantId);
  return entry;
}

async function refresh(db: Kysely<DB>, tenantId: string, entry: Entry): Promise<Entry> {
  const rows = await changesSince(db, tenantId, entry.lastId, WINDOW_SECONDS);
  const fresh = rows.filter((r) => !entry.recent.has(r.id));
  entry.recent = new Set(rows.map((r) => r.id));
  if (rows.length > 0) {
    const last = rows[rows.length - 1].id;
    if (BigInt(last) > BigInt(entry.lastId)) entry.lastId = last;
  }
  if (fresh.length === 0) return entry;
  const changed = new Set(fresh.filter((r) => r.person_id !== null).map((r) => r.person_id as string));
  if (changed.size > Math.max(100, entry.persons.size * FULL_RELOAD_SHARE))
    return fullLoad(db, tenantId, entry);
  // A course or a measure changed (person_id NULL): it may touch many persons' spells — load afresh.
  if (fresh.some((r) => r.person_id === null)) return fullLoad(db, tenantId, entry);
  if (changed.size > 0) {
    const loaded = await loadStatisticsFacts(db, tenantId, [...changed]);
    const contribute = (sign: 1 | -1) => {
      for (const id of changed) {
        const p = entry.persons.get(id);
        if (p) for (const agg of entry.aggregates.values()) agg.apply(p, timelineOf(entry.lines, id), sign);
      }
    };
    contribute(-1);
    absorb(entry, loaded, changed);
    contribute(1);
  }
  entry.version++;
  entry.facts = null;
  entry.memo = new Map();
  return entry;
}

/** The facts as arrays, built once per version (the indicators' input). */
function factsOf(entry: Entry): StatisticsFacts {
  if (!entry.facts) {
    const f: StatisticsFacts = {
      persons: [...entry.persons.values()],
      enrolments: [],
      assessments: [],
      waits: [],
      handovers: [],
      hires: [],
      offers: [],
      permits: [],
      measures: [],
      courses: entry.courses,
    };
    for (const o of entry.own.values()) {
      f.enrolments.push(...o.enrolments);
      f.assessments.push(...o.assessments);
      f.waits.push(...o.waits);
      f.handovers.push(...o.handovers);
      f.hires?.push(...o.hires);
      f.offers?.push(...o.offers);
      f.permits?.push(...o.permits);
      f.measures?.push(...o.measures);
    }
    registerTimelines(f, entry.lines);
    entry.facts = f;
  }
  return entry.facts;
}

/**
 * The region's facts as of now, with a version that changes whenever they do. One refresh at a time per
 * region (concurrent requests wait for the same one).
 */
export async function regionFacts(
  db: Kysely<DB>,
  tenantId: string,
): Promise<{ facts: StatisticsFacts; version: number; memo: Memo; aggregate: Aggregate }> {
  const cache = cacheOf(db);
  const { entries, pending } = cache;
  let p = pending.get(tenantId);
  if (!p) {
    const cur = entries.get(tenantId);
    p = (cur ? refresh(db, tenantId, cur) : fullLoad(db, tenantId)).finally(() => pending.delete(tenantId));
    pending.set(tenantId, p);
  }
  const entry = await p;
  entry.lastUsed = Date.now();
  if (entries.get(tenantId) !== entry) {
    entries.set(tenantId, entry);
    evict(entries, entry);
  }
  // The safety net against a change row committed later than the window: a full reload every MAX_AGE, in
  // the background — this request and those until it is done are served by the (current) entry.
  if (Date.now() - entry.loadedAt > MAX_AGE_MS && !cache.reloading.has(tenantId)) {
    cache.reloading.add(tenantId);
    fullLoad(db, tenantId, entry)
      .then((fresh) => {
        if (entries.get(tenantId) === entry) entries.set(tenantId, fresh);
      })
      .catch(() => {
        entry.loadedAt = Date.now(); // try again after MAX_AGE; the entry stays exact by the log
      })
      .finally(() => cache.reloading.delete(tenantId));
  }
  const memo = entry.memo;
  const aggregates = entry.aggregates;
  return {
    aggregate: <T extends Incremental>(key: string, build: () => T): T => {
      let agg = aggregates.get(key);
      if (!agg) {
        if (aggregates.size >= AGGREGATE_LIMIT) aggregates.clear();
        agg = build();
        aggregates.set(key, agg);
      }
      return agg as T;
    },
    facts: factsOf(entry),
    version: entry.version,
    memo: <T>(key: string, compute: () => T): T => {
      if (memo.has(key)) return memo.get(key) as T;
      if (memo.size >= MEMO_LIMIT) memo.clear();
      const value = compute();
      memo.set(key, value);
      return value;
    },
  };
}

/**
 * Keeps the regions in memory within a budget of persons (LOTSE_STATISTICS_CACHE_PERSONS, default
 * 1,000,000 — a whole Land of 500,000 fits): beyond it the region used longest ago is dropped and loaded
 * again on its next use.
 */
function evict(entries: Map<string, Entry>, keep: Entry): void {
  const budget = Number(process.env.LOTSE_STATISTICS_CACHE_PERSONS ?? 1_000_000);
  let total = 0;
  for (const e of entries.values()) total += e.persons.size;
  while (total > budget) {
    let oldest: [string, Entry] | null = null;
    for (const kv of entries)
      if (kv[1] !== keep && (!oldest || kv[1].lastUsed < oldest[1].lastUsed)) oldest = kv;
    if (!oldest) return;
    entries.delete(oldest[0]);
    total -= oldest[1].persons.size;
  }
}

/** Forgets every region's facts in this process (after a restore, or to free memory); loaded again on use. */
export function clearRegionFacts(): void {
  generation++;
}
