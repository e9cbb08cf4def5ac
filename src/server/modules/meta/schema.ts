import { z } from 'zod';

export const agencyOut = z.object({ id: z.string(), kind: z.string(), name: z.string() });
export type AgencyOut = z.infer<typeof agencyOut>;

export const OFFICE_KINDS = ['main', 'satellite'] as const;
export const officeOut = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(OFFICE_KINDS),
  municipality: z.string(),
});
export type OfficeOut = z.infer<typeof officeOut>;

/** A municipality of the region with its coordinates (travel times, maps). */
export const municipalityOut = z.object({
  id: z.string(),
  name: z.string(),
  ags: z.string().nullable(),
  lat: z.number(),
  lon: z.number(),
});
export type MunicipalityOut = z.infer<typeof municipalityOut>;

/** A member of staff of an agency, as a handover's receiver is chosen. */
export const staffOut = z.object({ id: z.string(), name: z.string(), role: z.string() });
export type StaffOut = z.infer<typeof staffOut>;
