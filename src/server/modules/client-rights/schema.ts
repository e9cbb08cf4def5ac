import { z } from 'zod';

/** Languages the Art. 15 document is written in (one catalogue each in document/texts/). */
export const EXPORT_LANGUAGES = ['de', 'en', 'ar', 'fa', 'uk'] as const;
export type ExportLanguage = (typeof EXPORT_LANGUAGES)[number];

/**
 * The wire contract of the Art. 15 GDPR export. Stored rows go out with every column they have
 * (snake_case, as stored): the export is "everything stored", so its contract names the sections and
 * lets a new column through instead of whitelisting the columns known today.
 */
const storedRow = z.record(z.string(), z.unknown()).describe('eine gespeicherte Zeile, alle Spalten');
const storedRows = z.array(storedRow);

export const personExportOut = z.object({
  /** ISO instant. */
  generatedAt: z.string(),
  legalBasis: z.string(),
  person: storedRow,
  residenceStatusHistory: storedRows,
  consents: storedRows,
  household: storedRows,
  handovers: storedRows,
  language: z.object({ assessments: storedRows, waitlist: storedRows, enrolments: storedRows }),
  work: z.object({
    recognitions: storedRows,
    profile: storedRow.nullable(),
    placements: storedRows,
    events: storedRows,
  }),
  /** Art. 15(1)(c): who read the data, when and on what basis. */
  accessLog: z.array(
    z.object({
      at: z.string(),
      agency: z.string().nullable(),
      agencyKind: z.string().nullable(),
      role: z.string().nullable(),
      action: z.string(),
      purpose: z.string().nullable(),
      basedOnConsent: z.boolean(),
      legalBasis: z.string().nullable(),
    }),
  ),
});
export type PersonExportOut = z.infer<typeof personExportOut>;

/** JSON (the default) or, with format=html, the printable document in the person's language. */
export const personExportAnswer = z.union([z.string().describe('HTML'), personExportOut]);

/** The retention dry run: closed cases past their retention period, with the day they may be deleted. */
export const retentionReportOut = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      rechtskreis: z.string(),
      closedOn: z.string(),
      deleteFrom: z.string(),
      years: z.number(),
    }),
  ),
});
export type RetentionReportOut = z.infer<typeof retentionReportOut>;
