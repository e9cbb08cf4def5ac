import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildOccupationIndex, type OccupationData, type OccupationIndex } from '../../../domain/occupations';

/** The shipped ESCO index (scripts/build-esco-index.mjs), read and indexed once per process, on first use. */
const FILE = join(import.meta.dirname, '..', '..', '..', '..', 'assets', 'esco', 'occupations.json.gz');
let loaded: OccupationIndex | undefined;

export function occupationIndex(): OccupationIndex {
  loaded ??= buildOccupationIndex(
    JSON.parse(gunzipSync(readFileSync(FILE)).toString('utf8')) as OccupationData,
  );
  return loaded;
}

/** The notice ESCO's licence asks every product using it to show. */
export const ESCO_NOTICE = 'This service uses the ESCO classification of the European Commission.';
