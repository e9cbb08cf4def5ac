import { currentCountryCodes } from '../../../domain/reference/countries';
import type { Situation } from '../../../domain/rules';

interface StatusRow {
  kind: string;
  paragraph: string | null;
  since: string;
  until: string | null;
  asylum_application_date: string | null;
  asylum_decision: string | null;
  asylum_decision_date: string | null;
  lives_in_reception_centre: boolean | null;
  own_fault_obstacle: boolean | null;
  identity_unclear: boolean | null;
  registered: boolean | null;
}

/** The rules engine's situation (CONTRACTS §2) from a person's stored facts; unknown stays unknown. */
export function situationOf(
  p: { id: string; nationalities: string[]; entry_date: string | null },
  status: StatusRow | undefined,
  asOf: string,
): Situation {
  return {
    id: p.id,
    asOf,
    // Old records may hold a retired code (ZR, BU …): the rules know only current countries.
    nationality: currentCountryCodes(p.nationalities)[0] ?? null,
    entryDate: p.entry_date,
    status: status
      ? {
          kind: status.kind as never,
          paragraph: status.paragraph,
          since: status.since,
          until: status.until,
          livesInReceptionCentre: status.lives_in_reception_centre,
          asylumApplicationDate: status.asylum_application_date,
          asylumDecision: status.asylum_decision as never,
          decisionDate: status.asylum_decision_date,
          ownFaultObstacle: status.own_fault_obstacle,
          identityUnclear: status.identity_unclear,
          registered: status.registered,
        }
      : null,
  };
}
