import { z } from 'zod';
import { OCCUPATION_LANGUAGES } from '../../../domain/occupations';

export const occupationQuery = z.object({
  q: z.string().trim().min(1, 'Bitte eine Berufsbezeichnung angeben').max(200),
  lang: z.enum(OCCUPATION_LANGUAGES, { error: 'Sprache: de, en, ar oder uk' }).default('de'),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

/** CONTRACTS §4: one hit of the occupation search. */
export const occupationHit = z.object({
  uri: z.string(),
  isco: z.string(),
  label: z.string(),
  score: z.number(),
});
export const occupationSearchOut = z.object({ items: z.array(occupationHit), notice: z.string() });
