import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { installGermanMessages } from './german-messages';

installGermanMessages();

const first = (schema: z.ZodType, v: unknown) => {
  const r = schema.safeParse(v);
  return r.success ? null : r.error.issues[0].message;
};

describe('zod speaks German to the people who fill in forms', () => {
  it.each([
    ['string over 200', z.string().max(200), 'x'.repeat(201), 'höchstens 200 Zeichen'],
    ['string at 200 (boundary)', z.string().max(200), 'x'.repeat(200), null],
    ['empty string', z.string().min(1), '', 'darf nicht leer sein'],
    ['too few characters', z.string().min(3), 'ab', 'mindestens 3 Zeichen'],
    ['too many entries', z.array(z.string()).max(2), ['a', 'b', 'c'], 'höchstens 2 Einträge'],
    ['missing field', z.object({ a: z.string() }), {}, 'Pflichtangabe fehlt'],
    ['wrong type', z.number(), 'x', 'ungültige Angabe'],
    ['enum', z.enum(['a', 'b']), 'c', 'kein zulässiger Wert'],
    ['enum, nothing chosen (empty select)', z.enum(['a', 'b']), '', 'Bitte auswählen'],
    ['enum, nothing chosen (null)', z.enum(['a', 'b']), null, 'Bitte auswählen'],
    ['email', z.string().email(), 'nope', 'keine gültige E-Mail-Adresse'],
    ['number too big', z.number().max(100), 101, 'höchstens 100'],
  ])('%s', (_name, schema, value, message) => {
    expect(first(schema, value)).toBe(message);
  });

  it('a schema with its own message keeps it', () => {
    expect(first(z.string().max(2, 'AZR-Nummer: 6–16 Ziffern'), 'abc')).toBe('AZR-Nummer: 6–16 Ziffern');
  });

  it('never answers in English', () => {
    const m = first(z.string().max(200), 'x'.repeat(5000)) ?? '';
    expect(m).not.toMatch(/Too big|expected|Invalid|Required/);
  });
});
