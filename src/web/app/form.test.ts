import { describe, expect, test } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../api/client';
import { requestValidator, serverFieldErrors } from './form';

const body = z.object({
  name: z.string().trim().min(1),
  tags: z.array(z.string().min(2)).max(3),
  kind: z.enum(['a', 'b']),
});

describe('forms judged by the request schema', () => {
  const validate = requestValidator(
    body,
    (v: { name: string; tags: string; kind: string }) => ({
      name: v.name,
      tags: v.tags.split(',').filter(Boolean),
      kind: v.kind || undefined,
    }),
    (path) => (path.startsWith('tags.') ? 'tags' : path),
  );

  test('the request is judged, its issues land on the form fields, in German, the first per field', () => {
    expect(validate({ name: ' ', tags: 'x,y', kind: '' })).toEqual({
      name: 'darf nicht leer sein',
      tags: 'mindestens 2 Zeichen',
      kind: 'Bitte auswählen',
    });
    expect(validate({ name: 'Amina', tags: 'ab', kind: 'a' })).toEqual({});
  });

  test("a server's 400 issues by form field; other failures name no field", () => {
    const refused = new ApiError(400, 'Ungültige Eingabe', [
      { path: 'birthDate', message: 'Datum liegt in der Zukunft' },
      { path: 'nationalities.1', message: 'unbekannte Staatsangehörigkeit' },
      { path: 'nationalities.3', message: 'zweite Meldung' },
    ]);
    expect(serverFieldErrors(refused, (p) => (p === 'birthDate' ? 'birthInput' : p.split('.')[0]))).toEqual({
      birthInput: 'Datum liegt in der Zukunft',
      nationalities: 'unbekannte Staatsangehörigkeit',
    });
    expect(serverFieldErrors(new ApiError(409, 'Inzwischen geändert'))).toEqual({});
    expect(serverFieldErrors(new Error('network'))).toEqual({});
  });
});
