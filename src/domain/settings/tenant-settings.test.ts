import { describe, expect, it } from 'vitest';
import { applySettingsPatch, effectiveSettings, tenantSettingsPatchSchema } from './tenant-settings';

describe('tenant settings', () => {
  it('falls back to the defaults: 12 months in the IP, SGB II 10 years, SGB III 5 years', () => {
    expect(effectiveSettings({})).toEqual({
      ipMaxStayMonths: 12,
      retentionYears: { sgb2: 10, sgb3_only: 5, asylblg: 5, none: 5 },
      version: 1,
    });
  });

  it('reads the older key sgb3 as sgb3_only', () => {
    expect(effectiveSettings({ retentionYears: { sgb3: 7 } }).retentionYears.sgb3_only).toBe(7);
  });

  it('applies a patch, keeps unrelated keys and counts the version up', () => {
    const stored = applySettingsPatch({ other: 'x', settingsVersion: 3 }, { retentionYears: { sgb2: 12 } });
    expect(stored.other).toBe('x');
    expect(effectiveSettings(stored)).toMatchObject({
      ipMaxStayMonths: 12,
      retentionYears: { sgb2: 12, sgb3_only: 5 },
      version: 4,
    });
  });

  it.each([
    [{ ipMaxStayMonths: 0 }, 'ipMaxStayMonths'],
    [{ ipMaxStayMonths: 61 }, 'ipMaxStayMonths'],
    [{ ipMaxStayMonths: 6.5 }, 'ipMaxStayMonths'],
    [{ retentionYears: { sgb2: 0 } }, 'retentionYears.sgb2'],
    [{ retentionYears: { sgb9: 4 } }, 'retentionYears'],
    [{ maxStay: 4 }, ''],
  ])('refuses %j naming %s', (input, path) => {
    const r = tenantSettingsPatchSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path.join('.')).toBe(path);
  });
});
