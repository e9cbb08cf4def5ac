import { z } from 'zod';
import { ASYLUM_DECISIONS, STATUS_KINDS } from '../../../domain/rules/situation-schema';
import { isoDate, pastDate } from '../common-schema';
import { personOut } from '../persons/schema';

/** A new residence status of a person; the history stays, the newest in force decides. */
export const residenceStatusBody = z
  .object({
    kind: z.enum(STATUS_KINDS),
    paragraph: z
      .string()
      .trim()
      .regex(/^\d{1,3}[a-z]?(\(\d+\))?$/, 'Paragraph wie "25(2)", "24" oder "60a"')
      .optional(),
    since: pastDate,
    until: isoDate.optional(),
    document: z.string().trim().max(100).optional(),
    workAnnotation: z.string().trim().max(300).optional(),
    asylumApplicationDate: pastDate.optional(),
    asylumDecision: z.enum(ASYLUM_DECISIONS).optional(),
    asylumDecisionDate: pastDate.optional(),
    livesInReceptionCentre: z.boolean().optional(),
    ownFaultObstacle: z.boolean().optional(),
    identityUnclear: z.boolean().optional(),
    registered: z.boolean().optional(),
    dublinCase: z.boolean().optional(),
    /**
     * Herford model: the advisor keeps the case across the Rechtskreiswechsel. A choice, never a default:
     * left out, the Jobcenter assigns the advisor as on any handover.
     */
    keepAdvisor: z.boolean().optional(),
  })
  .refine((b) => !b.until || b.until >= b.since, { path: ['until'], message: 'liegt vor dem Beginn' });
export type ResidenceStatusBody = z.infer<typeof residenceStatusBody>;

/** A Rechtskreiswechsel the new status caused, with the handover to the Jobcenter if one was prepared. */
export const rechtskreisChangeOut = z
  .object({ from: z.string(), to: z.string(), handoverId: z.string().nullable() })
  .nullable();
export type RechtskreisChange = z.infer<typeof rechtskreisChangeOut>;

/** The person as read after the change, and the change of Rechtskreis it caused (or null). */
export const residenceStatusOut = personOut.extend({ rechtskreisChange: rechtskreisChangeOut });
