import { dictionary } from '@zxcvbn-ts/language-common';

/**
 * Password policy for every place a password is set (CLI, admin API, reset), after NIST SP 800-63B
 * §5.1.1.2: long enough, not a known common or breached password, not derived from the account.
 * No composition rules (they make passwords worse, not stronger).
 */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// Common German and trade words the shipped list (mostly English-language leaks) lacks.
const LOCAL_WORDS = [
  'lotse',
  'jobcenter',
  'arbeitsagentur',
  'agentur',
  'integration',
  'integrationspoint',
  'landkreis',
  'kreis',
  'willkommen',
  'qwertz',
  'qwertzuiop',
  'asdfghjkl',
  'passwort',
  'kennwort',
  'sommer',
  'winter',
  'fruehling',
  'herbst',
  'januar',
  'februar',
  'dezember',
  'deutschland',
  'berlin',
  'hamburg',
  'muenchen',
  'koeln',
  'admin',
  'administrator',
  'benutzer',
  'test',
  'demo',
];

let known: Set<string> | undefined;
/**
 * 49,000 most common passwords from public breach corpora, as shipped by @zxcvbn-ts/language-common
 * (an npm package, so the list works offline), plus the words above. Loaded on first use (~0.4 s).
 */
function knownPasswords(): Set<string> {
  known ??= new Set([...(dictionary['passwords-common'] as string[]), ...LOCAL_WORDS]);
  return known;
}

/** What is left when leading and trailing digits and punctuation are taken away: "Sommer2024!" → "sommer". */
const core = (pw: string) =>
  pw.toLowerCase().replace(/^[\p{N}\p{P}\p{S}\p{Z}]+|[\p{N}\p{P}\p{S}\p{Z}]+$/gu, '');

/** A password that is one character repeated or a run like 123456789012 / abcdefghijkl. */
function monotonous(pw: string): boolean {
  const cps = [...pw.toLowerCase()].map((c) => c.codePointAt(0) ?? 0);
  const steps = new Set(cps.slice(1).map((c, i) => c - (cps[i] ?? 0)));
  return steps.size === 1 && [...steps].every((s) => Math.abs(s) <= 1);
}

/** Returns a German message saying what is wrong, or null when the password is acceptable. */
export function checkPasswordPolicy(password: string, account: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Das Passwort muss mindestens ${MIN_PASSWORD_LENGTH} Zeichen lang sein.`;
  if (length > MAX_PASSWORD_LENGTH)
    return `Das Passwort darf höchstens ${MAX_PASSWORD_LENGTH} Zeichen lang sein.`;
  const lower = password.toLowerCase();
  const local = account.email?.trim().toLowerCase().split('@')[0] ?? '';
  if (
    account.email &&
    (lower.includes(account.email.trim().toLowerCase()) || (local.length >= 3 && lower.includes(local)))
  )
    return 'Das Passwort darf die E-Mail-Adresse nicht enthalten.';
  const stem = core(password);
  if (monotonous(password) || stem.length < 4 || knownPasswords().has(lower) || knownPasswords().has(stem))
    return 'Dieses Passwort ist zu bekannt und steht in Listen geleakter Passwörter. Bitte ein anderes wählen, am besten einen Satz aus mehreren Wörtern.';
  return null;
}
