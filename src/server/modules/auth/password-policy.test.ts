import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy } from './password-policy';

describe('password policy', () => {
  it.each([
    ['1234567890', 'too short (the probe’s admin password)'],
    ['kurz-123', 'too short'],
    ['123456789012', 'a run of digits'],
    ['aaaaaaaaaaaaaa', 'one character repeated'],
    ['qwertyuiop123', 'a breached password with digits appended'],
    ['Passwort2024!', 'a German common word with a year'],
    ['!!Sommer2025!!', 'a season with a year and punctuation'],
    ['iloveyou1234', 'a breached password'],
    ['1qaz2wsx3edc', 'a breached keyboard walk of 12 characters'],
    ['jobcenter2026', 'the trade’s own word with a year'],
  ])('refuses %s (%s)', (pw) => {
    expect(checkPasswordPolicy(pw)).not.toBeNull();
  });

  it('refuses a password containing the e-mail address or its local part', () => {
    expect(checkPasswordPolicy('m.mueller-Herford-7', { email: 'm.mueller@kreis-herford.de' })).toMatch(
      /E-Mail-Adresse/,
    );
  });

  it.each([
    'lang-genug-123',
    'Tannenbaum im Flur 7',
    'korrekt pferd batterie heftklammer',
    'test-passwort-123',
  ])('accepts %s', (pw) => {
    expect(checkPasswordPolicy(pw, { email: 'jemand@kreis.de' })).toBeNull();
  });

  it('counts characters, not bytes, and caps the length', () => {
    expect(checkPasswordPolicy('ضصثقفغعهخحجد')).toBeNull();
    expect(checkPasswordPolicy('x'.repeat(150) + 'y'.repeat(51))).toMatch(/höchstens/);
  });
});
