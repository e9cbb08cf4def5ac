import { describe, expect, it } from 'vitest';
import {
  hashRecoveryCode,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  stepAt,
  totpCodeAt,
} from './totp';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890" (base32 below), eight-digit codes. The
// last six digits are what a six-digit app shows.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';

describe('TOTP (RFC 6238)', () => {
  it.each([
    [59_000, '287082'],
    [1_111_111_109_000, '081804'],
    [1_234_567_890_000, '005924'],
    [2_000_000_000_000, '279037'],
  ])('at %i ms the code is %s (RFC 6238 test vectors, last six digits)', (ms, code) => {
    expect(totpCodeAt(RFC_SECRET, ms)).toBe(code);
    expect(matchingStep(RFC_SECRET, code, ms)).toBe(stepAt(ms));
  });

  it('accepts one step either side and nothing further', () => {
    const now = 1_700_000_000_000;
    const s = newTotpSecret();
    expect(matchingStep(s, totpCodeAt(s, now - 30_000), now)).toBe(stepAt(now) - 1);
    expect(matchingStep(s, totpCodeAt(s, now + 30_000), now)).toBe(stepAt(now) + 1);
    expect(matchingStep(s, totpCodeAt(s, now - 90_000), now)).toBeNull();
    expect(matchingStep(s, '12345', now)).toBeNull();
    expect(matchingStep(s, 'abcdef', now)).toBeNull();
  });

  it('accepts a code typed with a space, as apps show it', () => {
    const now = 1_700_000_000_000;
    const s = newTotpSecret();
    const c = totpCodeAt(s, now);
    expect(matchingStep(s, `${c.slice(0, 3)} ${c.slice(3)}`, now)).toBe(stepAt(now));
  });

  it('writes an otpauth address with issuer and account', () => {
    const uri = otpauthUri('JBSWY3DPEHPK3PXP', 'admin@demo.lotse', 'Lotse Kreis');
    expect(uri).toMatch(/^otpauth:\/\/totp\//);
    expect(uri).toContain('secret=JBSWY3DPEHPK3PXP');
    expect(uri).toContain('issuer=Lotse%20Kreis');
  });

  it('makes ten distinct recovery codes whose hash ignores case, spaces and dashes', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const c = codes[0] as string;
    expect(hashRecoveryCode(c.toUpperCase().replace(/-/g, ' '))).toBe(hashRecoveryCode(c));
  });
});
