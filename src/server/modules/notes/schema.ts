import { z } from 'zod';

export const NOTE_CATEGORIES = [
  'beratung',
  'telefonat',
  'vermerk',
  'fallbesprechung',
  'arbeitgeber',
] as const;

/** Who reads a note: the own agency, or every agency sharing the case. */
export const NOTE_VISIBILITIES = ['agency', 'shared'] as const;

export const noteBody = z.object({
  category: z.enum(NOTE_CATEGORIES, { message: 'Bitte die Art wählen' }),
  /** agency: only the own agency; shared: every agency that may read the person's profile. */
  visibility: z.enum(NOTE_VISIBILITIES, { message: 'Bitte wählen, wer die Notiz sehen darf' }),
  text: z.string().trim().min(1, 'Bitte einen Text eingeben').max(8000, 'höchstens 8000 Zeichen'),
});

export const noteOut = z.object({
  id: z.string().uuid(),
  category: z.enum(NOTE_CATEGORIES),
  visibility: z.enum(NOTE_VISIBILITIES),
  text: z.string(),
  author: z.string().nullable(),
  agency: z.string(),
  createdAt: z.string(),
});
export type NoteOut = z.infer<typeof noteOut>;
