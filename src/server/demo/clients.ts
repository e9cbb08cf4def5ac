import { DEFAULT_IP_MAX_STAY_MONTHS, exitDueOn } from '../../domain/handover/exit';
import { generatePersons } from '../../domain/people';
import { daysBetween, todayInGermany } from '../../domain/reference/dates';
import { evaluate, type Situation } from '../../domain/rules';
import { searchForm } from '../../domain/text/normalize';
import { personKeys } from '../modules/persons/repo';
import { addDays, pick, rng, weighted } from './random';
import { type StatusStep, statusHistory } from './statuses';

export interface DemoClientOptions {
  count: number;
  seed: number;
  municipalities: { id: string; weight: number }[];
  advisors: { jc: { id: string; team: string | null }[]; aa: { id: string; team: string | null }[] };
  agencies: { jc: string; aa: string; sozialamt: string; abh: string };
  createdBy: string;
  today?: string;
  /** The region's maximum stay in the IP (months); the demo keeps open cases mostly within it. */
  maxStayMonths?: number;
}

/** Share of open cases past the maximum stay: a realistic backlog, not most of the county. */
export const OVERDUE_SHARE = 0.03;

/**
 * The clients of the demo county: realistic names (original script and Latin) from the people generator,
 * a residence history per nationality, the Rechtskreis and the advising agency as the rules engine
 * decides them today, owners by agency, consents for the Sozialamt and the Ausländerbehörde, children.
 * Deterministic for a seed; plain rows ready to insert (ids are made here so the rows can refer to each other).
 */
export function demoClients(o: DemoClientOptions) {
  const today = o.today ?? todayInGermany();
  const maxStay = o.maxStayMonths ?? DEFAULT_IP_MAX_STAY_MONTHS;
  const r = rng(o.seed);
  const { persons: people } = generatePersons({ count: o.count, seed: o.seed, asOf: today });
  const homes = o.municipalities.map((m) => [m.id, m.weight] as const);
  const municipality = () => weighted(r, homes);
  const uuid = () => crypto.randomUUID();

  const persons = [];
  const statuses = [];
  const consents = [];
  const household = [];
  const nameKeyRows = [];
  for (const g of people) {
    const id = uuid();
    const nationality = g.nationality ?? 'SY';
    const { entryDate, steps } = statusHistory(r, nationality, today);
    const current: StatusStep = steps[steps.length - 1];
    const situation: Situation = {
      id,
      asOf: today,
      nationality,
      entryDate,
      status: {
        kind: current.kind as never,
        paragraph: current.paragraph,
        since: current.since,
        livesInReceptionCentre: current.lives_in_reception_centre,
        asylumApplicationDate: current.asylum_application_date,
        asylumDecision: current.asylum_decision as never,
        ownFaultObstacle: current.own_fault_obstacle,
        identityUnclear: current.identity_unclear,
        registered: current.registered,
        dublinCase: current.dublin_case,
        decisionDate: current.asylum_decision_date,
      },
    };
    const decision = evaluate(situation);
    const givenNames = g.givenNames.join(' ') || g.namesOriginal?.givenNames.join(' ') || '—';
    const familyName = g.familyName || g.namesOriginal?.familyName || '—';
    const roll = r();
    const caseStatus = roll < 0.08 ? 'intake' : roll < 0.93 ? 'active' : 'closed';
    const pool = decision.agency === 'JC' ? o.advisors.jc : decision.agency === 'AA' ? o.advisors.aa : [];
    const owner = caseStatus !== 'intake' && pool.length ? pick(r, pool) : null;
    const status = owner || caseStatus === 'closed' ? caseStatus : 'intake';
    const home = municipality();
    // Entry plus a few weeks, but never in the future.
    let ipEntry = [addDays(entryDate, 14 + Math.floor(r() * 60)), today].sort()[0];
    // The IP is a passage: an open case came in within the maximum stay, or the exit worklist would list
    // most of the county. A few (OVERDUE_SHARE) stay past it — the backlog the worklist is for.
    if (status !== 'closed' && exitDueOn(ipEntry, maxStay) < today) {
      const earliestOnTime = addDays(today, -Math.floor(maxStay * 30.4) + 3);
      ipEntry =
        r() < OVERDUE_SHARE
          ? [ipEntry, addDays(earliestOnTime, -5 - Math.floor(r() * 150))].sort()[1]
          : addDays(earliestOnTime, Math.floor(r() * (daysBetween(earliestOnTime, today) + 1)));
    }
    const languages = g.languages.map((l) => ({
      code: l.code,
      level: l.level === 'native' ? 'muttersprache' : l.level,
    }));
    if (r() < 0.85)
      languages.push({
        code: 'de',
        level: pick(r, ['A0', 'A1', 'A1', 'A2', 'A2', 'B1', 'B1', 'B2'] as const),
      });
    const names = [`${givenNames} ${familyName}`, ...(g.namesOriginal ? [g.namesOriginal.full] : [])];
    persons.push({
      id,
      given_names: givenNames,
      family_name: familyName,
      name_original: g.namesOriginal?.full ?? null,
      gender: g.gender,
      birth_date: g.birthDate,
      birth_date_precision: g.birthDatePrecision,
      nationalities: g.nationality ? [g.nationality] : [],
      languages: JSON.stringify(languages),
      phone:
        r() < 0.8 ? `+49 15${Math.floor(10 + r() * 89)} ${Math.floor(1_000_000 + r() * 8_999_999)}` : null,
      municipality_id: home,
      wohnsitzauflage_municipality_id:
        current.kind === 'aufenthaltserlaubnis' && current.paragraph?.startsWith('25') ? home : null,
      azr_number: r() < 0.85 ? String(Math.floor(100_000_000_000 + r() * 899_999_999_999)) : null,
      entry_date: entryDate,
      referral_source: pick(r, [
        'sozialamt',
        'sozialamt',
        'auslaenderbehoerde',
        'ehrenamt',
        'selbst',
      ] as const),
      rechtskreis: decision.benefits,
      case_status: status,
      owner_user_id: owner?.id ?? null,
      owner_agency_id: owner ? (decision.agency === 'JC' ? o.agencies.jc : o.agencies.aa) : null,
      team: owner?.team ?? null,
      ip_entry_date: ipEntry,
      closed_on:
        status === 'closed' ? [addDays(ipEntry, 365 + Math.floor(r() * 400)), today].sort()[0] : null,
      search_text: searchForm(names.join(' ')),
      created_by: o.createdBy,
    });
    for (const key of personKeys(names)) nameKeyRows.push({ key, person_id: id });
    for (const s of steps) statuses.push({ ...s, person_id: id, recorded_by: o.createdBy });
    if (r() < 0.7)
      consents.push({
        person_id: id,
        purpose: 'leistungsgewaehrung',
        recipient_agency_id: o.agencies.sozialamt,
        data_categories: ['identity', 'residence', 'household'],
        given_on: ipEntry,
        withdrawn_on: r() < 0.05 ? today : null,
        form_language: g.originalLanguage,
        recorded_by: o.createdBy,
      });
    if (r() < 0.25)
      consents.push({
        person_id: id,
        purpose: 'aufenthaltsrecht',
        recipient_agency_id: o.agencies.abh,
        data_categories: ['identity', 'residence', 'language'],
        given_on: ipEntry,
        withdrawn_on: null,
        form_language: g.originalLanguage,
        recorded_by: o.createdBy,
      });
    if (r() < 0.3) {
      const children = 1 + Math.floor(r() * 3);
      for (let c = 0; c < children; c++) {
        const birth = addDays(today, -Math.floor(200 + r() * 14 * 365));
        household.push({
          person_id: id,
          relation: 'child' as const,
          given_names: pick(r, people).givenNames[0] ?? 'Kind',
          family_name: familyName,
          birth_date: birth,
          needs_childcare: birth > addDays(today, -6 * 365),
        });
      }
    }
  }
  return { persons, statuses, consents, household, nameKeys: nameKeyRows };
}
