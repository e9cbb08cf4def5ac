import { createHash, randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';

// Time-based one-time passwords (RFC 6238) as every authenticator app knows them: SHA-1, six digits,
// 30 seconds. Pure functions; the module that stores secrets and steps is second-factor.ts.

export const TOTP_PERIOD_SECONDS = 30;
/** One step before and after: a phone clock a little off, or a code typed at the turn of the step. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;

const totpOf = (secretBase32: string, label = 'Lotse', issuer = 'Lotse') =>
  new TOTP({
    issuer,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });

/** A new 160-bit secret (RFC 4226's recommended length), base32 as apps expect it. */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The otpauth:// address an app reads from the QR code. */
export const otpauthUri = (secretBase32: string, email: string, issuer: string): string =>
  totpOf(secretBase32, email, issuer).toString();

export const stepAt = (ms: number): number => Math.floor(ms / 1000 / TOTP_PERIOD_SECONDS);

/** The current code (for tests and the demo's documentation, never sent to a client). */
export const totpCodeAt = (secretBase32: string, ms: number): string =>
  totpOf(secretBase32).generate({ timestamp: ms });

/** Looks like a six-digit code (spaces allowed, as apps show "123 456")? */
export const isTotpShape = (input: string): boolean => /^\d{6}$/.test(input.replace(/\s/g, ''));

/**
 * The step a code belongs to, or null when it fits none of the steps in the window. The caller
 * accepts it only if that step is later than the last accepted one (no replay).
 */
export function matchingStep(secretBase32: string, code: string, ms: number): number | null {
  const token = code.replace(/\s/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secretBase32).validate({ token, timestamp: ms, window: WINDOW });
  return delta === null ? null : stepAt(ms) + delta;
}

// Recovery codes: twelve characters of an alphabet without look-alikes (0/O, 1/I/L), shown in groups
// of four. 12 × 5 bits = 60 bits of chance each.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCodes(n = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: n }, () => {
    const bytes = randomBytes(12);
    const chars = Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
  });
}

/** Case, spaces and dashes do not matter when a code is typed from paper. */
export const normalizeRecoveryCode = (input: string): string => input.toLowerCase().replace(/[\s-]/g, '');

export const hashRecoveryCode = (input: string): string =>
  createHash('sha256').update(normalizeRecoveryCode(input)).digest('hex');
