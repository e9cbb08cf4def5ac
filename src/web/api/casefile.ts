// The case-file, handover and rules answers, as the server's schemas declare them (z.infer), and the value
// lists where the server declares them (domain or schema modules that import nothing but zod and the
// domain). Decisions come straight from the pure rules engine: its types are imported, not copied.
import type { z } from 'zod';
import type { HandoverRecord } from '../../domain/handover/record';
import type { Decision, ExtendedDecision, LawData, RuleInfo } from '../../domain/rules';
import type { RetentionReportOut } from '../../server/modules/client-rights/schema';
import type { ConsentOut } from '../../server/modules/consents/schema';
import type { ExitCheckOut, ExitsDueOut, HandoverOut } from '../../server/modules/handovers/schema';
import type { StaffOut } from '../../server/modules/meta/schema';
import type { duplicateCandidates } from '../../server/modules/persons/schema';
import type { residenceStatusOut } from '../../server/modules/residence/schema';
import type { ImpactOut } from '../../server/modules/rules/schema';

export { DATA_CATEGORIES } from '../../domain/access/person-access';
export { HANDOVER_KINDS } from '../../domain/handover/receivers';
export { HANDOVER_STATES, type HandoverAction } from '../../domain/handover/state-machine';
export { ASYLUM_DECISIONS, STATUS_KINDS } from '../../domain/rules/situation-schema';
export { CONSENT_PURPOSES } from '../../server/modules/consents/schema';
export { HOUSEHOLD_RELATIONS } from '../../server/modules/household/schema';

/** The server adds title, basis and validity of each cited rule, so no reader ever sees a rule id. */
export type StatusCard = ExtendedDecision & {
  citedRules?: Pick<RuleInfo, 'id' | 'basis' | 'validFrom' | 'validTo' | 'title'>[];
};
export type { Decision, HandoverRecord, LawData };

export type Consent = ConsentOut;
/** The person after a new residence status, with the change of Rechtskreis it caused (or null). */
export type ResidenceAnswer = z.infer<typeof residenceStatusOut>;
/** A handover as answered; its record is the Übergabebogen (domain/handover/record). */
export type Handover = Omit<HandoverOut, 'record'> & { record: Partial<HandoverRecord> };
export type StaffMember = StaffOut;
export type DuplicateCandidates = z.infer<typeof duplicateCandidates>;
export type DuplicateCandidate = DuplicateCandidates['candidates'][number];
export type ExitCheck = ExitCheckOut;
export type ExitsDue = ExitsDueOut;
export type ImpactAnswer = ImpactOut;
export type RetentionReport = RetentionReportOut;
export type RetentionItem = RetentionReportOut['items'][number];
