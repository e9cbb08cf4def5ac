import type { NamePool } from '../types';
import { ARABIC as ARABIC_CURATED } from './arabic';
import { ARABIC_FEMALE_TAIL, ARABIC_MALE_TAIL } from './arabic-tail';
import { BULGARIAN as BULGARIAN_CURATED } from './bulgarian';
import {
  arabicFamilies,
  bulgarianFamilies,
  persianFamilies,
  turkishFamilies,
  ukrainianFamilies,
  withDerived,
} from './derived';
import { extend, same } from './entry';
import {
  BULGARIAN_FEMALE_TAIL,
  BULGARIAN_MALE_TAIL,
  TIGRINYA_FEMALE_TAIL,
  TIGRINYA_MALE_TAIL,
  TURKISH_FEMALE_TAIL,
  TURKISH_MALE_TAIL,
  UKRAINIAN_FEMALE_TAIL,
  UKRAINIAN_MALE_TAIL,
} from './other-tails';
import { PERSIAN as PERSIAN_CURATED } from './persian';
import { PERSIAN_FEMALE_TAIL, PERSIAN_MALE_TAIL } from './persian-tail';
import { TIGRINYA as TIGRINYA_CURATED } from './tigrinya';
import { TURKISH as TURKISH_CURATED } from './turkish';
import { UKRAINIAN as UKRAINIAN_CURATED } from './ukrainian';

/** Curated given names first (the most common, in rank order), the long tail after them. */
function withTails(pool: NamePool, male: NamePool['male'], female: NamePool['female']): NamePool {
  return { ...pool, male: extend(pool.male, male), female: extend(pool.female, female) };
}

const arabic = withTails(ARABIC_CURATED, ARABIC_MALE_TAIL, ARABIC_FEMALE_TAIL);
const persian = withTails(PERSIAN_CURATED, PERSIAN_MALE_TAIL, PERSIAN_FEMALE_TAIL);
const ukrainian = withTails(UKRAINIAN_CURATED, UKRAINIAN_MALE_TAIL, UKRAINIAN_FEMALE_TAIL);
const bulgarian = withTails(BULGARIAN_CURATED, BULGARIAN_MALE_TAIL, BULGARIAN_FEMALE_TAIL);
const turkish = withTails(TURKISH_CURATED, TURKISH_MALE_TAIL, TURKISH_FEMALE_TAIL);

// Curated family names first (the most common), derived ones after them (the long tail).
// Arabic surnames with article or Abu come from the common names; rarer given names appear as
// surnames as they are (the grandfather's name).
export const ARABIC: NamePool = {
  ...arabic,
  family: withDerived(arabic.family, [
    ...arabicFamilies(ARABIC_CURATED.male),
    ...ARABIC_MALE_TAIL.map((g) => same(g.latin, g.original, ...g.variants)),
  ]),
};
export const PERSIAN: NamePool = {
  ...persian,
  family: withDerived(persian.family, persianFamilies(persian.male)),
};
export const UKRAINIAN: NamePool = {
  ...ukrainian,
  family: withDerived(ukrainian.family, ukrainianFamilies()),
};
export const BULGARIAN: NamePool = {
  ...bulgarian,
  family: withDerived(bulgarian.family, bulgarianFamilies()),
};
export const TURKISH: NamePool = { ...turkish, family: withDerived(turkish.family, turkishFamilies()) };
export const TIGRINYA: NamePool = withTails(TIGRINYA_CURATED, TIGRINYA_MALE_TAIL, TIGRINYA_FEMALE_TAIL);

export const NAME_POOLS: Record<NamePool['id'], NamePool> = {
  arabic: ARABIC,
  persian: PERSIAN,
  tigrinya: TIGRINYA,
  ukrainian: UKRAINIAN,
  bulgarian: BULGARIAN,
  turkish: TURKISH,
};
