import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildOccupationIndex, type OccupationData, type OccupationIndex } from '../../../domain/occupations';
import type { OccupationFacts } from '../../../domain/work/occupation-closeness';

/** The shipped ESCO index (scripts/build-esco-index.mjs), read and indexed once per process, on first use. */
const DIR = join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'esco');
let loaded: OccupationIndex | undefined;

const readGz = <T>(file: string): T =>
  JSON.parse(gunzipSync(readFileSync(join(DIR, file))).toString('utf8')) as T;

let data: OccupationData | undefined;

/** The occupations as shipped (labels, ISCO group), without the search index built over them. */
function occupationData(): OccupationData {
  data ??= readGz<OccupationData>('occupations.json.gz');
  return data;
}

export function occupationIndex(): OccupationIndex {
  loaded ??= buildOccupationIndex(occupationData());
  return loaded;
}

interface SkillData {
  essential: Record<string, number[]>;
}

export interface OccupationCatalogue {
  /** Facts of an occupation by its full ESCO URI; undefined for a URI ESCO does not know. */
  get(uri: string): (OccupationFacts & { labelDe: string }) | undefined;
  /** In how many occupations a skill is essential: generic skills are shared by hundreds. */
  skillSpread(skill: number): number;
}

let catalogue: OccupationCatalogue | undefined;

/**
 * One occupation by URI: ISCO unit group, essential skills and German label — for vacancies, profiles and
 * matching, which must refuse an unknown URI and compare occupations without searching.
 */
export function occupationCatalogue(): OccupationCatalogue {
  if (catalogue) return catalogue;
  // The catalogue needs no search index: building it (trigrams of 70,000 labels) is left to the search.
  const occupations = occupationData();
  const skills = readGz<SkillData>('occupation-skills.json.gz').essential;
  const byUri = new Map<string, OccupationFacts & { labelDe: string }>();
  const spread = new Map<number, number>();
  for (const list of Object.values(skills)) for (const s of list) spread.set(s, (spread.get(s) ?? 0) + 1);
  for (const o of occupations.occupations) {
    const uri = occupations.prefix + o.id;
    byUri.set(uri, {
      uri,
      isco: o.isco,
      skills: new Set(skills[o.id] ?? []),
      labelDe: o.labels.de?.[0] ?? o.labels.en?.[0] ?? uri,
    });
  }
  catalogue = { get: (uri) => byUri.get(uri), skillSpread: (s) => spread.get(s) ?? 0 };
  return catalogue;
}

/** The notice ESCO's licence asks every product using it to show. */
export const ESCO_NOTICE = 'This service uses the ESCO classification of the European Commission.';
