// Settings a region (tenant) decides itself: the maximum stay in the Integration Point before the exit
// to the regular organisation, and the retention period per Rechtskreis (DOMAIN.md §7). Stored in
// tenant.settings (jsonb); absent values fall back to the defaults of the law / the Herford model.
import { z } from 'zod';
import { DEFAULT_IP_MAX_STAY_MONTHS } from '../handover/exit';
import { DEFAULT_RETENTION } from '../retention/retention';

const years = z.number().int().min(1, 'mindestens 1 Jahr').max(30, 'höchstens 30 Jahre');

export const retentionYearsSchema = z
  .object({ sgb2: years, sgb3_only: years, asylblg: years, none: years })
  .partial()
  .strict();

/** What an administrator may change; unknown keys are refused so that a typo never silently does nothing. */
export const tenantSettingsPatchSchema = z
  .object({
    ipMaxStayMonths: z.number().int().min(1, 'mindestens 1 Monat').max(60, 'höchstens 60 Monate').optional(),
    retentionYears: retentionYearsSchema.optional(),
  })
  .strict();
export type TenantSettingsPatch = z.infer<typeof tenantSettingsPatchSchema>;

/** The settings in force, as the admin API answers them (one definition for the type and the schema). */
export const effectiveSettingsSchema = z.object({
  ipMaxStayMonths: z.number().int(),
  retentionYears: z.object({
    sgb2: z.number().int(),
    sgb3_only: z.number().int(),
    asylblg: z.number().int(),
    none: z.number().int(),
  }),
  /** Increases with every change: the optimistic lock of the settings. */
  version: z.number().int(),
});
export type EffectiveSettings = z.infer<typeof effectiveSettingsSchema>;

/** The settings in force: stored values over the defaults. Tolerates the older key `sgb3`. */
export function effectiveSettings(stored: Record<string, unknown>): EffectiveSettings {
  const s = stored as {
    ipMaxStayMonths?: number;
    retentionYears?: Record<string, number>;
    settingsVersion?: number;
  };
  const r = s.retentionYears ?? {};
  const d = DEFAULT_RETENTION.years;
  return {
    ipMaxStayMonths: s.ipMaxStayMonths ?? DEFAULT_IP_MAX_STAY_MONTHS,
    retentionYears: {
      sgb2: r.sgb2 ?? d.sgb2,
      sgb3_only: r.sgb3_only ?? r.sgb3 ?? d.sgb3_only,
      asylblg: r.asylblg ?? d.asylblg,
      none: r.none ?? d.none,
    },
    version: s.settingsVersion ?? 1,
  };
}

/** The stored settings after a change (other keys of tenant.settings are kept). */
export function applySettingsPatch(
  stored: Record<string, unknown>,
  patch: TenantSettingsPatch,
): Record<string, unknown> {
  const current = effectiveSettings(stored);
  return {
    ...stored,
    ipMaxStayMonths: patch.ipMaxStayMonths ?? current.ipMaxStayMonths,
    retentionYears: { ...current.retentionYears, ...patch.retentionYears },
    settingsVersion: current.version + 1,
  };
}
