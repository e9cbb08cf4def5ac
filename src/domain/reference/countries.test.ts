import { describe, expect, it } from 'vitest';
import {
  COUNTRY_CODES,
  currentCountryCode,
  currentCountryCodes,
  isCountryCode,
  RETIRED_COUNTRY_CODES,
} from './countries';

describe('nationality list', () => {
  it('offers each country once: no two codes carry the same German name', () => {
    const names = new Intl.DisplayNames(['de-DE'], { type: 'region', fallback: 'code' });
    const byName = new Map<string, string[]>();
    for (const c of COUNTRY_CODES) byName.set(names.of(c) ?? c, [...(byName.get(names.of(c) ?? c) ?? []), c]);
    const doubles = [...byName.entries()].filter(([, codes]) => codes.length > 1);
    expect(doubles).toEqual([]);
    expect(COUNTRY_CODES.has('XK')).toBe(true);
    expect(COUNTRY_CODES.size).toBe(250);
  });

  it('accepts no retired or pseudo code for new data, and every successor is current', () => {
    for (const [old, next] of Object.entries(RETIRED_COUNTRY_CODES)) {
      expect(isCountryCode(old), old).toBe(false);
      for (const n of next) expect(isCountryCode(n), `${old} → ${n}`).toBe(true);
    }
    expect(isCountryCode('XA')).toBe(false);
    expect(isCountryCode('XB')).toBe(false);
  });

  it('reads old data in current codes where the successor is clear', () => {
    expect(currentCountryCode('ZR')).toBe('CD');
    expect(currentCountryCode('BU')).toBe('MM');
    expect(currentCountryCode('YU')).toBe('YU');
    expect(currentCountryCode('SY')).toBe('SY');
    expect(currentCountryCodes(['DD', 'DE', 'SY'])).toEqual(['DE', 'SY']);
  });
});
